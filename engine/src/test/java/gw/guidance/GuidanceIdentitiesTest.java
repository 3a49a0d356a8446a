package gw.guidance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.Numerics;
import gw.metric.Agreement;
import gw.model.DiagonalGaussian;
import gw.model.GaussianMixture;
import gw.model.TargetPredictor;
import gw.objective.Measurement;
import gw.objective.Objective;
import gw.objective.SquaredDistance;
import gw.path.AffinePath;
import gw.path.Paths;
import gw.solver.ButcherTableau;
import gw.solver.Dynamics;
import gw.solver.Grid;
import gw.solver.Solvers;
import gw.tensor.Batch;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exact identities between guidance schemes stated in MATH section 3. */
class GuidanceIdentitiesTest {
    private static final double[] TIMES = {0.0, 0.1, 0.35, 0.5, 0.8, 0.95};
    private static final Objective LOSS = new SquaredDistance(new double[] {2, 1, -1});

    private static List<TargetPredictor> models() {
        Random rng = new Random(51);
        return List.of(Numerics.randomMixture(rng, 4, 3),
                new DiagonalGaussian(new double[] {1, -0.5, 0}, new double[] {0.5, 2, 1}));
    }

    private static Batch points() {
        return Numerics.gaussianBatch(new Random(52), 4, 3, 1.5);
    }

    /** "With S = ddim, H = 1 is exactly greedy": one DDIM step onto t = 1 is xhat1 itself. */
    @ParameterizedTest
    @ValueSource(strings = {"ot", "vp-cosine", "vp-linear"})
    void greedyIsLookaheadWithOneDdimStep(String name) {
        for (TargetPredictor m : models()) {
            for (double t : TIMES) {
                Dynamics f = Dynamics.inTime(m, Paths.byName(name));
                GuidanceGradient greedy = new Greedy().gradient(f, LOSS, points(), t, null);
                GuidanceGradient la = new Lookahead(Solvers.byName("ddim"), 1).gradient(f, LOSS, points(), t, null);
                Numerics.assertClose(greedy.gradient(), la.gradient(), 1e-12, m.kind() + " " + name + " t=" + t);
                Numerics.assertClose(greedy.endpoint(), la.endpoint(), 1e-12, m.kind() + " " + name + " endpoint t=" + t);
            }
        }
    }

    /** "... with ot and euler too": on ot one Euler step to t = 1 is x + (1 - t)(xhat1 - xhat0) = xhat1. */
    @Test
    void greedyIsLookaheadWithOneEulerStepOnOt() {
        for (TargetPredictor m : models()) {
            for (double t : TIMES) {
                Dynamics f = Dynamics.inTime(m, Paths.byName("ot"));
                Batch greedy = new Greedy().gradient(f, LOSS, points(), t, null).gradient();
                Batch la = new Lookahead(Solvers.byName("euler"), 1).gradient(f, LOSS, points(), t, null).gradient();
                Numerics.assertClose(greedy, la, 1e-12, m.kind() + " t=" + t);
            }
        }
        // not on a VP path, where Euler in t is not the exponential step
        Dynamics f = Dynamics.inTime(models().get(0), Paths.byName("vp-cosine"));
        Batch greedy = new Greedy().gradient(f, LOSS, points(), 0.3, null).gradient();
        Batch euler = new Lookahead(Solvers.byName("euler"), 1).gradient(f, LOSS, points(), 0.3, null).gradient();
        assertTrue(Agreement.relativeError(euler, greedy)[0] > 1e-3);
    }

    /** On the uniform grid, discrete end-to-end at t_i is lookahead with H = N - i and the sampling solver. */
    @ParameterizedTest
    @ValueSource(strings = {"ddim", "euler", "midpoint", "heun", "rk4"})
    void endToEndIsLookaheadOverTheRestOfTheGrid(String solverName) {
        int n = 10;
        double[] grid = Grid.uniform(n);
        TargetPredictor m = models().get(0);
        Objective loss = new Measurement(new double[][] {{1, 0, -1}, {0.5, 2, 0}}, new double[] {0.3, -1}, 0.5);
        for (String name : Paths.NAMES) {
            Dynamics f = Dynamics.inTime(m, Paths.byName(name));
            for (int i = 0; i < n; i++) {
                double t = grid[i];
                GuidanceGradient e2e = new EndToEnd(Solvers.byName(solverName), grid, 1).gradient(f, loss, points(), t, null);
                GuidanceGradient la = new Lookahead(Solvers.byName(solverName), n - i).gradient(f, loss, points(), t, null);
                String at = solverName + " " + name + " i=" + i;
                Numerics.assertClose(la.gradient(), e2e.gradient(), 1e-12, at);
                Numerics.assertClose(la.endpoint(), e2e.endpoint(), 1e-12, at + " endpoint");
                assertEquals(la.nfe(), e2e.nfe(), at + " nfe");
                assertEquals(la.vjps(), e2e.vjps(), at + " vjps");
                // and with checkpointing
                GuidanceGradient e2eCp = new EndToEnd(Solvers.byName(solverName), grid, 3).gradient(f, loss, points(), t, null);
                assertArrayEquals(e2e.gradient().data(), e2eCp.gradient().data(), at + " checkpointed");
            }
            assertThrows(IllegalArgumentException.class,
                    () -> new EndToEnd(Solvers.byName(solverName), grid, 1).gradient(f, loss, points(), 0.55, null));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ddim", "euler", "midpoint", "heun", "rk4"})
    void checkpointedLookaheadEqualsPlainAndRetainsLess(String solverName) {
        TargetPredictor m = models().get(0);
        Dynamics f = Dynamics.inTime(m, Paths.byName("vp-linear"));
        int h = 64;
        GuidanceGradient plain = new Lookahead(Solvers.byName(solverName), h).gradient(f, LOSS, points(), 0.1, null);
        for (int k : new int[] {2, 3, 8}) {
            GuidanceGradient cp = new Lookahead(Solvers.byName(solverName), h, k).gradient(f, LOSS, points(), 0.1, null);
            assertArrayEquals(plain.gradient().data(), cp.gradient().data(), solverName + " k=" + k);
            assertArrayEquals(plain.endpoint().data(), cp.endpoint().data(), solverName + " endpoint k=" + k);
            // ~ (H/k + k) records instead of H
            assertTrue(cp.peakRetainedBytes() * 3 < plain.peakRetainedBytes(),
                    solverName + " k=" + k + ": peak " + cp.peakRetainedBytes() + " vs " + plain.peakRetainedBytes());
            assertTrue(cp.peakRetainedBytes() > 0);
        }
        // the plain tape grows linearly with the horizon
        GuidanceGradient half = new Lookahead(Solvers.byName(solverName), h / 2).gradient(f, LOSS, points(), 0.1, null);
        assertEquals(2.0, (double) plain.peakRetainedBytes() / half.peakRetainedBytes(), 1e-12);
    }

    /** The continuous adjoint (RK4 forward, RK4 backward) converges to the ideal at fourth order as steps grow. */
    @ParameterizedTest
    @ValueSource(strings = {"ot", "vp-cosine", "vp-linear"})
    void continuousAdjointConvergesToTheIdeal(String name) {
        GaussianMixture m = new GaussianMixture(new double[] {0.3, 0.5, 0.2},
                new double[][] {{-1.5, 0.5}, {1.0, 1.0}, {0.5, -1.5}}, new double[] {0.4, 0.6, 0.3});
        Objective loss = new SquaredDistance(new double[] {2, 1});
        AffinePath path = Paths.byName(name);
        Batch x = Batch.of(new double[][] {{0.3, -1.2}, {-0.8, 0.9}});
        for (double t : new double[] {0.0, 0.3, 0.7}) {
            Dynamics f = Dynamics.inTime(m, path);
            GuidanceGradient ideal = new IdealGradient(path, 1e-12).gradient(f, loss, x, t, null);
            int[] steps = {8, 16, 32, 64};
            double[] err = new double[steps.length];
            for (int i = 0; i < steps.length; i++) {
                GuidanceGradient adj = new ContinuousAdjoint(Solvers.byName("rk4"), ButcherTableau.RK4, steps[i])
                        .gradient(f, loss, x, t, null);
                err[i] = Numerics.maxAbsDiff(ideal.gradient(), adj.gradient()) / Numerics.maxAbs(ideal.gradient());
                Numerics.assertClose(ideal.endpoint(), adj.endpoint(), 1e-3, "adjoint's forward endpoint");
                if (i > 0) {
                    assertTrue(err[i] < err[i - 1], name + " t=" + t + ": " + Arrays.toString(err));
                }
            }
            String at = name + " t=" + t + ": relative errors " + Arrays.toString(err);
            assertTrue(err[steps.length - 1] < 1e-6, at);
            assertTrue(Numerics.observedOrder(steps, err) > 3.5, at);
        }
    }

    @Test
    void schemesRejectNonPositiveHorizons() {
        assertThrows(IllegalArgumentException.class, () -> new Lookahead(Solvers.byName("ddim"), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new ContinuousAdjoint(Solvers.byName("rk4"), ButcherTableau.RK4, 0));
    }
}
