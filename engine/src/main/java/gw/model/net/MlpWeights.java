package gw.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The weights {@link MlpInference} multiplies by: every layer that feeds a SiLU scaled by 1/2 (so its product is
 * u = z/2, the argument of SiLU(z) = u (1 + tanh u)), views of one flat copy of the parameters. {@link #refresh}
 * copies the live parameters in before every forward pass (one bound op on a few ten thousand numbers), so a network that
 * keeps training is seen as it is now. Scaling by 1/2 is exact. (The VJP multiplies by their transposes through the
 * matmul op's transpose flag: as fast as a pre-transposed copy, whose copying cost more than it saved.)
 */
final class MlpWeights {
    private final Mlp net;
    private final INDArray half; // the flat parameter vector times 1/2
    private final OpCall refresh;
    final INDArray wx;
    final INDArray first; // [Wx; Wt; b0]: one [dim + features + 1, width] view, the first layer as one product
    final INDArray[] w; // hidden layers, 1/2 scaled
    final INDArray[] b;
    final INDArray outW; // the read-out, as it is
    final INDArray outB;

    MlpWeights(Mlp net) {
        this.net = net;
        INDArray values = net.parameters().values();
        this.half = MlpInference.detached(values.dataType(), values.length());
        int depth = net.config().depth();
        this.wx = view("in.wx");
        Param px = param("in.wx");
        Param pt = param("in.wt");
        Param pb = param("in.b");
        if (pt.offset() != px.offset() + px.length() || pb.offset() != pt.offset() + pt.length()) {
            throw new IllegalStateException("an Mlp whose in.wx, in.wt and in.b do not follow each other");
        }
        this.first = half.get(NDArrayIndex.interval(px.offset(), pb.offset() + pb.length()))
                .reshape('c', px.shape()[0] + pt.shape()[0] + 1, px.shape()[1]);
        this.w = new INDArray[depth - 1];
        this.b = new INDArray[depth - 1];
        for (int i = 1; i < depth; i++) {
            w[i - 1] = view("hidden" + i + ".w");
            b[i - 1] = view("hidden" + i + ".b");
        }
        this.outW = param("out.w").value();
        this.outB = param("out.b").value();
        // bound once: building the scalar op per pass (values.mul(0.5, half)) cost 30-50 us of a ~300 us pass
        INDArray halfScalar = MlpInference.detached(values.dataType(), 1).assign(0.5).reshape();
        this.refresh = OpCall.multiply(values, halfScalar, half);
    }

    private Param param(String name) {
        for (Param p : net.parameters().list()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalStateException("an Mlp without parameter " + name);
    }

    private INDArray view(String name) {
        Param p = param(name);
        return half.get(NDArrayIndex.interval(p.offset(), p.offset() + p.length())).reshape('c', p.shape());
    }

    /** Copies the network's current parameters in. */
    void refresh() {
        refresh.run();
    }
}
