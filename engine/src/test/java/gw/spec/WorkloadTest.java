package gw.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.Numerics;
import gw.model.GaussianMixture;
import gw.model.NetworkPredictor;
import gw.model.TargetPredictor;
import gw.model.TimeOnly;
import gw.objective.SquaredDistance;
import gw.path.AffinePath;
import gw.path.PathPoint;
import gw.path.Paths;
import gw.solver.IdealFlow;
import gw.tensor.Batch;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The probe's work estimate counts the continuous ideal as {@link IdealFlow} runs it, against the NFEs and VJPs of
 * counted runs: a network's ideal runs one RK4 phase from any time (in t, then one exponential step) and stops
 * refining at its step cap; a model with an EDM form runs two phases from early times (in t, then in kappa).
 */
class WorkloadTest {
    static final SquaredDistance LOSS = new SquaredDistance(new double[] {1.5, 0.5});
    static final Batch X = Batch.of(new double[][] {{0.3, -1.2}, {-0.8, 0.9}, {1.5, 0.1}});
    static final AffinePath OT = Paths.byName("ot");
    /** An early time: kappa = 0.98 / 0.02 = 49, above the switch. */
    static final double EARLY = 0.02;

    static final GaussianMixture MIXTURE = Numerics.randomMixture(new Random(61), 3, 2);

    /** The probe at t = index / 50 with one lookahead horizon. */
    static Workload probe(TargetPredictor m, int index) {
        return Workload.ofProbe(new ProbeSpec(m, OT, "euler", 50, index, LOSS, X, new int[] {2}), 2);
    }

    @Test
    void aNetworksEarlyIdealIsOnePhaseAndTheEstimateCoversItsRunToTheCap() {
        // the mixture read only in t, with a network's step cap: what IdealFlow runs for a network, at closed-form cost
        TargetPredictor net = TimeOnly.of(MIXTURE, NetworkPredictor.IDEAL_MAX_STEPS);
        PathPoint p = OT.at(EARLY);
        assertTrue(p.sigma() / p.alpha() > IdealFlow.KAPPA_SWITCH);
        assertEquals(1, IdealFlow.phases(net, p));
        // below the float64 roundoff floor: the doubling runs to its cap (32 + 64 + 128 + 256 steps), the most any
        // tolerance makes it do
        double tolerance = 1e-15;
        IdealFlow flow = new IdealFlow(net, OT, tolerance);
        IdealFlow.Result r = flow.solveOrBest(X, EARLY, LOSS::gradient);
        assertFalse(r.converged());
        assertEquals(IdealFlow.maxSteps(net), r.steps());
        assertEquals(r.steps(), Workload.idealSteps(net, tolerance));
        double counted = flow.cost().nfe() + flow.cost().vjps();
        // forward, re-run forward and VJP of every evaluation
        double estimated = 3 * Workload.idealEvaluations(net, p, tolerance);
        assertTrue(counted <= estimated, counted + " counted, " + estimated + " estimated");
        // 2n for 32 + ... + n steps is the only slack: a second phase would double the estimate
        assertTrue(estimated < 1.1 * counted, counted + " counted, " + estimated + " estimated");
        // the probe's estimate is the same from early and late times
        assertEquals(probe(net, 1).operations(), probe(net, 25).operations(), 0.0);
    }

    @Test
    void aMixturesEarlyIdealIsTwoPhasesAndTheEstimateCountsBoth() {
        GaussianMixture mix = MIXTURE;
        PathPoint early = OT.at(EARLY);
        assertEquals(2, IdealFlow.phases(mix, early));
        assertEquals(1, IdealFlow.phases(mix, OT.at(0.5)));
        IdealFlow flow = new IdealFlow(mix, OT, 1e-9);
        IdealFlow.Result r = flow.solve(X, EARLY, LOSS::gradient);
        assertTrue(r.steps() > 32, "several attempts were made");
        double counted = flow.cost().nfe() + flow.cost().vjps();
        // what the estimate counts for the steps this run took: 3 x 2n x 4 stages per phase
        double perPhase = 3 * 2.0 * r.steps() * 4;
        assertTrue(counted <= 2 * perPhase, counted + " counted, " + 2 * perPhase + " for two phases");
        assertTrue(counted > perPhase, counted + " counted, more than one phase: " + perPhase);
        assertTrue(probe(mix, 1).operations() > probe(mix, 25).operations());
    }
}
