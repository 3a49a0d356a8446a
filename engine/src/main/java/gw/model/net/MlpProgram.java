package gw.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link MlpInference}'s two passes over one {@link TapeRing} slot, as {@link OpCall}s bound once to the ring's
 * arrays, the slot's tape and the ring's weights: running a pass is running its calls in order, with no op objects
 * or contexts built per call. The products are libnd4j's matmul and xw_plus_b (oneDNN primitives on the CPU
 * backend's oneDNN build, the default: about half of Nd4j.gemm's time, which always calls OpenBLAS), tanh is
 * oneDNN's vectorised eltwise op (a sixth of ND4J's scalar sigmoid); the CUDA backend has the same ops.
 */
final class MlpProgram {
    private final OpCall[] forward;
    private final OpCall[] backward;

    /**
     * Forward: u1 = [x, e(t), 1] [Wx; Wt; b0] with the weights halved (each row at its own t), per hidden layer t = tanh u, s = 1 + t,
     * h = u s (SiLU of 2u), the tape's dh/du = s + h (2 - s), then u' = h W + b, out = h W + b at the last.
     * Backward (v into ring.out()): g = v Wout^T, per layer g *= dh/du, g = g W^T.
     */
    MlpProgram(TapeRing ring, TapeRing.Slot slot) {
        int depth = slot.depth();
        forward = new OpCall[1 + 7 * depth];
        int k = 0;
        forward[k++] = ring.inputCall(); // [x, e(t), 1] [Wx; Wt; b0]
        for (int l = 0; l < depth; l++) {
            INDArray u = ring.hidden(l % 2);
            INDArray d = slot.derivative(l);
            INDArray work = ring.work();
            forward[k++] = OpCall.tanh(u, d); // t
            forward[k++] = OpCall.add(d, ring.one(), d); // s = 1 + t
            forward[k++] = OpCall.multiply(u, d, u); // h = u s
            forward[k++] = OpCall.subtract(ring.two(), d, work); // 2 - s = 1 - t
            forward[k++] = OpCall.multiply(work, u, work); // h (1 - t)
            forward[k++] = OpCall.add(d, work, d); // dh/du = (1 + t) + u (1 - t^2)
            forward[k++] = ring.layerCall(l);
        }
        backward = new OpCall[2 * depth + 1];
        int j = 0;
        backward[j++] = ring.readOutVjpCall();
        for (int l = depth - 1; l >= 0; l--) {
            INDArray g = ring.hidden((depth - 1 - l) % 2);
            backward[j++] = OpCall.multiply(g, slot.derivative(l), g); // d out / du of this layer
            backward[j++] = ring.layerVjpCall(l);
        }
    }

    void forward() {
        for (OpCall c : forward) {
            c.run();
        }
    }

    void backward() {
        for (OpCall c : backward) {
            c.run();
        }
    }
}
