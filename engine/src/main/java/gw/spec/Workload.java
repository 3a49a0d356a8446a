package gw.spec;

import gw.model.GaussianMixture;
import gw.model.TargetPredictor;
import gw.path.PathPoint;
import gw.solver.IdealFlow;
import gw.solver.Solvers;

/**
 * A cheap, pessimistic estimate of what a run will cost, checked against {@link Limits} before any work
 * starts. {@code operations} counts roughly the multiply-adds of all model evaluations, VJPs and loss gradients;
 * {@code retainedBytes} the largest record kept for one backward pass. The continuous ideal is adaptive, so it is
 * counted at {@link #IDEAL_NOMINAL_STEPS}; a sharp model can make it refine further than that.
 */
public record Workload(double operations, double retainedBytes) {
    /**
     * RK4 steps assumed for the continuous ideal's final refinement at tolerance 1e-9 (it also pays for the
     * coarser passes, and for a second phase in t at early times); the 2-D reference mixture needs 8192 at t = 0.05.
     */
    public static final int IDEAL_NOMINAL_STEPS = 8192;
    private static final int RK4_STAGES = 4;

    /** Multiply-adds per point of one model evaluation or VJP. */
    public static double evaluationCost(TargetPredictor m) {
        int d = m.dim();
        return m instanceof GaussianMixture g ? 3.0 * g.components() * (d + 2) : 3.0 * d;
    }

    /** Doubles per point that one model evaluation keeps for its VJP (input, responsibilities, velocity). */
    public static double retainedPerEvaluation(TargetPredictor m) {
        int d = m.dim();
        return m instanceof GaussianMixture g ? 2.0 * d + g.components() : 2.0 * d;
    }

    /**
     * The probe: one shared evaluation, greedy, the ideal, and H steps of the solver per horizon.
     * {@code lossCost} is the multiply-adds per point of one loss gradient ({@link ObjectiveReader#gradientCost}).
     */
    public static Workload ofProbe(ProbeSpec s, double lossCost) {
        int stages = Solvers.byName(s.solver()).evaluationsPerStep();
        int b = s.points().rows();
        int d = s.model().dim();
        double lookaheadEvaluations = 0;
        int maxHorizon = 0;
        for (int h : s.horizons()) {
            lookaheadEvaluations += (double) h * stages;
            maxHorizon = Math.max(maxHorizon, h);
        }
        // the ideal doubles its RK4 step count up to the nominal one, about 2 x nominal steps in all, in one phase
        // (EDM coordinates) or, from early times, two (RK4 in t first)
        PathPoint p = s.path().at(s.t());
        int phases = p.sigma() <= IdealFlow.KAPPA_SWITCH * p.alpha() ? 1 : 2;
        double idealEvaluations = 2.0 * phases * IDEAL_NOMINAL_STEPS * RK4_STAGES;
        // forward + VJP; the ideal's checkpointed backward pass re-runs its forward solve once more
        double evaluations = 2 * (2 + lookaheadEvaluations) + 3 * idealEvaluations;
        double lossGradients = 2 + s.horizons().length + Math.log(IDEAL_NOMINAL_STEPS) / Math.log(2);
        double ops = b * (evaluations * evaluationCost(s.model()) + lossGradients * lossCost);
        double perStep = stages * retainedPerEvaluation(s.model()) + d;
        double idealPerStep = RK4_STAGES * retainedPerEvaluation(s.model()) + d;
        // the ideal keeps n/k states and one k-step segment of records, k = sqrt(n) (IdealFlow.segment)
        int k = (int) Math.ceil(Math.sqrt(IDEAL_NOMINAL_STEPS));
        double idealRetained = phases * ((double) IDEAL_NOMINAL_STEPS / k * d + k * idealPerStep);
        double retained = 8.0 * b * Math.max(maxHorizon * perStep, idealRetained);
        return new Workload(ops, retained);
    }

    /** Throws a {@link SpecException} on {@code spec} when an estimate is above its limit. */
    public void check(Field spec) {
        spec.require(operations <= Limits.MAX_OPERATIONS, String.format(java.util.Locale.ROOT,
                "too much work: about %.3g operations estimated, the limit is %.3g;"
                        + " use fewer points, smaller horizons, a smaller model or fewer steps",
                operations, Limits.MAX_OPERATIONS));
        spec.require(retainedBytes <= Limits.MAX_RETAINED_BYTES, String.format(java.util.Locale.ROOT,
                "too much memory: about %.0f MiB kept for one backward pass, the limit is %d MiB;"
                        + " use fewer points, smaller horizons or a smaller model",
                retainedBytes / (1 << 20), Limits.MAX_RETAINED_BYTES >> 20));
    }
}
