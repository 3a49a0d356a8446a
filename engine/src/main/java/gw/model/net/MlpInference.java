package gw.model.net;

import gw.tensor.Batch;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Guidance's passes of an {@link Mlp} (its rows at one time, or each at its own): a forward pass that keeps what the
 * input VJP needs, so a VJP at the same point (the usual case: lookahead and end-to-end differentiate every evaluation
 * they made) costs one backward pass instead of a second forward pass and a backward pass.
 *
 * <p>SiLU runs through tanh, which oneDNN vectorises (ND4J's sigmoid is scalar code): with u = z/2,
 * SiLU(z) = z sigmoid(z) = u (1 + tanh u), and the weights feeding each SiLU are stored halved ({@link MlpWeights}),
 * so u comes straight out of the layer's product. The forward keeps, per hidden layer, the derivative
 * dSiLU/du = (1 + t)(1 + u (1 - t)) = (1 + t) + h (1 - t), t = tanh u, h = u (1 + t), in a {@link TapeRing} slot;
 * the VJP multiplies by it and by the halved weights, transposed. The passes are libnd4j ops bound once to arrays
 * allocated once per batch size and reused ({@link MlpProgram}: oneDNN on the CPU backend, the same ops on CUDA;
 * touching fresh memory is what ND4J ops cost most on the development machine, see {@link Scratch}).
 * The result equals the layer-by-layer network's to float rounding, not bit for bit (MlpInferenceTest).
 *
 * <p>A batch of a few thousand rows is split over {@link Lanes} (Java threads each running ND4J's ops on its rows;
 * one lane where ND4J's ops already use every core). Each lane keeps its rows' tapes in a ring of its own; slots are
 * reused (see {@link TapeRing#take}) within a byte budget, so a VJP whose slot was taken recomputes its forward pass
 * (the same result). Passes on one ring run one at a time (threads share a ring under its lock).
 */
public final class MlpInference {
    /** Default bytes per batch size: the 50 tapes of end-to-end guidance at 4096 points, width 128, depth 3. */
    public static final long DEFAULT_TAPE_BUDGET = 384L << 20;
    /** At most this many kept tapes per ring: end-to-end guidance on a 50-step grid differentiates up to 50. */
    public static final int MAX_SLOTS = 64;
    private static final int MAX_BATCH_SIZES = 3;
    private final Mlp net;
    private final long tapeBudget;
    private final int lanes; // 0: as Lanes.forRows says
    private final Map<Long, TapeRing> rings = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, TapeRing> eldest) {
            return size() > MAX_BATCH_SIZES * Math.max(lanes, Lanes.count());
        }
    };

    public MlpInference(Mlp net) {
        this(net, DEFAULT_TAPE_BUDGET);
    }

    /** @param tapeBudget bytes of tapes per batch size (shared by its lanes) */
    public MlpInference(Mlp net, long tapeBudget) {
        this(net, tapeBudget, 0);
    }

    /** @param lanes how many lanes every batch (of at least that many rows) is split over; 0: by its size */
    MlpInference(Mlp net, long tapeBudget, int lanes) {
        this.net = net;
        this.tapeBudget = tapeBudget;
        this.lanes = lanes;
    }

    /**
     * The network's output at x (rows) and time t, keeping the tape for {@link Evaluation#vjp}. A large batch is
     * split over {@link Lanes}, each lane's rows in a ring of its own.
     */
    public Evaluation evaluate(Batch x, double t) {
        return evaluate(x, new double[] {t});
    }

    /**
     * The same with row r at its own time t[r]: one pass for rows at different times, since the first layer
     * multiplies each row's [x, e(t_r), 1] by [Wx; Wt; b0] ({@link MlpProgram}); t of length 1 is one time for
     * every row.
     * Equal to evaluating each row at its time alone, to float rounding.
     */
    public Evaluation evaluate(Batch x, double[] t) {
        if (x.cols() != net.config().dim()) {
            throw new IllegalArgumentException("x has " + x.cols() + " columns, the network " + net.config().dim());
        }
        if (t.length != 1 && t.length != x.rows()) {
            throw new IllegalArgumentException("t has " + t.length + " entries, x " + x.rows() + " rows");
        }
        double[] times = t.clone();
        int k = lanes > 0 ? Math.min(lanes, x.rows()) : Lanes.forRows(x.rows());
        double[] out = new double[x.rows() * x.cols()];
        List<Part> parts = Lanes.run(k, lane -> {
            int r0 = start(lane, k, x.rows());
            TapeRing ring = ring(start(lane + 1, k, x.rows()) - r0, lane, k);
            synchronized (ring) {
                TapeRing.Slot slot = ring.take();
                Scratch.run(() -> {
                    forward(ring, slot, x, r0, times);
                    return store(ring.out(), out, r0);
                });
                return new Part(ring, slot, slot.generation(), r0);
            }
        });
        return new Evaluation(parts, x, times, new Batch(out, x.rows(), x.cols()));
    }

    /** How many lanes (threads) a batch of {@code rows} runs on (gw.model.net.Lanes). */
    public static int lanes(int rows) {
        return Lanes.forRows(rows);
    }

    /** The first row of lane {@code lane} of {@code k} over {@code rows} rows. */
    private static int start(int lane, int k, int rows) {
        return (int) ((long) rows * lane / k);
    }

    private synchronized TapeRing ring(int rows, int lane, int lanes) {
        return rings.computeIfAbsent(((long) rows << 8) | lane, key -> {
            DataType dt = net.parameters().dtype();
            int width = net.config().width();
            int depth = net.config().depth();
            long free = tapeBudget / lanes - TapeRing.workBytes(dt, rows, net.config().dim(), width,
                    net.embedding().features());
            long slots = free / TapeRing.slotBytes(dt, rows, width, depth);
            return new TapeRing(new MlpWeights(net), rows, net.config().dim(), width, depth,
                    net.embedding().features(), (int) Math.max(1, Math.min(MAX_SLOTS, slots)));
        });
    }

    /**
     * The forward pass (MlpProgram) of x's rows from r0 on at time t (one entry: shared; else t[r] for row r), its
     * tape into {@code slot}.
     */
    private void forward(TapeRing ring, TapeRing.Slot slot, Batch x, int r0, double[] t) {
        ring.weights().refresh();
        loadWithTimes(ring.inFeatures(), x, t, r0);
        slot.program().forward();
    }

    /** Row i of target = [x row r0 + i, e(t of that row), 1] (t of length 1: every row's). */
    private void loadWithTimes(INDArray target, Batch x, double[] t, int r0) {
        int n = (int) target.size(0);
        int width = (int) target.size(1);
        int d = x.cols();
        double[] row = new double[n * width];
        double[] e = null;
        for (int i = 0; i < n; i++) {
            System.arraycopy(x.data(), (r0 + i) * d, row, i * width, d);
            if (i == 0 || t.length > 1 && t[r0 + i] != t[r0 + i - 1]) {
                e = net.embedding().features(t[t.length == 1 ? 0 : r0 + i]); // rows that share a time share them
            }
            System.arraycopy(e, 0, row, i * width + d, e.length);
            row[(i + 1) * width - 1] = 1.0;
        }
        if (target.dataType() == DataType.DOUBLE) {
            target.data().setData(row);
            return;
        }
        float[] f = new float[row.length];
        for (int i = 0; i < row.length; i++) {
            f[i] = (float) row[i];
        }
        target.data().setData(f);
    }

    /** v^T d out / dx (v's rows from r0 on) from the derivatives in {@code slot}, into ring.out(). */
    private void backward(TapeRing ring, TapeRing.Slot slot, Batch v, int r0) {
        load(ring.in(), v, r0);
        slot.program().backward();
    }

    /** Copies a C-order [n, D] array into rows r0.. of a row-major [B, D] array. */
    private static Void store(INDArray a, double[] target, int r0) {
        double[] d = a.data().asDouble();
        System.arraycopy(d, 0, target, r0 * (int) a.size(1), d.length);
        return null;
    }

    /** Rows r0.. of b, as many as target has, into target. */
    private static void load(INDArray target, Batch b, int r0) {
        int n = (int) target.length();
        int from = r0 * b.cols();
        double[] d = b.data();
        if (target.dataType() == DataType.DOUBLE) {
            target.data().setData(from == 0 && n == d.length ? d : Arrays.copyOfRange(d, from, from + n));
            return;
        }
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) d[from + i];
        }
        target.data().setData(f);
    }

    /** One lane's share of an evaluation: its rows' tape, while its slot is still its own. */
    private final class Part {
        private final TapeRing ring;
        private final TapeRing.Slot slot;
        private final long generation;
        private final int r0;

        Part(TapeRing ring, TapeRing.Slot slot, long generation, int r0) {
            this.ring = ring;
            this.slot = slot;
            this.generation = generation;
            this.r0 = r0;
        }

        /** The VJP of this part's rows into {@code out}: from the kept tape, else after a new forward pass. */
        Void vjp(Batch x, double[] t, Batch v, double[] out) {
            synchronized (ring) {
                if (slot.generation() == generation) {
                    Scratch.run(() -> {
                        backward(ring, slot, v, r0);
                        return store(ring.out(), out, r0);
                    });
                    ring.release(slot, generation);
                    return null;
                }
                TapeRing.Slot spare = ring.spare();
                return Scratch.run(() -> {
                    forward(ring, spare, x, r0, t);
                    backward(ring, spare, v, r0);
                    return store(ring.out(), out, r0);
                });
            }
        }
    }

    /** One forward pass: its output, and the input VJP from its tapes. */
    public final class Evaluation {
        private final List<Part> parts;
        private final Batch x;
        private final double[] t;
        private final Batch out;

        private Evaluation(List<Part> parts, Batch x, double[] t, Batch out) {
            this.parts = parts;
            this.x = x;
            this.t = t;
            this.out = out;
        }

        public Batch output() {
            return out;
        }

        /** v^T d output / dx, row by row; from the kept tapes while their slots are their own, else recomputed. */
        public Batch vjp(Batch v) {
            if (v.rows() != x.rows() || v.cols() != x.cols()) {
                throw new IllegalArgumentException("v is " + v.rows() + "x" + v.cols() + ", x " + x.rows() + "x"
                        + x.cols());
            }
            double[] g = new double[v.rows() * v.cols()];
            Lanes.run(parts.size(), lane -> parts.get(lane).vjp(x, t, v, g));
            return new Batch(g, v.rows(), v.cols());
        }
    }

    /** Allocates outside any workspace, so the buffers outlive the pass that first needs them. */
    static INDArray detached(DataType dtype, long rows, long cols, char order) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return Nd4j.create(dtype, new long[] {rows, cols}, order);
        }
    }

    /** A detached vector. */
    static INDArray detached(DataType dtype, long length) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return Nd4j.create(dtype, length);
        }
    }
}
