package gw.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.model.GaussianMixture;
import gw.path.Paths;
import gw.tensor.Batch;
import gw.tensor.Noise;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Binomial checkpointing: same gradient as full storage, optimal recomputation, memory independent of N. */
class BinomialCheckpointingTest {
    static final GaussianMixture GMM = new GaussianMixture(
            new double[] {0.3, 0.3, 0.4},
            new double[][] {{-2.0, 0.0}, {2.0, 1.0}, {0.0, -2.5}},
            new double[] {0.3, 0.5, 0.4});

    /** Bellman's recursion of the binomial schedule, R(n, c) = min_m m + R(n - m, c - 1) + R(m, c). */
    @Test
    void closedFormEqualsDynamicProgramme() {
        int maxN = 80;
        int maxS = 6;
        long[][] r = new long[maxN + 1][maxS + 1];
        for (int n = 2; n <= maxN; n++) {
            r[n][1] = (long) n * (n - 1) / 2;
            for (int c = 2; c <= maxS; c++) {
                long best = Long.MAX_VALUE;
                for (int m = 1; m < n; m++) {
                    best = Math.min(best, m + r[n - m][c - 1] + r[m][c]);
                }
                r[n][c] = best;
            }
        }
        for (int n = 1; n <= maxN; n++) {
            for (int c = 1; c <= maxS; c++) {
                assertEquals(r[n][c], BinomialCheckpointing.minimalAdvances(n, c), "n=" + n + " s=" + c);
            }
        }
    }

    @Test
    void scheduleIsOptimalAndWithinItsSnapshots() {
        for (int n : new int[] {1, 2, 3, 7, 10, 33, 100, 200}) {
            for (int s : new int[] {1, 2, 3, 4, 8, 300}) {
                List<BinomialCheckpointing.Action> plan = BinomialCheckpointing.schedule(n, s);
                long advances = 0;
                int live = 0;
                int maxLive = 0;
                int expectRecord = n - 1;
                for (BinomialCheckpointing.Action a : plan) {
                    switch (a.kind()) {
                        case ADVANCE -> advances += a.to() - a.from();
                        case STORE -> maxLive = Math.max(maxLive, ++live);
                        case FREE -> live--;
                        case RECORD -> assertEquals(expectRecord--, a.from(), "records run backwards, once each");
                        case RESTORE -> { }
                    }
                }
                String at = "n=" + n + " s=" + s;
                assertEquals(-1, expectRecord, at);
                assertEquals(0, live, at);
                assertTrue(maxLive <= s, at + ": " + maxLive + " snapshots alive");
                assertEquals(BinomialCheckpointing.minimalAdvances(n, s), advances, at);
            }
        }
    }

    @Test
    void sameGradientAsFullStorage() {
        Batch x = Noise.gaussian(5, 2, 3);
        Batch v = Noise.gaussian(5, 2, 4);
        for (String solver : new String[] {"euler", "rk4", "ddim"}) {
            for (int n : new int[] {1, 2, 5, 13, 40}) {
                double[] times = Grid.uniform(n);
                Dynamics f0 = Dynamics.inTime(GMM, Paths.byName("vp-cosine"));
                Trajectory full = Backprop.full().solve(f0, Solvers.byName(solver), times, x, null);
                Batch y = full.output();
                Batch g = full.backward(v);
                for (int s : new int[] {1, 2, 3, 4, n, n + 5}) {
                    Dynamics f = Dynamics.inTime(GMM, Paths.byName("vp-cosine"));
                    Step step = Solvers.byName(solver);
                    Trajectory b = Backprop.binomial(s).solve(f, step, times, x, null);
                    assertClose(y, b.output(), solver + " N=" + n + " s=" + s + " output");
                    assertClose(g, b.backward(v), solver + " N=" + n + " s=" + s + " gradient");
                    long steps = BinomialCheckpointing.minimalAdvances(n, s) + n;
                    assertEquals(steps * step.evaluationsPerStep(), f.cost().nfe(), "NFEs count recomputation");
                    assertEquals(0, f.cost().retainedBytes(), "everything released after backward");
                }
            }
        }
    }

    @Test
    void segmentsGiveTheSameGradientAndReuseTheFirstEvaluation() {
        Batch x = Noise.gaussian(4, 2, 5);
        Batch v = Noise.gaussian(4, 2, 6);
        double[] times = Grid.uniform(17);
        Dynamics f0 = Dynamics.inTime(GMM, Paths.byName("ot"));
        Batch g = Backprop.full().solve(f0, Solvers.byName("heun"), times, x, null).backward(v);
        Dynamics f = Dynamics.inTime(GMM, Paths.byName("ot"));
        Trajectory seg = Backprop.segments(5).solve(f, Solvers.byName("heun"), times, x, null);
        assertClose(g, seg.backward(v), "segments");
        assertEquals(0, f.cost().retainedBytes());
        assertThrows(IllegalStateException.class, () -> seg.backward(v));
    }

    @Test
    void peakMemoryDoesNotGrowWithN() {
        Batch x = Noise.gaussian(64, 2, 7);
        int s = 4;
        long[] peaks = new long[3];
        int[] ns = {10, 50, 200};
        long recordBytes = 0;
        for (int i = 0; i < ns.length; i++) {
            Dynamics f = Dynamics.inTime(GMM, Paths.byName("ot"));
            Step rk4 = Solvers.byName("rk4");
            Trajectory b = Backprop.binomial(s).solve(f, rk4, Grid.uniform(ns[i]), x, null);
            recordBytes = rk4.forward(Dynamics.inTime(GMM, Paths.byName("ot")), x, 0, 0.1, null).retainedBytes();
            b.backward(b.output());
            peaks[i] = f.cost().peakRetainedBytes();
        }
        assertEquals(peaks[0], peaks[1]);
        assertEquals(peaks[0], peaks[2]);
        assertTrue(peaks[2] <= (s + 1) * x.bytes() + recordBytes, "peak " + peaks[2]);
        Dynamics f = Dynamics.inTime(GMM, Paths.byName("ot"));
        Backprop.full().solve(f, Solvers.byName("rk4"), Grid.uniform(200), x, null);
        assertTrue(f.cost().peakRetainedBytes() > 40 * peaks[2], "full storage keeps all 200 records");
    }

    static void assertClose(Batch expected, Batch actual, String what) {
        double[] e = expected.data();
        double[] a = actual.data();
        assertEquals(e.length, a.length, what);
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], 1e-12 * Math.max(1.0, Math.abs(e[i])), what + " [" + i + "]");
        }
    }

    @Test
    void identicalBitsForTheSameInput() {
        Batch x = Noise.gaussian(3, 2, 9);
        double[] times = Grid.uniform(30);
        Batch a = Backprop.binomial(3).solve(Dynamics.inTime(GMM, Paths.byName("ot")), Solvers.byName("midpoint"),
                times, x, null).backward(x);
        Batch b = Backprop.binomial(3).solve(Dynamics.inTime(GMM, Paths.byName("ot")), Solvers.byName("midpoint"),
                times, x, null).backward(x);
        assertArrayEquals(a.data(), b.data());
    }
}
