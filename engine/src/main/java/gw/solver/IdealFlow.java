package gw.solver;

import gw.model.TargetPredictor;
import gw.path.AffinePath;
import gw.path.PathPoint;
import gw.tensor.Batch;
import java.util.function.UnaryOperator;

/**
 * The exact flow map x_t -> x_1 and its VJP (MATH sections 1-2). For a model that accepts any (alpha, sigma) the
 * solve runs in EDM coordinates z = x/alpha, kappa = sigma/alpha, where dz/dkappa = xhat0 is smooth down to
 * kappa = 0, with RK4 on a rho = 7 grid; any other model (a learned one reads only t) runs RK4 in t on steps
 * equal in ln kappa ({@link #timeGrid}), then one exponential step to t = 1. From very early times (kappa above
 * {@link #KAPPA_SWITCH}, including t = 0 where kappa is infinite) it first runs RK4 in t on equal steps.
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

    private Result solveWith(Batch x, double t, UnaryOperator<Batch> gradOfLoss, int n) {
        Step rk4 = Solvers.byName("rk4");
        PathPoint p = path.at(t);
        double kappa = p.sigma() / p.alpha();
        Rollout early = null;
        Batch xs = x;
        double ts = t;
        if (!(kappa <= KAPPA_SWITCH)) {
            ts = path.timeForKappa(KAPPA_SWITCH);
            early = Rollout.solveCheckpointed(Dynamics.inTime(model, path, cost), rk4, Grid.equalSteps(t, ts, n), x,
                    checkpointSegment(n));
            xs = early.output();
            kappa = path.sigma(ts) / path.alpha(ts);
        }
        Rollout late;
        Batch x1;
        Batch g;
        if (model.acceptsAnyPathPoint()) {
            double alpha = path.alpha(ts);
            late = Rollout.solveCheckpointed(Dynamics.inKappa(model, cost), rk4, rhoGrid(kappa, n),
                    xs.scaled(1.0 / alpha), checkpointSegment(n));
            x1 = late.output();
            g = late.backward(gradOfLoss.apply(x1)).scaled(1.0 / alpha);
        } else {
            // RK4 in t up to t_{n-1}, then the exponential (DDIM) step, which lands on x1 = xhat1(x, t_{n-1}):
            // exact as kappa -> 0 and free of the 1/sigma in u, which a network (never exactly xhat1(x, 1) = x)
            // turns into a stiff, slowly converging tail
            Dynamics inTime = Dynamics.inTime(model, path, cost);
            double[] grid = timeGrid(path, ts, kappa, n);
            late = Rollout.solveCheckpointed(inTime, rk4, java.util.Arrays.copyOf(grid, n), xs, checkpointSegment(n));
            Rollout last = Rollout.solve(inTime, Solvers.byName("ddim"), new double[] {grid[n - 1], 1.0},
                    late.output(), null);
            x1 = last.output();
            g = late.backward(last.backward(gradOfLoss.apply(x1)));
        }
        late.release();
        if (early != null) {
            g = early.backward(g);
            early.release();
        }
        g.requireFinite("the continuous-ideal gradient");
        return new Result(x1, g, n, Double.NaN, false);
    }

    /**
     * Segment length of the checkpointed backward pass: about sqrt(n), so n/k kept states plus one k-step segment
     * of records, ~2 sqrt(n) in all, for one extra forward solve (thousands of steps would not fit otherwise).
     */
    public static int checkpointSegment(int n) {
        return (int) Math.ceil(Math.sqrt(n));
    }

    /**
     * The t form's grid: t_0 = tStart (kappa = kappaMax), then n - 1 RK4 steps equal in s = ln kappa down to
     * kappaMin, then t_n = 1 (the exponential step). In s the t-ODE reads dx/ds = (alpha-weighted) (x - xhat1), as
     * smooth as xhat1, so equal steps in s converge at RK4's order; a grid whose last steps keep a fixed ratio in
     * kappa (the rho grid: kappa_{n-1}/kappa_{n-2} = 2^-7 at every n) does not, for a network whose Jacobian of
     * xhat1 stays away from the identity as t -> 1: its gradient changed by 5x and more from n = 64 to 128.
     * kappaMin ~ h^4 shrinks with the step h, so the exponential step's error (about kappaMin) falls as fast.
     */
    static double[] timeGrid(AffinePath path, double tStart, double kappaMax, int n) {
        double top = Math.log(kappaMax);
        // ln kappaMin = b solves b = 4 ln((top - b) / (n - 1)) (kappaMin = h^4): b - 4 ln(...) increases in b, so
        // bisection finds the one root (a plain fixed-point iteration oscillates when top is small); at most top - 1
        double lo = top - 400;
        double hi = top - 1;
        if (hi - 4 * Math.log((top - hi) / (n - 1)) > 0) {
            for (int k = 0; k < 100; k++) {
                double mid = 0.5 * (lo + hi);
                if (mid - 4 * Math.log((top - mid) / (n - 1)) > 0) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
        }
        double bottom = hi;
        double[] t = new double[n + 1];
        t[0] = tStart;
        for (int i = 1; i < n; i++) {
            // below 1, so sigma > 0 where the t form's final exponential step starts
            double s = top + (bottom - top) * i / (n - 1);
            t[i] = Math.min(path.timeForKappa(Math.exp(s)), Math.nextDown(1.0));
        }
        t[n] = 1.0;
        return t;
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
