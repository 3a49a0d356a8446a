package gw.model.net;

import gw.tensor.Batch;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Guidance's passes of an {@link Mlp} at one time shared by the batch: a forward pass that keeps what the input VJP
 * needs, so a VJP at the same point (the usual case: lookahead and end-to-end differentiate every evaluation they
 * made) costs one backward pass instead of a second forward pass and a backward pass.
 *
 * <p>Every op writes into arrays allocated once per batch size and reused (touching fresh memory is what ND4J ops
 * cost most on the development machine, see {@link Scratch}): the forward keeps the SiLU derivative
 * d = s (1 + z (1 - s)) = s + y (1 - s), s = sigmoid(z), y = z s, of each hidden pre-activation z in a
 * {@link TapeRing} slot. Slots are reused (see {@link TapeRing#take}) within a byte budget, so a VJP whose slot was
 * taken recomputes its forward pass (the same result). The forward computes SiLU as z * sigmoid(z), bit for bit
 * what the training pass's ND4J Swish op gives, and its products as INDArray.mmul lays them out, so its output is
 * the layer-by-layer network's bit for bit; the matrix products are ND4J gemm calls (the CUDA backend runs the
 * same code).
 * Passes at one batch size run one at a time (threads share a ring under its lock).
 */
public final class MlpInference {
    /** Default bytes per batch size: the 50 tapes of end-to-end guidance at 4096 points, width 128, depth 3. */
    public static final long DEFAULT_TAPE_BUDGET = 384L << 20;
    /** At most this many kept tapes per ring: end-to-end guidance on a 50-step grid differentiates up to 50. */
    public static final int MAX_SLOTS = 64;
    private static final int MAX_BATCH_SIZES = 3;
    private final Mlp net;
    private final INDArray wx;
    private final INDArray wt;
    private final INDArray b0;
    private final INDArray[] w; // hidden weights, then the read-out
    private final INDArray[] b;
    private final long tapeBudget;
    private final Map<Integer, TapeRing> rings = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, TapeRing> eldest) {
            return size() > MAX_BATCH_SIZES;
        }
    };

    public MlpInference(Mlp net) {
        this(net, DEFAULT_TAPE_BUDGET);
    }

    public MlpInference(Mlp net, long tapeBudget) {
        this.net = net;
        this.tapeBudget = tapeBudget;
        this.wx = param("in.wx");
        this.wt = param("in.wt");
        this.b0 = param("in.b");
        int depth = net.config().depth();
        this.w = new INDArray[depth];
        this.b = new INDArray[depth];
        for (int i = 1; i < depth; i++) {
            w[i - 1] = param("hidden" + i + ".w");
            b[i - 1] = param("hidden" + i + ".b");
        }
        w[depth - 1] = param("out.w");
        b[depth - 1] = param("out.b");
    }

    private INDArray param(String name) {
        for (Param p : net.parameters().list()) {
            if (p.name().equals(name)) {
                return p.value();
            }
        }
        throw new IllegalStateException("an Mlp without parameter " + name);
    }

    /** The network's output at x (rows) and time t, keeping the tape for {@link Evaluation#vjp}. */
    public Evaluation evaluate(Batch x, double t) {
        if (x.cols() != net.config().dim()) {
            throw new IllegalArgumentException("x has " + x.cols() + " columns, the network " + net.config().dim());
        }
        TapeRing ring = ring(x.rows());
        synchronized (ring) {
            TapeRing.Slot slot = ring.take();
            Batch out = Scratch.run(() -> forward(ring, slot, x, t));
            return new Evaluation(ring, slot, slot.generation(), x, t, out);
        }
    }

    private synchronized TapeRing ring(int rows) {
        return rings.computeIfAbsent(rows, r -> {
            DataType dt = net.parameters().dtype();
            int width = net.config().width();
            int depth = net.config().depth();
            long free = tapeBudget - TapeRing.workBytes(dt, r, net.config().dim(), width);
            long slots = free / TapeRing.slotBytes(dt, r, width, depth);
            return new TapeRing(dt, r, net.config().dim(), width, depth, (int) Math.max(1, Math.min(MAX_SLOTS, slots)));
        });
    }

    /** h1 = x Wx + (e(t) Wt + b0); per hidden layer z -> (z sigmoid(z), d); out = h W + b. */
    private Batch forward(TapeRing ring, TapeRing.Slot slot, Batch x, double t) {
        load(ring.in(), x);
        INDArray timeRow = net.embedding().embed(t).mmul(wt).addiRowVector(b0);
        INDArray h = ring.hidden(0);
        Nd4j.gemm(ring.in(), wx, h, false, false, 1.0, 0.0);
        h.addiRowVector(timeRow);
        int depth = w.length;
        for (int l = 0; l < depth; l++) {
            INDArray d = slot.derivative(l);
            INDArray s = ring.work();
            Nd4j.exec(new Sigmoid(h, s));
            h.muli(s); // the activation y = z s
            s.rsub(1.0, d).muli(h).addi(s); // d = s (1 + z (1 - s)) = s + y (1 - s)
            INDArray next = l + 1 < depth ? ring.hidden((l + 1) % 2) : ring.out();
            Nd4j.gemm(h, w[l], next, false, false, 1.0, 0.0);
            next.addiRowVector(b[l]);
            h = next;
        }
        return rows(ring.out());
    }

    /** v^T d out / dx from the derivatives in {@code slot}. */
    private Batch backward(TapeRing ring, TapeRing.Slot slot, Batch v) {
        load(ring.in(), v);
        int depth = w.length;
        INDArray g = ring.hidden(0);
        Nd4j.gemm(ring.in(), w[depth - 1], g, false, true, 1.0, 0.0);
        for (int l = depth - 1; l >= 0; l--) {
            g.muli(slot.derivative(l));
            INDArray next = l > 0 ? ring.hidden((depth - l) % 2) : ring.out();
            Nd4j.gemm(g, l > 0 ? w[l - 1] : wx, next, false, true, 1.0, 0.0);
            g = next;
        }
        return rows(ring.out());
    }

    /** A column-major [B, D] array as a Batch (row-major). */
    private static Batch rows(INDArray a) {
        int n = (int) a.size(0);
        int d = (int) a.size(1);
        double[] col = a.data().asDouble();
        double[] row = new double[col.length];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < n; i++) {
                row[i * d + j] = col[j * n + i];
            }
        }
        return new Batch(row, n, d);
    }

    private static void load(INDArray target, Batch b) {
        double[] d = b.data();
        if (target.dataType() == DataType.DOUBLE) {
            target.data().setData(d);
            return;
        }
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        target.data().setData(f);
    }

    /** One forward pass: its output, and the input VJP from its tape while the tape's slot is still its own. */
    public final class Evaluation {
        private final TapeRing ring;
        private final TapeRing.Slot slot;
        private final long generation;
        private final Batch x;
        private final double t;
        private final Batch out;

        private Evaluation(TapeRing ring, TapeRing.Slot slot, long generation, Batch x, double t, Batch out) {
            this.ring = ring;
            this.slot = slot;
            this.generation = generation;
            this.x = x;
            this.t = t;
            this.out = out;
        }

        public Batch output() {
            return out;
        }

        /** v^T d output / dx, row by row; from the kept tape while its slot is its own, else after a new forward. */
        public Batch vjp(Batch v) {
            if (v.rows() != x.rows() || v.cols() != x.cols()) {
                throw new IllegalArgumentException("v is " + v.rows() + "x" + v.cols() + ", x " + x.rows() + "x"
                        + x.cols());
            }
            synchronized (ring) {
                if (slot.generation() == generation) {
                    Batch g = Scratch.run(() -> backward(ring, slot, v));
                    ring.release(slot, generation);
                    return g;
                }
                TapeRing.Slot spare = ring.spare();
                return Scratch.run(() -> {
                    forward(ring, spare, x, t);
                    return backward(ring, spare, v);
                });
            }
        }
    }

    /** Allocates outside any workspace, so the buffers outlive the pass that first needs them. */
    static INDArray detached(DataType dtype, long rows, long cols, char order) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return Nd4j.create(dtype, new long[] {rows, cols}, order);
        }
    }
}
