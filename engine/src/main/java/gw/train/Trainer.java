package gw.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gw.model.net.Network;
import gw.model.net.NetworkFile;
import gw.model.net.Parameters;
import gw.model.net.Scratch;
import gw.model.net.Tape;
import gw.solver.Interruption;
import gw.tensor.Batch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a network on its spec's {@link TrainingObjective} (flow matching, or cross-entropy for a classifier) with
 * Adam, keeping an EMA of the weights (the shipped model). Step s draws everything from a random stream seeded by
 * (seed, s) alone, so a run resumed from a checkpoint (weights, EMA, Adam moments, loss rows) continues exactly as
 * the uninterrupted run would.
 */
public final class Trainer {
    private final TrainSpec spec;
    private final TrainSpec.Settings s;
    private final TrainingObjective objective;
    private final Network net;
    private final INDArray ema;
    private final AdamOptimizer adam;
    private final List<LossRow> rows = new ArrayList<>();
    private int step;
    private double elapsedBefore;

    /** Receives progress after each step and each loss row; called on the training thread. */
    public interface Listener {
        void onStep(int step, int steps, double loss);

        default void onRow(LossRow row) {
        }

        /** A checkpoint's bytes, to be written atomically. */
        default void onCheckpoint(int step, byte[] checkpoint) {
        }
    }

    public Trainer(TrainSpec spec) {
        this.spec = spec;
        this.s = spec.training();
        this.net = spec.network();
        net.parameters().initialise(s.seed());
        this.ema = net.parameters().values().dup();
        DataType dt = net.parameters().dtype();
        this.adam = new AdamOptimizer(Nd4j.zeros(dt, ema.length()), Nd4j.zeros(dt, ema.length()));
        this.objective = TrainingObjectives.create(spec);
    }

    /** A trainer positioned where the checkpoint left off; the checkpoint must come from the same spec. */
    public static Trainer resume(TrainSpec spec, byte[] checkpoint, String what) {
        Trainer t = new Trainer(spec);
        NetworkFile.Loaded c = NetworkFile.decode(checkpoint, what);
        if (!specHash(spec).equals(c.meta().path("specSha256").asText())) {
            throw new gw.model.net.InvalidModelFileException(what + " was written for a different train spec");
        }
        if (!c.network().architecture().equals(t.net.architecture())) {
            throw new gw.model.net.InvalidModelFileException(what + " holds a different architecture");
        }
        t.net.parameters().values().assign(c.tensors().get("params"));
        t.ema.assign(c.tensors().get("ema"));
        t.adam.m().assign(c.tensors().get("adam.m"));
        t.adam.v().assign(c.tensors().get("adam.v"));
        t.step = c.meta().path("step").asInt();
        t.elapsedBefore = c.meta().path("elapsedSeconds").asDouble();
        for (JsonNode r : c.meta().path("rows")) {
            t.rows.add(new LossRow(r.get(0).asInt(), r.get(1).asDouble(), r.get(2).asDouble(), r.get(3).asDouble(),
                    r.get(4).asDouble(), r.has(5) ? r.get(5).asDouble() : Double.NaN));
        }
        return t;
    }

    public int step() {
        return step;
    }

    public TrainingObjective objective() {
        return objective;
    }

    public List<LossRow> rows() {
        return List.copyOf(rows);
    }

    /** Seconds spent training so far, including before a resume (during run: up to its start). */
    public double elapsedSeconds() {
        return elapsedBefore;
    }

    private double elapsedSeconds(long startNanos) {
        return elapsedBefore + (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * Trains to the spec's step count, checking for interruption between steps.
     * @throws java.util.concurrent.CancellationException when the thread is interrupted (the last checkpoint stays)
     */
    public void run(Listener listener) {
        long start = System.nanoTime();
        Parameters ps = net.parameters();
        double lossSum = 0;
        int lossCount = 0;
        while (step < s.steps()) {
            Interruption.check();
            double loss = trainStep(ps);
            if (!Double.isFinite(loss)) {
                throw new gw.tensor.NonFiniteException("training loss at step " + (step + 1) + " (lower the learning rate)");
            }
            lossSum += loss;
            lossCount++;
            step++;
            listener.onStep(step, s.steps(), loss);
            if (step % s.logEvery() == 0 || step == s.steps()) {
                LossRow row = objective.evaluate(emaNetwork(), step, lossSum / lossCount,
                        AdamOptimizer.learningRate(s, step - 1));
                rows.add(row);
                listener.onRow(row);
                lossSum = 0;
                lossCount = 0;
            }
            if (step % s.checkpointEvery() == 0 && step < s.steps()) {
                listener.onCheckpoint(step, checkpoint(elapsedSeconds(start)));
            }
        }
        elapsedBefore = elapsedSeconds(start);
    }

    private double trainStep(Parameters ps) {
        SplittableRandom r = new SplittableRandom(s.seed() * 0x9E3779B97F4A7C15L + step);
        // every array of the step lives in the thread's scratch memory; only the parameters, EMA and Adam moments
        // (created outside) are written
        return Scratch.run(() -> update(ps, r));
    }

    private double update(Parameters ps, SplittableRandom r) {
        TrainingObjective.Minibatch batch = objective.draw(r, s.batch(), ps.dtype());
        ps.zeroGrads();
        Tape tape = new Tape(true);
        INDArray out = net.forward(batch.x(), batch.t(), tape);
        double loss = objective.lossAndGradient(out, batch);
        net.backward(out, tape);
        adam.update(ps.values(), ps.grads(), AdamOptimizer.learningRate(s, step), step);
        // the usual EMA warm-up: early on the average forgets the random initialisation faster
        double decay = Math.min(s.ema(), (1.0 + step) / (10.0 + step));
        ema.muli(decay).addi(ps.values().mul(1 - decay));
        return loss;
    }

    /** A network holding the EMA weights (what is shipped and validated). */
    public Network emaNetwork() {
        Network copy = spec.network();
        copy.parameters().values().assign(ema);
        return copy;
    }

    byte[] checkpoint(double elapsedSeconds) {
        ObjectNode meta = JsonNodeFactory.instance.objectNode();
        meta.put("role", "checkpoint");
        meta.put("step", step);
        meta.put("specSha256", specHash(spec));
        meta.put("elapsedSeconds", elapsedSeconds);
        ArrayNode list = meta.putArray("rows");
        for (LossRow row : rows) {
            list.addArray().add(row.step()).add(row.trainLoss()).add(row.validationLoss())
                    .add(row.validationVelocityLoss()).add(row.learningRate()).add(row.accuracy());
        }
        Map<String, INDArray> extra = new LinkedHashMap<>();
        extra.put("ema", ema);
        extra.put("adam.m", adam.m());
        extra.put("adam.v", adam.v());
        return NetworkFile.encode(net, extra, meta);
    }

    static String specHash(TrainSpec spec) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(spec.source().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A seeded permutation's first {@code v} points for validation, the rest for training. */
    static Batch[] split(Batch points, int v, long seed) {
        int n = points.rows();
        int d = points.cols();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        double[] val = new double[v * d];
        double[] tr = new double[(n - v) * d];
        for (int i = 0; i < n; i++) {
            double[] dst = i < v ? val : tr;
            int at = i < v ? i : i - v;
            System.arraycopy(points.data(), order[i] * d, dst, at * d, d);
        }
        return new Batch[] {new Batch(tr, n - v, d), new Batch(val, v, d)};
    }
}
