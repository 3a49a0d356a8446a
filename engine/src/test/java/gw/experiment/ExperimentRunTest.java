package gw.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.model.GaussianMixture;
import gw.objective.SquaredDistance;
import gw.spec.CellSpec;
import gw.spec.ExperimentSpec;
import gw.tensor.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

public class ExperimentRunTest {
    static final GaussianMixture GMM = new GaussianMixture(new double[] {0.3, 0.3, 0.4},
            new double[][] {{-2.0, 0.0}, {2.0, 1.0}, {0.0, -2.5}}, new double[] {0.3, 0.5, 0.4});
    static final SquaredDistance LOSS = new SquaredDistance(new double[] {1.5, 0.5});

    /** The shared test mixture and loss as a cell (public: the spec reader's tests build on it too). */
    public static CellSpec base() {
        return CellSpec.defaults(GMM, LOSS).toBuilder().metricParticles(4).idealTolerance(1e-5).build();
    }

    @Test
    void unguidedSamplingReproducesTheMixture() {
        CellSpec s = base().toBuilder().scheme("none").solver("rk4").steps(40).particles(20000).build();
        CellResult r = CellRunner.run(0, s, f -> { });
        double[][] x = r.samples().toRows();
        // exact mixture moments: mean = sum w mu, second moment = sum w (mu mu^T + s^2 I)
        double[] w = GMM.weights();
        double[][] mu = GMM.means();
        double[] sd = GMM.stds();
        double[] mean = new double[2];
        double[][] second = new double[2][2];
        for (int k = 0; k < 3; k++) {
            for (int a = 0; a < 2; a++) {
                mean[a] += w[k] * mu[k][a];
                for (int b = 0; b < 2; b++) {
                    second[a][b] += w[k] * (mu[k][a] * mu[k][b] + (a == b ? sd[k] * sd[k] : 0));
                }
            }
        }
        double[] m = new double[2];
        double[][] c = new double[2][2];
        for (double[] row : x) {
            for (int a = 0; a < 2; a++) {
                m[a] += row[a] / x.length;
                for (int b = 0; b < 2; b++) {
                    c[a][b] += row[a] * row[b] / x.length;
                }
            }
        }
        for (int a = 0; a < 2; a++) {
            assertEquals(mean[a], m[a], 0.04, "mean " + a);
            for (int b = 0; b < 2; b++) {
                double cov = second[a][b] - mean[a] * mean[b];
                assertEquals(cov, c[a][b] - m[a] * m[b], 0.08, "covariance " + a + "," + b);
            }
        }
        assertTrue(Double.isNaN(r.summary().meanRelativeError()), "unguided cells measure no gradient error");
    }

    @Test
    void smallScaleGuidanceReducesTheMeanLoss() {
        // heun: with N = 20, euler is too coarse for this sharp mixture (its end-to-end gradient is far off at t = 0)
        CellSpec s = base().toBuilder().solver("heun").lookaheadSolver("heun").particles(1000).scale(0.0).build();
        CellSummary unguided = CellRunner.run(0, s, f -> { }).summary();
        for (String scheme : List.of("greedy", "lookahead", "end-to-end", "adjoint")) {
            // small: near mode boundaries even the exact gradient is huge, and a large step overshoots
            CellSpec g = s.toBuilder().scheme(scheme).horizon(3).scale(0.01).build();
            CellResult r = CellRunner.run(0, g, f -> { });
            assertTrue(r.summary().meanLoss() < unguided.meanLoss(),
                    scheme + ": " + r.summary().meanLoss() + " !< unguided " + unguided.meanLoss());
            assertTrue(r.summary().medianLoss() < unguided.medianLoss(), scheme + " median");
            assertFalse(Double.isNaN(r.summary().meanRelativeError()), scheme + " measures its gradient error");
        }
    }

    @Test
    void sameSeedSameNoiseAcrossSchemesAndDeterministicSweeps() {
        ExperimentSpec spec = new ExperimentSpec("t", "", base().toBuilder().particles(64).steps(8).build(),
                Map.of("scheme", List.of("none", "greedy", "lookahead"), "scale", List.of(0.0, 0.3)), null);
        List<CellResult> a = Experiment.run(spec, new RunListener() { });
        List<CellResult> b = Experiment.run(spec, new RunListener() { });
        assertEquals(6, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).samples().data(), b.get(i).samples().data(), "cell " + i);
        }
        // with scale 0 every scheme samples the same particles from the same noise
        List<Batch> zeroScale = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (((Number) spec.sweptValues(i).get("scale")).doubleValue() == 0.0) {
                zeroScale.add(a.get(i).samples());
            }
        }
        assertEquals(3, zeroScale.size());
        assertArrayEquals(zeroScale.get(0).data(), zeroScale.get(1).data());
        assertArrayEquals(zeroScale.get(0).data(), zeroScale.get(2).data());
    }

    @Test
    void aFailingCellIsRecordedAndTheSweepGoesOn() {
        // a huge scale makes the guided update overflow; the cell fails, the next completes
        ExperimentSpec spec = new ExperimentSpec("t", "", base().toBuilder().particles(32).steps(10).build(),
                Map.of("scale", List.of(1e300, 0.1)), null);
        List<CellResult> r = Experiment.run(spec, new RunListener() { });
        assertEquals(CellResult.Status.FAILED, r.get(0).status());
        assertTrue(r.get(0).error().contains("NaN or infinite"), r.get(0).error());
        assertTrue(r.get(1).complete());
    }

    @Test
    void cancelStopsPromptlyAndKeepsFinishedCells() throws Exception {
        ExperimentSpec spec = new ExperimentSpec("t", "", base().toBuilder().particles(4096).steps(200)
                .scheme("end-to-end").build(), Map.of("seed", List.of(1, 2, 3, 4, 5, 6)), null);
        List<CellResult> finished = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        RunHandle h = Experiment.submit(spec, new RunListener() {
            @Override
            public void onProgress(double fraction, String message) {
                started.countDown();
            }

            @Override
            public void onCell(CellResult result) {
                finished.add(result);
            }
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        Thread.sleep(300);
        long t0 = System.nanoTime();
        h.cancel();
        assertThrows(CancellationException.class, h::await);
        double ms = (System.nanoTime() - t0) / 1e6;
        assertTrue(ms < 1000, "cancel took " + ms + " ms");
        assertTrue(finished.size() < 6, "the run was still going when cancelled");
        finished.forEach(c -> assertTrue(c.complete()));
    }

    @Test
    void noiseOptimizationLowersTheLossFromTheSameNoise() {
        CellSpec s = base().toBuilder().solver("heun").steps(8).particles(64).scheme("none").build();
        CellResult plain = CellRunner.run(0, s, f -> { });
        CellResult opt = CellRunner.run(0, s.toBuilder().scheme("noise-optimization")
                .noiseOptimization(new CellSpec.NoiseOptimizationSettings("adam", 30, 0.1, 0.0)).build(), f -> { });
        assertTrue(opt.summary().meanLoss() < 0.5 * plain.summary().meanLoss(),
                opt.summary().meanLoss() + " vs " + plain.summary().meanLoss());
        assertTrue(opt.summary().guidanceNfe() >= 30L * 8 * 2, "every iteration solves forward with heun");
        CellResult adjoint = CellRunner.run(0, s.toBuilder().scheme("noise-optimization")
                .noiseOptimization(new CellSpec.NoiseOptimizationSettings("adam", 30, 0.1, 0.0, true)).build(), f -> { });
        assertTrue(adjoint.summary().meanLoss() < 0.5 * plain.summary().meanLoss(), "the adjoint gradient works too");
        assertTrue(adjoint.summary().guidanceVjps() > opt.summary().guidanceVjps(),
                "the adjoint's backward RK4 solve takes more VJPs than backprop through heun");
    }

    @Test
    void checkpointingChangesMemoryNotTheSamples() {
        CellSpec s = base().toBuilder().scheme("end-to-end").steps(40).particles(64).metricParticles(0).build();
        CellResult full = CellRunner.run(0, s, f -> { });
        CellResult binomial = CellRunner.run(0, s.toBuilder().checkpoint("binomial").checkpointParam(3).build(),
                f -> { });
        assertArrayEquals(full.samples().data(), binomial.samples().data());
        assertTrue(binomial.summary().peakRetainedBytes() * 4 < full.summary().peakRetainedBytes(),
                binomial.summary().peakRetainedBytes() + " vs " + full.summary().peakRetainedBytes());
        assertTrue(binomial.summary().guidanceNfe() > full.summary().guidanceNfe(), "recomputation costs NFEs");
    }
}
