package gw.model.net;

import java.util.ArrayDeque;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link MlpInference}'s reusable memory at one batch size: the work arrays of a pass and up to {@code capacity}
 * tape slots, allocated on first use and reused for the life of the ring (callers hold its lock).
 *
 * <p>{@link #take} hands out, in this order, a slot whose evaluation had its VJP ({@link #release}: guidance
 * differentiates each evaluation once, most recent first), a new slot while under capacity, or the slot taken
 * longest ago. Taking a slot bumps its generation, so an evaluation knows when its tape is gone; a released slot
 * keeps its contents until it is taken again, so a second VJP of the same evaluation still finds it.
 */
final class TapeRing {
    private final DataType dtype;
    private final MlpWeights weights;
    private final int rows;
    private final int width;
    private final int depth;
    private final int capacity;
    private final ArrayDeque<Slot> taken = new ArrayDeque<>();
    private final ArrayDeque<Slot> released = new ArrayDeque<>();
    private final INDArray in;
    private final INDArray out;
    private final INDArray[] hidden;
    private final INDArray work;
    private final INDArray inFeatures;
    private final INDArray one;
    private final INDArray two;
    private final OpCall inputCall;
    private final OpCall readOutVjpCall;
    private final OpCall[] layerCalls;
    private final OpCall[] layerVjpCalls;
    private Slot spare;
    private int allocated;

    TapeRing(MlpWeights weights, int rows, int dim, int width, int depth, int features, int capacity) {
        this.weights = weights;
        this.dtype = weights.wx.dataType();
        this.rows = rows;
        this.width = width;
        this.depth = depth;
        this.capacity = Math.max(1, capacity);
        this.in = MlpInference.detached(dtype, rows, dim, 'c');
        this.out = MlpInference.detached(dtype, rows, dim, 'c');
        this.hidden = new INDArray[] {MlpInference.detached(dtype, rows, width, 'c'),
                MlpInference.detached(dtype, rows, width, 'c')};
        this.work = MlpInference.detached(dtype, rows, width, 'c');
        this.inFeatures = MlpInference.detached(dtype, rows, dim + features + 1, 'c');
        this.one = MlpInference.detached(dtype, 1).assign(1.0).reshape();
        this.two = MlpInference.detached(dtype, 1).assign(2.0).reshape();
        MlpWeights w = weights;
        // one plain product: two xw_plus_b (x Wx plus the time row e(t) Wt + b0) took 60-100 us against 6-26 us on
        // the CPU backend at 1-60 rows (that op is slow with few inputs per row)
        this.inputCall = OpCall.matmul(inFeatures, w.first, hidden[0], false, false);
        this.readOutVjpCall = OpCall.matmul(in, w.outW, hidden[0], false, true);
        this.layerCalls = new OpCall[depth];
        this.layerVjpCalls = new OpCall[depth];
        for (int l = 0; l < depth; l++) {
            layerCalls[l] = l + 1 < depth
                    ? OpCall.xwPlusB(hidden[l % 2], w.w[l], w.b[l], hidden[(l + 1) % 2])
                    : OpCall.xwPlusB(hidden[l % 2], w.outW, w.outB, out);
            layerVjpCalls[l] = OpCall.matmul(hidden[(depth - 1 - l) % 2], l > 0 ? w.w[l - 1] : w.wx,
                    l > 0 ? hidden[(depth - l) % 2] : out, false, true);
        }
    }

    /** Bytes of one slot. */
    static long slotBytes(DataType dtype, int rows, int width, int depth) {
        return (long) rows * width * depth * dtype.width();
    }

    /** Bytes of the work arrays, without slots. */
    static long workBytes(DataType dtype, int rows, int dim, int width, int features) {
        return ((long) rows * (3 * dim + features + 1) + 3L * rows * width) * dtype.width();
    }

    /** The slot for a new forward pass. */
    Slot take() {
        Slot s = released.pollLast();
        if (s == null && allocated < capacity) {
            s = new Slot();
            allocated++;
        }
        if (s == null) {
            s = taken.pollFirst();
        }
        s.generation++;
        taken.addLast(s);
        return s;
    }

    /** The evaluation of {@code s} at {@code generation} had its VJP: its slot may be taken first. */
    void release(Slot s, long generation) {
        if (s.generation == generation && taken.remove(s)) {
            released.addLast(s);
        }
    }

    /** A slot outside the ring, for recomputing an evaluation whose slot was taken. */
    Slot spare() {
        if (spare == null) {
            spare = new Slot();
        }
        spare.generation++;
        return spare;
    }

    /** [rows, dim]: the backward pass's input v. */
    INDArray in() {
        return in;
    }

    /** This ring's copy of the weights (refreshed by each forward pass). */
    MlpWeights weights() {
        return weights;
    }

    /**
     * [rows, dim + features + 1]: the forward pass's input, each row x, its time's features e(t) and a 1 (which
     * picks up the bias), so rows at different times share the pass.
     */
    INDArray inFeatures() {
        return inFeatures;
    }

    /** [rows, dim]: the pass's output. */
    INDArray out() {
        return out;
    }

    /** Two [rows, width] arrays the passes alternate between. */
    INDArray hidden(int i) {
        return hidden[i];
    }

    /** Scalars 1 and 2 of the ring's data type. */
    INDArray one() {
        return one;
    }

    INDArray two() {
        return two;
    }

    /** hidden(0) = inFeatures [Wx; Wt; b0]. */
    OpCall inputCall() {
        return inputCall;
    }

    /** hidden(0) = in Wout^T (the backward pass's start, v in in()). */
    OpCall readOutVjpCall() {
        return readOutVjpCall;
    }

    /** Layer l's product: from hidden(l % 2) into the other hidden array, or into out() at the last. */
    OpCall layerCall(int l) {
        return layerCalls[l];
    }

    /** The backward pass through layer l's product (transposed): into the other hidden array, or out() at l = 0. */
    OpCall layerVjpCall(int l) {
        return layerVjpCalls[l];
    }

    /** [rows, width] scratch. */
    INDArray work() {
        return work;
    }

    /** The SiLU derivative of each hidden layer of one forward pass. */
    final class Slot {
        private final INDArray[] derivative = new INDArray[depth];
        private final MlpProgram program;
        private long generation;

        private Slot() {
            for (int l = 0; l < depth; l++) {
                derivative[l] = MlpInference.detached(dtype, rows, width, 'c');
            }
            program = new MlpProgram(TapeRing.this, this);
        }

        /** The passes that write and read this slot's tape. */
        MlpProgram program() {
            return program;
        }

        int depth() {
            return depth;
        }

        INDArray derivative(int layer) {
            return derivative[layer];
        }

        long generation() {
            return generation;
        }
    }
}
