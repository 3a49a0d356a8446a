package gw.guidance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.Numerics;
import gw.model.GaussianMixture;
import gw.model.Prediction;
import gw.objective.Objective;
import gw.objective.SquaredDistance;
import gw.path.AffinePath;
import gw.path.Paths;
import gw.solver.ButcherTableau;
import gw.solver.Cost;
import gw.solver.Dynamics;
import gw.solver.Grid;
import gw.solver.IdealFlow;
import gw.solver.Rollout;
import gw.solver.Solvers;
import gw.solver.Step;
import gw.tensor.Batch;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The forward NFEs, VJPs and retained memory each scheme reports (MATH section 3, "Cost"). */
class SchemeCostTest {
    private static final GaussianMixture MODEL = Numerics.randomMixture(new Random(61), 3, 2);
    private static final Objective LOSS = new SquaredDistance(new double[] {1, -1});
    private static final Batch X = Numerics.gaussianBatch(new Random(62), 5, 2, 1.5);
    private static final AffinePath PATH = Paths.byName("vp-cosine");

    @Test
    void greedyCostsOneEvaluationAndOneVjp() {
        Dynamics f = Dynamics.inTime(MODEL, PATH);
        GuidanceGradient g = new Greedy().gradient(f, LOSS, X, 0.4, null);
        assertEquals(1, g.nfe());
        assertEquals(1, g.vjps());
        // a shared prediction at (x, t) saves the evaluation
        Prediction first = f.predict(X, 0.4);
        GuidanceGradient shared = new Greedy().gradient(f, LOSS, X, 0.4, first);
        assertEquals(0, shared.nfe());
        assertEquals(1, shared.vjps());
        assertEquals(0, g.peakRetainedBytes());
        // the dynamics' own counter keeps the running total: 1 + 1 (the explicit predict) + 0 NFEs, 2 VJPs
        assertEquals(2, f.cost().nfe());
        assertEquals(2, f.cost().vjps());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ddim", "euler", "midpoint", "heun", "rk4"})
    void lookaheadCostsHorizonTimesStages(String solverName) {
        Step step = Solvers.byName(solverName);
        int s = step.evaluationsPerStep();
        for (int h : new int[] {1, 3, 5}) {
            Dynamics f = Dynamics.inTime(MODEL, PATH);
            GuidanceGradient g = new Lookahead(step, h).gradient(f, LOSS, X, 0.2, null);
            assertEquals((long) h * s, g.nfe(), solverName + " H=" + h + " nfe");
            assertEquals((long) h * s, g.vjps(), solverName + " H=" + h + " vjps");
            GuidanceGradient shared = new Lookahead(step, h).gradient(f, LOSS, X, 0.2, f.predict(X, 0.2));
            assertEquals((long) h * s - 1, shared.nfe(), solverName + " H=" + h + " nfe with shared first prediction");
            assertEquals((long) h * s, shared.vjps(), solverName + " H=" + h + " vjps with shared first prediction");
            assertArrayEqualsExactly(g.gradient(), shared.gradient());
            // checkpointing pays one more forward solve for its memory saving, and as many VJPs
            GuidanceGradient cp = new Lookahead(step, h, 2).gradient(f, LOSS, X, 0.2, null);
            assertEquals(2L * h * s, cp.nfe(), solverName + " H=" + h + " checkpointed nfe");
            assertEquals((long) h * s, cp.vjps(), solverName + " H=" + h + " checkpointed vjps");
        }
    }

    @Test
    void endToEndCostsTheRestOfTheGrid() {
        double[] grid = Grid.uniform(8);
        for (String solverName : Solvers.NAMES) {
            Step step = Solvers.byName(solverName);
            for (int i = 0; i < 8; i++) {
                Dynamics f = Dynamics.inTime(MODEL, PATH);
                GuidanceGradient g = new EndToEnd(step, grid, 1).gradient(f, LOSS, X, grid[i], null);
                assertEquals((long) (8 - i) * step.evaluationsPerStep(), g.nfe(), solverName + " i=" + i);
                assertEquals((long) (8 - i) * step.evaluationsPerStep(), g.vjps(), solverName + " i=" + i);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ddim", "euler", "heun", "rk4"})
    void continuousAdjointCostsAForwardAndAnAugmentedBackwardSolve(String forward) {
        Step step = Solvers.byName(forward);
        int steps = 6;
        Dynamics f = Dynamics.inTime(MODEL, PATH);
        GuidanceGradient g = new ContinuousAdjoint(step, ButcherTableau.RK4, steps).gradient(f, LOSS, X, 0.3, null);
        // forward: steps x (forward solver's stages); backward: 4 RK4 stages, each one NFE and one VJP
        assertEquals((long) steps * step.evaluationsPerStep() + 4L * steps, g.nfe());
        assertEquals(4L * steps, g.vjps());
        GuidanceGradient shared = new ContinuousAdjoint(step, ButcherTableau.RK4, steps)
                .gradient(f, LOSS, X, 0.3, f.predict(X, 0.3));
        assertEquals((long) steps * step.evaluationsPerStep() + 4L * steps - 1, shared.nfe());
        // memory does not grow with the step count
        GuidanceGradient longer = new ContinuousAdjoint(step, ButcherTableau.RK4, 4 * steps).gradient(f, LOSS, X, 0.3, null);
        assertEquals(g.peakRetainedBytes(), longer.peakRetainedBytes());
    }

    /**
     * The continuous ideal doubles its step count until it converges. What it holds at its peak is the tape of one
     * solve (the largest); the tapes of the coarser attempts are dropped before the next one starts. (Rows that
     * have converged leave the finer attempts, so the largest attempt is at least the first, all rows at 32 steps,
     * and at most the last step count with all rows.)
     */
    @Test
    void idealReportsThePeakOfItsLargestSolveNotTheSumOfAllAttempts() {
        for (double t : new double[] {0.5, 0.02}) {
            IdealFlow flow = new IdealFlow(MODEL, PATH, 1e-9);
            IdealFlow.Result r = flow.solve(X, t, LOSS::gradient);
            // one checkpointed solve and backward pass of the final size, as IdealFlow runs it per phase
            Cost one = new Cost();
            Rollout.solveCheckpointed(Dynamics.inKappa(MODEL, one), Solvers.byName("rk4"),
                    Grid.equalSteps(1.0, 0.0, r.steps()), X, IdealFlow.checkpointSegment(r.steps())).backward(X);
            Cost first = new Cost();
            Rollout.solveCheckpointed(Dynamics.inKappa(MODEL, first), Solvers.byName("rk4"),
                    Grid.equalSteps(1.0, 0.0, 32), X, IdealFlow.checkpointSegment(32)).backward(X);
            // full storage of the same solve, what checkpointing avoids
            Cost full = new Cost();
            Rollout.solve(Dynamics.inKappa(MODEL, full), Solvers.byName("rk4"), Grid.equalSteps(1.0, 0.0, r.steps()),
                    X, null);
            double kappa = PATH.sigma(t) / PATH.alpha(t);
            int phases = kappa > IdealFlow.KAPPA_SWITCH ? 2 : 1;
            long peak = flow.cost().peakRetainedBytes();
            assertTrue(r.steps() > 32, "several attempts were made");
            // at least one solve's peak, at most one per phase: attempts are not summed
            assertTrue(peak >= first.peakRetainedBytes() && peak <= phases * one.peakRetainedBytes(),
                    "t=" + t + ": " + peak + " vs one solve " + one.peakRetainedBytes() + ", the first "
                            + first.peakRetainedBytes());
            assertTrue(peak * 4 < full.peakRetainedBytes(), "checkpointing keeps far less than full storage");
        }
    }

    private static void assertArrayEqualsExactly(Batch a, Batch b) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(a.data(), b.data());
    }
}
