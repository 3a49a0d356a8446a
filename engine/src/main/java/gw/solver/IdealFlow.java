package gw.solver;

import gw.model.TargetPredictor;
import gw.path.AffinePath;
import gw.path.PathPoint;
import gw.tensor.Batch;
import java.util.function.UnaryOperator;

/**
 * The exact flow map x_t -> x_1 and its VJP (MATH sections 1-2). For a model that accepts any (alpha, sigma) the
 * solve runs in EDM coordinates z = x/alpha, kappa = sigma/alpha, where dz/dkappa = xhat0 is smooth down to
 * kappa = 0, with RK4 on a rho = 7 grid; from very early times (kappa above {@link #KAPPA_SWITCH}, including t = 0
 * where kappa is infinite) it first runs RK4 in t on equal steps.
 * <p>
 * Any other model (a learned one reads only t) runs RK4 in t from t to the fixed time t_e where kappa =
 * {@link #KAPPA_END} ({@link #timeGrid}), then one exponential (DDIM) step to t = 1, which lands on
 * x1 = xhat1(x_{t_e}, t_e). A network's xhat1 does not tend to x as t -> 1 (its Jacobian stays away from the
 * identity), so its flow has no limit at t = 1 (docs/TRAINING.md): the fixed end makes its ideal one well-defined
 * quantity that step doubling can converge to. For an exact model the cut costs O(KAPPA_END^2).
 * <p>
 * The gradient is backpropagated through those RK4 steps (checkpointed in sqrt(n) segments to bound memory); the
 * step count doubles until both the endpoint and the gradient change by less than the requested relative tolerance,
 * or fails with {@link NotConvergedException} (saying the change it reached) after {@link #maxSteps} steps.
 * <p>
 * Networks (docs/TRAINING.md): a float32 network's tolerance is floored at {@link #ROUNDOFF_FLOOR} unit roundoffs
 * (6e-5), its refinement stops at {@link TargetPredictor#idealMaxSteps()} (256) steps, and 1e-3
 * ({@link #NETWORK_TOLERANCE}) is the tolerance to ask for.
 */
public final class IdealFlow {
    /** Above this kappa (early, noise-dominated times) the t-ODE is the better-conditioned one. */
    public static final double KAPPA_SWITCH = 10.0;
    private static final int START_STEPS = 32;
    private static final int MAX_STEPS = 1 << 16;
    private static final double RHO = 7.0;
    /**
     * The tolerance is never taken below this many unit roundoffs of the model: a float32 network's outputs carry
     * ~1e-7 relative noise that no step count removes, so 1e-9 would never be met (float64: 1.1e-13, no change).
     */
    public static final double ROUNDOFF_FLOOR = 1e3;
    /** The tolerance to ask for on a network's ideal (metrics.idealTolerance; probe and demo use it). */
    public static final double NETWORK_TOLERANCE = 1e-3;
    /**
     * Where the t form ends its RK4 solve (kappa = sigma/alpha; t = 0.999 on ot) before the exponential step to
     * t = 1. The cut is O(KAPPA_END^2): on the reference mixture 5-7e-6 relative in the gradient (measured against
     * the EDM form on all three paths, t = 0 ... 0.95). A smaller end would push a network's ideal deeper into the
     * late times where its xhat1 is least trained and its flow keeps drifting (docs/TRAINING.md).
     */
    public static final double KAPPA_END = 1e-3;
    /**
     * Weight of t in the t form's grid variable (see {@link #timeGrid}). On the moons network it halved the steps
     * to a 1e-3 change against a grid equal in ln kappa alone (64 instead of 128 at t = 0.5).
     */
    static final double TIME_WEIGHT = 10.0;

    private final TargetPredictor model;
    private final AffinePath path;
    private final double tolerance;
    private final Cost cost = new Cost();

    public IdealFlow(TargetPredictor model, AffinePath path, double tolerance) {
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        }
        this.model = model;
        this.path = path;
        this.tolerance = Math.max(tolerance, ROUNDOFF_FLOOR * model.unitRoundoff());
    }

    public Cost cost() {
        return cost;
    }

    /**
     * The endpoint x1 = Phi_{t->1}(x) and the gradient (dPhi/dx)^T dL, for dL = grad L evaluated at x1, from
     * {@code steps} RK4 steps; {@code achievedTolerance} is the relative change from half as many steps, below the
     * tolerance when {@code converged}.
     */
    public record Result(Batch endpoint, Batch gradient, int steps, double achievedTolerance, boolean converged) {
    }

    /** The most RK4 steps the refinement tries for this model: its own cap, at most {@value #MAX_STEPS}. */
    public static int maxSteps(TargetPredictor model) {
        return Math.max(2 * START_STEPS, Math.min(MAX_STEPS, model.idealMaxSteps()));
    }

    /**
     * The tolerance to ask for by default: {@code closedForm} (the probe: 1e-9) for a model with an EDM form,
     * {@link #NETWORK_TOLERANCE} for one read only in t (a network), whose refinement could not get further.
     */
    public static double defaultTolerance(TargetPredictor model, double closedForm) {
        return model.acceptsAnyPathPoint() ? closedForm : Math.max(closedForm, NETWORK_TOLERANCE);
    }

    /**
     * The RK4 solves one refinement attempt from {@code p} runs in turn: two (in t up to kappa =
     * {@link #KAPPA_SWITCH}, then in EDM coordinates) for a model with an EDM form from early times, one otherwise;
     * a model read only in t (a network) always runs one, plus its one exponential step (work estimates use this).
     */
    public static int phases(TargetPredictor model, PathPoint p) {
        return model.acceptsAnyPathPoint() && startsInTime(p.sigma() / p.alpha()) ? 2 : 1;
    }

    /** Whether the EDM form first runs RK4 in t: kappa above the switch, or not a number (t = 0: kappa infinite). */
    private static boolean startsInTime(double kappa) {
        return !(kappa <= KAPPA_SWITCH);
    }

    /** The tolerance actually used: the requested one, never below the model's roundoff floor. */
    public double tolerance() {
        return tolerance;
    }

    /**
     * Solves from t and pulls back gradOfLoss(x1) to x.
     * @throws NotConvergedException saying the change reached, when the step cap comes first
     */
    public Result solve(Batch x, double t, UnaryOperator<Batch> gradOfLoss) {
        Result r = solveOrBest(x, t, gradOfLoss);
        if (!r.converged()) {
            throw new NotConvergedException(notConverged(t, r));
        }
        return r;
    }

    /** The same, but at the step cap it returns the finest solve, marked not converged, instead of failing. */
    public Result solveOrBest(Batch x, double t, UnaryOperator<Batch> gradOfLoss) {
        Result prev = solveWith(x, t, gradOfLoss, START_STEPS);
        int max = maxSteps(model);
        for (int n = 2 * START_STEPS; n <= max; n *= 2) {
            Result next = solveWith(x, t, gradOfLoss, n);
            double change = Math.max(maxRelativeChange(prev.endpoint(), next.endpoint()),
                    maxRelativeChange(prev.gradient(), next.gradient()));
            if (change < tolerance || n == max) {
                return new Result(next.endpoint(), next.gradient(), n, change, change < tolerance);
            }
            prev = next;
        }
        throw new IllegalStateException("unreachable");
    }

    /** The one-line report of a solve that stopped at its cap. */
    public String notConverged(double t, Result r) {
        return String.format(java.util.Locale.ROOT, "the continuous ideal at t = %.4g did not converge: relative "
                + "change %.2g between %d and %d RK4 steps (the cap for this model), tolerance %.2g", t,
                r.achievedTolerance(), r.steps() / 2, r.steps(), tolerance);
    }

    /** One solve with n steps per phase, no refinement (package-private for tests: a fixed map to differentiate). */
    Result solveWith(Batch x, double t, UnaryOperator<Batch> gradOfLoss, int n) {
        Batch[] out = model.acceptsAnyPathPoint() ? solveEdm(x, t, gradOfLoss, n) : solveInTime(x, t, gradOfLoss, n);
        out[1].requireFinite("the continuous-ideal gradient");
        return new Result(out[0], out[1], n, Double.NaN, false);
    }

    /** {x1, gradient}: RK4 in t up to kappa = KAPPA_SWITCH where needed, then RK4 in EDM coordinates to kappa = 0. */
    private Batch[] solveEdm(Batch x, double t, UnaryOperator<Batch> gradOfLoss, int n) {
        Step rk4 = Solvers.byName("rk4");
        PathPoint p = path.at(t);
        double kappa = p.sigma() / p.alpha();
        Rollout early = null;
        Batch xs = x;
        double ts = t;
        if (startsInTime(kappa)) {
            ts = path.timeForKappa(KAPPA_SWITCH);
            early = Rollout.solveCheckpointed(Dynamics.inTime(model, path, cost), rk4, Grid.equalSteps(t, ts, n), x,
                    checkpointSegment(n));
            xs = early.output();
            kappa = path.sigma(ts) / path.alpha(ts);
        }
        double alpha = path.alpha(ts);
        Rollout late = Rollout.solveCheckpointed(Dynamics.inKappa(model, cost), rk4, rhoGrid(kappa, n),
                xs.scaled(1.0 / alpha), checkpointSegment(n));
        Batch x1 = late.output();
        Batch g = late.backward(gradOfLoss.apply(x1)).scaled(1.0 / alpha);
        late.release();
        if (early != null) {
            g = early.backward(g);
            early.release();
        }
        return new Batch[] {x1, g};
    }

    /**
     * {x1, gradient}: RK4 in t up to t_e (kappa = KAPPA_END), then the exponential (DDIM) step, which lands on
     * x1 = xhat1(x, t_e), free of the 1/sigma in u; from t at or past t_e, that step alone (the ideal is greedy).
     */
    private Batch[] solveInTime(Batch x, double t, UnaryOperator<Batch> gradOfLoss, int n) {
        Dynamics inTime = Dynamics.inTime(model, path, cost);
        double tEnd = path.timeForKappa(KAPPA_END);
        Rollout late = null;
        Batch xe = x;
        if (t < tEnd) {
            late = Rollout.solveCheckpointed(inTime, Solvers.byName("rk4"), timeGrid(path, t, tEnd, n), x,
                    checkpointSegment(n));
            xe = late.output();
        }
        Rollout last = Rollout.solve(inTime, Solvers.byName("ddim"), new double[] {Math.max(t, tEnd), 1.0}, xe, null);
        Batch x1 = last.output();
        Batch g = last.backward(gradOfLoss.apply(x1));
        last.release();
        if (late != null) {
            g = late.backward(g);
            late.release();
        }
        return new Batch[] {x1, g};
    }

    /**
     * Segment length of the checkpointed backward pass: about sqrt(n), so n/k kept states plus one k-step segment
     * of records, ~2 sqrt(n) in all, for one extra forward solve (thousands of steps would not fit otherwise).
     */
    public static int checkpointSegment(int n) {
        return (int) Math.ceil(Math.sqrt(n));
    }

    /**
     * The t form's grid: n RK4 steps from t_0 = t to t_n = tEnd, equal in phi(t) = ln(kappa/(1 + kappa)) -
     * {@link #TIME_WEIGHT} t, which is finite at t = 0 (kappa infinite), so one grid serves every start. Late it is
     * equal in s = ln kappa: there the t-ODE is stiff in t (u carries (xhat1 - x)/sigma) but its rate per unit of s
     * stays bounded, so equal steps in s converge at RK4's order; in the middle the time term keeps the steps short
     * in t, where a network's xhat1 varies fastest (time features up to frequency 100).
     */
    static double[] timeGrid(AffinePath path, double t, double tEnd, int n) {
        double top = phi(path, t);
        double bottom = phi(path, tEnd);
        double[] grid = new double[n + 1];
        grid[0] = t;
        for (int i = 1; i < n; i++) {
            // phi decreases in t on every path here (kappa does), so bisection finds its one time
            double target = top + (bottom - top) * i / n;
            double lo = grid[i - 1];
            double hi = tEnd;
            for (int k = 0; k < 60; k++) {
                double mid = 0.5 * (lo + hi);
                if (phi(path, mid) > target) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            grid[i] = 0.5 * (lo + hi);
        }
        grid[n] = tEnd;
        return grid;
    }

    /** ln(kappa/(1 + kappa)) - TIME_WEIGHT t, as ln(sigma/(alpha + sigma)) - TIME_WEIGHT t. */
    private static double phi(AffinePath path, double t) {
        double a = path.alpha(t);
        double s = path.sigma(t);
        return Math.log(s / (a + s)) - TIME_WEIGHT * t;
    }

    /** kappa_i = (kmax^(1/rho) + i/n (0 - kmax^(1/rho)))^rho, i = 0..n: dense near kappa = 0, ending exactly at 0. */
    static double[] rhoGrid(double kappaMax, int n) {
        double[] k = new double[n + 1];
        double top = Math.pow(kappaMax, 1.0 / RHO);
        for (int i = 0; i < n; i++) {
            k[i] = Math.pow(top * (1.0 - (double) i / n), RHO);
        }
        k[0] = kappaMax;
        k[n] = 0.0;
        return k;
    }

    private static double maxRelativeChange(Batch a, Batch b) {
        double[] diff = a.minus(b).rowNorms();
        double[] scale = b.rowNorms();
        double max = 0;
        for (int i = 0; i < diff.length; i++) {
            // an absolute floor: rows below 1e-12 are zero for every purpose here
            max = Math.max(max, diff[i] / (scale[i] + 1e-12));
        }
        return max;
    }
}
