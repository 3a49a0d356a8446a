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
 * or fails with {@link NotConvergedException} (saying the change it reached) after {@link #maxSteps} steps. The
 * rule holds row by row: each row (particle) stops at the first step count where its own change is below the
 * tolerance, so its ideal is the one it gets solved alone, whatever it is batched with. Rows may start at different
 * times: the t form then solves them as one batch, each on its own grid, one network pass per stage for all rows
 * ({@link RowGridRollout}); a network's ideal costs per op, not per row (docs/TRAINING.md).
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
        return solve(x, same(t, x.rows()), gradOfLoss);
    }

    /** The same with row r starting at its own time t[r]. */
    public Result solve(Batch x, double[] t, UnaryOperator<Batch> gradOfLoss) {
        Result r = solveOrBest(x, t, gradOfLoss);
        if (!r.converged()) {
            throw new NotConvergedException(notConverged(min(t), r));
        }
        return r;
    }

    /** The same, but at the step cap it returns the finest solve, marked not converged, instead of failing. */
    public Result solveOrBest(Batch x, double t, UnaryOperator<Batch> gradOfLoss) {
        return solveOrBest(x, same(t, x.rows()), gradOfLoss);
    }

    /**
     * The same with row r starting at its own time t[r]. Rows are solved together, each on its own grid, and
     * refined until their own change is below the tolerance: a row's result is the one it gets solved alone
     * (to float rounding), whatever rows it shares the batch with. {@code gradOfLoss} always sees the whole batch
     * (a row that stopped refining holds its endpoint there), so a loss with a target per row keeps each row's.
     * The result's steps are the most any row took, its achieved tolerance the largest change any row stopped at.
     */
    public Result solveOrBest(Batch x, double[] t, UnaryOperator<Batch> gradOfLoss) {
        if (t.length != x.rows()) {
            throw new IllegalArgumentException(t.length + " start times for " + x.rows() + " rows");
        }
        int rows = x.rows();
        Result prev = solveWith(x, t, gradOfLoss, START_STEPS);
        Batch endpoint = prev.endpoint().copy(); // each row's latest endpoint; its final one once it stops
        Batch gradient = prev.gradient().copy();
        int[] open = new int[rows]; // the rows still refining, as indices into x
        for (int r = 0; r < rows; r++) {
            open[r] = r;
        }
        int steps = 0;
        double achieved = 0;
        boolean converged = true;
        int max = maxSteps(model);
        // a network (the t form) refines every row while any is open: its passes cost per op, not per row, and a
        // batch that keeps its size reuses the network's kept-tape memory (MlpInference holds it per batch size)
        boolean allRows = !model.acceptsAnyPathPoint();
        for (int n = 2 * START_STEPS; n <= max && open.length > 0; n *= 2) {
            int[] these = open;
            UnaryOperator<Batch> theirs = open.length == rows ? gradOfLoss : x1 -> {
                Batch all = endpoint.copy();
                scatter(x1, these, all);
                return rows(gradOfLoss.apply(all), these);
            };
            Result next = allRows && open.length < rows
                    ? only(solveWith(x, t, gradOfLoss, n), open)
                    : solveWith(rows(x, open), pick(t, open), theirs, n);
            double[] change = rowChange(prev, next);
            scatter(next.endpoint(), open, endpoint);
            scatter(next.gradient(), open, gradient);
            int[] at = new int[open.length]; // positions in next of the rows that go on refining
            int kept = 0;
            for (int i = 0; i < open.length; i++) {
                if (change[i] < tolerance || n == max) {
                    steps = Math.max(steps, n);
                    achieved = Math.max(achieved, change[i]);
                    converged &= change[i] < tolerance;
                } else {
                    at[kept] = i;
                    open[kept] = open[i];
                    kept++;
                }
            }
            at = java.util.Arrays.copyOf(at, kept);
            open = java.util.Arrays.copyOf(open, kept);
            prev = kept == next.endpoint().rows() ? next
                    : new Result(rows(next.endpoint(), at), rows(next.gradient(), at), n, Double.NaN, false);
        }
        return new Result(endpoint, gradient, steps, achieved, converged);
    }

    /** The one-line report of a solve that stopped at its cap. */
    public String notConverged(double t, Result r) {
        return String.format(java.util.Locale.ROOT, "the continuous ideal at t = %.4g did not converge: relative "
                + "change %.2g between %d and %d RK4 steps (the cap for this model), tolerance %.2g", t,
                r.achievedTolerance(), r.steps() / 2, r.steps(), tolerance);
    }

    /** One solve with n steps per phase, no refinement (package-private for tests: a fixed map to differentiate). */
    Result solveWith(Batch x, double t, UnaryOperator<Batch> gradOfLoss, int n) {
        return solveWith(x, same(t, x.rows()), gradOfLoss, n);
    }

    /** The same with row r starting at t[r]: one solve for all rows (t form), or one per distinct time (EDM form). */
    Result solveWith(Batch x, double[] t, UnaryOperator<Batch> gradOfLoss, int n) {
        Batch[] out;
        if (!model.acceptsAnyPathPoint()) {
            out = solveInTime(x, t, gradOfLoss, n);
        } else {
            out = new Batch[] {new Batch(new double[x.data().length], x.rows(), x.cols()),
                    new Batch(new double[x.data().length], x.rows(), x.cols())};
            for (double ts : java.util.Arrays.stream(t).distinct().toArray()) {
                int[] idx = java.util.stream.IntStream.range(0, t.length).filter(r -> t[r] == ts).toArray();
                // the loss sees every row in its place (the others at their start, finite), as in solveOrBest
                UnaryOperator<Batch> theirs = idx.length == t.length ? gradOfLoss : x1 -> {
                    Batch all = x.copy();
                    scatter(x1, idx, all);
                    return rows(gradOfLoss.apply(all), idx);
                };
                Batch[] part = solveEdm(rows(x, idx), ts, theirs, n);
                scatter(part[0], idx, out[0]);
                scatter(part[1], idx, out[1]);
            }
        }
        out[1].requireFinite("the continuous-ideal gradient");
        return new Result(out[0], out[1], n, Double.NaN, false);
    }

    /** The rows idx of a result. */
    private static Result only(Result r, int[] idx) {
        return new Result(rows(r.endpoint(), idx), rows(r.gradient(), idx), r.steps(), Double.NaN, false);
    }

    private static double[] same(double t, int rows) {
        double[] out = new double[rows];
        java.util.Arrays.fill(out, t);
        return out;
    }

    private static double min(double[] t) {
        return java.util.Arrays.stream(t).min().orElse(Double.NaN);
    }

    private static double[] pick(double[] t, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = t[idx[i]];
        }
        return out;
    }

    /** The rows idx of b, in that order. */
    static Batch rows(Batch b, int[] idx) {
        int d = b.cols();
        double[] out = new double[idx.length * d];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(b.data(), idx[i] * d, out, i * d, d);
        }
        return new Batch(out, idx.length, d);
    }

    /** Row i of part into row idx[i] of target. */
    private static void scatter(Batch part, int[] idx, Batch target) {
        int d = part.cols();
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(part.data(), i * d, target.data(), idx[i] * d, d);
        }
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
     * Rows that start before t_e run together, each on its own grid (RowGridRollout); the last step evaluates
     * every row at its own max(t, t_e), as DdimStep does.
     */
    private Batch[] solveInTime(Batch x, double[] t, UnaryOperator<Batch> gradOfLoss, int n) {
        Dynamics inTime = Dynamics.inTime(model, path, cost);
        double tEnd = path.timeForKappa(KAPPA_END);
        int[] early = java.util.stream.IntStream.range(0, t.length).filter(r -> t[r] < tEnd).toArray();
        RowGridRollout late = null;
        Batch xe = x;
        if (early.length > 0) {
            java.util.Map<Double, double[]> byStart = new java.util.HashMap<>();
            double[][] grids = new double[early.length][];
            for (int i = 0; i < early.length; i++) {
                grids[i] = byStart.computeIfAbsent(t[early[i]], ts -> timeGrid(path, ts, tEnd, n));
            }
            late = new RowGridRollout(inTime, grids, rows(x, early), checkpointSegment(n));
            xe = x.copy();
            scatter(late.output(), early, xe);
        }
        // DdimStep from t0 = max(t, t_e) to t1 = 1, row by row
        double[] t0 = new double[t.length];
        double[] ratio = new double[t.length];
        double[] coef = new double[t.length];
        PathPoint p1 = inTime.point(1.0);
        for (int r = 0; r < t.length; r++) {
            t0[r] = Math.max(t[r], tEnd);
            PathPoint p0 = inTime.point(t0[r]);
            ratio[r] = p1.sigma() / p0.sigma();
            coef[r] = p1.alpha() - p0.alpha() * ratio[r];
        }
        gw.model.Prediction last = inTime.predict(xe, t0);
        Batch x1 = combineRows(xe, ratio, last.xhat1(), coef);
        Batch v = gradOfLoss.apply(x1);
        Batch g = combineRows(inTime.vjpXhat1(last, scaleRows(v, coef)), ones(t.length), v, ratio);
        if (late != null) {
            Batch gEarly = late.backward(rows(g, early));
            scatter(gEarly, early, g);
        }
        return new Batch[] {x1, g};
    }

    private static double[] ones(int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, 1.0);
        return out;
    }

    /** a_r y + b_r z, row by row (as Batch.combine computes each entry). */
    private static Batch combineRows(Batch y, double[] a, Batch z, double[] b) {
        double[] o = new double[y.data().length];
        int d = y.cols();
        for (int i = 0; i < o.length; i++) {
            o[i] = a[i / d] * y.data()[i] + b[i / d] * z.data()[i];
        }
        return new Batch(o, y.rows(), d);
    }

    /** s_r y, row by row. */
    private static Batch scaleRows(Batch y, double[] s) {
        double[] o = new double[y.data().length];
        int d = y.cols();
        for (int i = 0; i < o.length; i++) {
            o[i] = s[i / d] * y.data()[i];
        }
        return new Batch(o, y.rows(), d);
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

    /** Per row: the larger relative change, of the endpoint and of the gradient, from a to b. */
    private static double[] rowChange(Result a, Result b) {
        double[] e = relativeChange(a.endpoint(), b.endpoint());
        double[] g = relativeChange(a.gradient(), b.gradient());
        for (int i = 0; i < e.length; i++) {
            e[i] = Math.max(e[i], g[i]);
        }
        return e;
    }

    private static double[] relativeChange(Batch a, Batch b) {
        double[] diff = a.minus(b).rowNorms();
        double[] scale = b.rowNorms();
        for (int i = 0; i < diff.length; i++) {
            // an absolute floor: rows below 1e-12 are zero for every purpose here
            diff[i] = diff[i] / (scale[i] + 1e-12);
        }
        return diff;
    }
}
