package gw.spec;

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
    /** The tolerance at which {@link #IDEAL_NOMINAL_STEPS} were measured. */
    public static final double NOMINAL_TOLERANCE = 1e-9;

    /**
     * RK4 steps assumed for the ideal of this model at this tolerance: RK4's error falls like n^-4, so the count
     * scales as tol^(-1/4) from the nominal one; the tolerance is taken as the ideal takes it, never below the
     * model's roundoff floor (a float32 network: about 6e-5, so about 520 steps instead of 8192), and the count
     * never above the step cap where the ideal stops refining ({@link IdealFlow#maxSteps}: 256 for a network).
     */
    public static int idealSteps(TargetPredictor m, double tolerance) {
        double tol = Math.max(tolerance, IdealFlow.ROUNDOFF_FLOOR * m.unitRoundoff());
        double n = IDEAL_NOMINAL_STEPS * Math.pow(NOMINAL_TOLERANCE / tol, 0.25);
        int nominal = (int) Math.max(64, Math.min(IDEAL_NOMINAL_STEPS, Math.ceil(n)));
        return Math.min(nominal, IdealFlow.maxSteps(m));
    }

    /**
     * Forward model evaluations per point of the ideal's step doubling from {@code p} at {@code tolerance}: about
     * twice the final RK4 step count (32 + 64 + ... + n < 2n), four stages a step, in each of
     * {@link IdealFlow#phases} (two only for a model with an EDM form from early times; a network's ideal runs one).
     * Its checkpointed backward pass costs as many again in VJPs and once more in re-run evaluations.
     */
    static double idealEvaluations(TargetPredictor m, PathPoint p, double tolerance) {
        return 2.0 * IdealFlow.phases(m, p) * idealSteps(m, tolerance) * RK4_STAGES;
    }

    /** Multiply-adds per point of one model evaluation or VJP. */
    public static double evaluationCost(TargetPredictor m) {
        return m.evaluationCost();
    }

    /** Doubles per point that one model evaluation keeps for its VJP (input, responsibilities, velocity). */
    public static double retainedPerEvaluation(TargetPredictor m) {
        return m.retainedPerEvaluation();
    }

    /**
     * The probe: one shared evaluation, greedy, the ideal, and H steps of the solver per horizon.
     * {@code lossCost} is the multiply-adds per point of one loss gradient ({@link ObjectiveReader#gradientCost}).
     */
    public static Workload ofProbe(ProbeSpec s, double lossCost) {
        // the probe's ideal runs at 1e-9, a network's at IdealFlow.NETWORK_TOLERANCE (gw.experiment.Probe)
        double tolerance = IdealFlow.defaultTolerance(s.model(), NOMINAL_TOLERANCE);
        int nominal = idealSteps(s.model(), tolerance);
        int stages = Solvers.byName(s.solver()).evaluationsPerStep();
        int b = s.points().rows();
        int d = s.model().dim();
        double lookaheadEvaluations = 0;
        int maxHorizon = 0;
        for (int h : s.horizons()) {
            lookaheadEvaluations += (double) h * stages;
            maxHorizon = Math.max(maxHorizon, h);
        }
        PathPoint p = s.path().at(s.t());
        int phases = IdealFlow.phases(s.model(), p);
        double idealEvaluations = idealEvaluations(s.model(), p, tolerance);
        // forward + VJP; the ideal's checkpointed backward pass re-runs its forward solve once more
        double evaluations = 2 * (2 + lookaheadEvaluations) + 3 * idealEvaluations;
        double lossGradients = 2 + s.horizons().length + Math.log(nominal) / Math.log(2);
        double ops = b * (evaluations * evaluationCost(s.model()) + lossGradients * lossCost);
        double perStep = stages * retainedPerEvaluation(s.model()) + d;
        double idealPerStep = RK4_STAGES * retainedPerEvaluation(s.model()) + d;
        // the ideal keeps n/k states and one k-step segment of records, k = sqrt(n) (IdealFlow.segment)
        int k = (int) Math.ceil(Math.sqrt(nominal));
        double idealRetained = phases * ((double) nominal / k * d + k * idealPerStep);
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
