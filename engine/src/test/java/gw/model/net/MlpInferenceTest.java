package gw.model.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.tensor.Batch;
import gw.tensor.Noise;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Guidance's kept-tape passes of an MLP against the layer-by-layer network training fits: the same output and input
 * VJP to rounding (SiLU as u (1 + tanh u) with halved weights and oneDNN's products round differently from ND4J's
 * Swish and gemm, so not bit for bit), and the same VJP again when the tape's slot was taken by a later evaluation
 * (it recomputes the forward pass) or the VJP comes from another thread.
 */
class MlpInferenceTest {

    private static Mlp mlp(DataType dtype, long seed) {
        return mlp(dtype, 16, seed);
    }

    /** Weights away from their initial scale (SiLU's curved part), reproducibly. */
    private static Mlp mlp(DataType dtype, int width, long seed) {
        Mlp net = new Mlp(new Mlp.Config(2, width, 3, 4, 50.0, dtype));
        net.parameters().initialise(seed);
        Nd4j.getRandom().setSeed(seed);
        INDArray v = net.parameters().values();
        v.addi(Nd4j.randn(DataType.DOUBLE, v.shape()).muli(0.3).castTo(dtype));
        return net;
    }

    private static double[] reference(Mlp net, Batch x, double t, Batch v) {
        DataType dt = net.parameters().dtype();
        INDArray tt = Nd4j.scalar(dt, t).reshape(1);
        return Scratch.run(() -> {
            Tape tape = new Tape(false);
            net.forward(x.toINDArray().castTo(dt), tt, tape);
            INDArray g = net.backward(v.toINDArray().castTo(dt), tape);
            return Batch.of(g.castTo(DataType.DOUBLE)).data();
        });
    }

    private static double[] output(Mlp net, Batch x, double t) {
        DataType dt = net.parameters().dtype();
        return Scratch.run(() -> Batch.of(net.forward(x.toINDArray().castTo(dt), Nd4j.scalar(dt, t).reshape(1), null)
                .castTo(DataType.DOUBLE)).data());
    }

    /** max |a - b| / max |a|. */
    static double maxRel(double[] a, double[] b) {
        double m = 0;
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
            s = Math.max(s, Math.abs(a[i]));
        }
        return m / s;
    }

    @Test
    void theSameOutputAndVjpToRounding() {
        for (DataType dt : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (int width : new int[] {16, 128}) {
                Mlp net = mlp(dt, width, 7);
                MlpInference inference = new MlpInference(net);
                for (double t : new double[] {0.0, 0.42, 1.0}) {
                    Batch x = Noise.gaussian(33, 2, 5);
                    Batch v = Noise.gaussian(33, 2, 6);
                    MlpInference.Evaluation e = inference.evaluate(x, t);
                    double[] refOut = output(net, x, t);
                    double[] gotOut = e.output().data();
                    double[] ref = reference(net, x, t, v);
                    double[] got = e.vjp(v).data();
                    // measured: at most 9.3e-7 (float32) and 2.0e-15 (float64) of the largest entry; 10x margin
                    double tol = dt == DataType.FLOAT ? 1e-5 : 2e-14;
                    String what = dt + " width " + width + " t=" + t;
                    assertTrue(maxRel(refOut, gotOut) <= tol, what + " output off by " + maxRel(refOut, gotOut));
                    assertTrue(maxRel(ref, got) <= tol, what + " VJP off by " + maxRel(ref, got));
                }
            }
        }
    }

    @Test
    void aBatchSplitOverLanesGivesWhatOneLaneGives() {
        Mlp net = mlp(DataType.DOUBLE, 32, 4);
        MlpInference one = new MlpInference(net, MlpInference.DEFAULT_TAPE_BUDGET, 1);
        MlpInference three = new MlpInference(net, MlpInference.DEFAULT_TAPE_BUDGET, 3);
        Batch x = Noise.gaussian(50, 2, 3);
        Batch v = Noise.gaussian(50, 2, 4);
        MlpInference.Evaluation a = one.evaluate(x, 0.6);
        MlpInference.Evaluation b = three.evaluate(x, 0.6);
        // row by row the same ops on the same numbers, whichever lane a row is in
        assertArrayEquals(a.output().data(), b.output().data(), 1e-13, "output");
        assertArrayEquals(a.vjp(v).data(), b.vjp(v).data(), 1e-13, "VJP");
        b.vjp(v); // a second VJP, from the released slots
        MlpInference.Evaluation later = three.evaluate(Noise.gaussian(50, 2, 9), 0.2);
        assertArrayEquals(reference(net, x, 0.6, v), b.vjp(v).data(), 1e-12, "recomputed per lane");
        assertArrayEquals(reference(net, Noise.gaussian(50, 2, 9), 0.2, v), later.vjp(v).data(), 1e-12);
    }

    @Test
    void aTakenSlotOrAnotherThreadGivesTheSameVjp() throws Exception {
        Mlp net = mlp(DataType.DOUBLE, 9);
        MlpInference inference = new MlpInference(net, 0); // one slot
        Batch x = Noise.gaussian(5, 2, 1);
        Batch v = Noise.gaussian(5, 2, 2);
        MlpInference.Evaluation e = inference.evaluate(x, 0.3);
        double[] kept = e.vjp(v).data();
        assertArrayEquals(kept, e.vjp(v).data(), 0.0, "a second VJP of the same evaluation");
        CompletableFuture<double[]> elsewhere = CompletableFuture.supplyAsync(() -> e.vjp(v).data());
        assertArrayEquals(kept, elsewhere.get(), 0.0, "from another thread");
        MlpInference.Evaluation later = inference.evaluate(Noise.gaussian(5, 2, 10), 0.8);
        assertArrayEquals(kept, e.vjp(v).data(), 0.0, "after its slot was taken");
        assertArrayEquals(reference(net, x, 0.3, v), kept, 1e-12);
        assertArrayEquals(reference(net, Noise.gaussian(5, 2, 10), 0.8, v), later.vjp(v).data(), 1e-12,
                "the recompute left the later evaluation's tape alone");
    }

    /** The layer-by-layer network with row r at time t[r] (as training evaluates it): output, then VJP of v. */
    private static double[][] referenceAt(Mlp net, Batch x, double[] t, Batch v) {
        DataType dt = net.parameters().dtype();
        INDArray tt = Nd4j.create(t, new long[] {t.length}, DataType.DOUBLE).castTo(dt);
        return Scratch.run(() -> {
            Tape tape = new Tape(false);
            INDArray out = net.forward(x.toINDArray().castTo(dt), tt, tape);
            double[] o = Batch.of(out.castTo(DataType.DOUBLE)).data();
            INDArray g = net.backward(v.toINDArray().castTo(dt), tape);
            return new double[][] {o, Batch.of(g.castTo(DataType.DOUBLE)).data()};
        });
    }

    /**
     * Rows at their own times in one pass (the continuous ideal's batched solve): what the network gives each row
     * at its time, also when the VJP recomputes the pass after its slot was taken.
     */
    @Test
    void rowsAtTheirOwnTimesGiveWhatTheNetworkGivesAtThoseTimes() {
        for (DataType dt : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            Mlp net = mlp(dt, 16, 11);
            MlpInference inference = new MlpInference(net, 0); // one slot: the second evaluation takes it
            Batch x = Noise.gaussian(12, 2, 5);
            Batch v = Noise.gaussian(12, 2, 6);
            double[] t = new double[12];
            for (int r = 0; r < t.length; r++) {
                t[r] = r < 4 ? 0.0 : (r % 3) * 0.37 + 0.01; // a run of equal times, then alternating ones
            }
            double[][] ref = referenceAt(net, x, t, v);
            MlpInference.Evaluation e = inference.evaluate(x, t);
            // measured: at most 4.8e-7 (float32) and 1.1e-15 (float64) of the largest entry; 10x margin or more
            double tol = dt == DataType.FLOAT ? 1e-5 : 2e-14;
            assertTrue(maxRel(ref[0], e.output().data()) <= tol, dt + " output off by "
                    + maxRel(ref[0], e.output().data()));
            assertTrue(maxRel(ref[1], e.vjp(v).data()) <= tol, dt + " VJP off by " + maxRel(ref[1], e.vjp(v).data()));
            inference.evaluate(Noise.gaussian(12, 2, 7), 0.5);
            assertTrue(maxRel(ref[1], e.vjp(v).data()) <= tol, dt + " recomputed VJP off by "
                    + maxRel(ref[1], e.vjp(v).data()));
        }
    }
}
