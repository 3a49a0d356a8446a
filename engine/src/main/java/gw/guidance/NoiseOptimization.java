package gw.guidance;

import gw.metric.Stats;
import gw.objective.Objective;
import gw.solver.Backprop;
import gw.solver.ButcherTableau;
import gw.solver.Dynamics;
import gw.solver.Interruption;
import gw.solver.Step;
import gw.solver.Trajectory;
import gw.tensor.Batch;
import gw.tensor.NonFiniteException;
import java.util.List;
import java.util.Locale;

/**
 * Initial-noise optimization (D-Flow style discretize-then-optimize, MATH section 3). Every row i of x0 is its own
 * problem, minimising
 * <pre>
 *   J(x0_i) = L(Phi(x0_i)) + (priorWeight / 2) |x0_i|^2
 * </pre>
 * where Phi is the sampling solver run on the sampling grid from grid[0] (normally t = 0, pure noise) to 1, and
 * (1/2)|x0|^2 is the negative log-density of the N(0, I) noise prior up to a constant, so priorWeight = 1 is the
 * MAP objective for a loss that is a negative log-likelihood, and priorWeight = 0 drops the prior.
 * grad J = (dPhi/dx0)^T grad L(x1) + priorWeight x0, by backpropagation through the whole solve with a
 * {@link Backprop} strategy (the exact gradient of the discrete J), or, with {@code adjoint}, by the continuous
 * adjoint ({@link ContinuousAdjoint}: the sampling solver forward, the adjoint solver (RK4 unless set) backward, N equal steps from grid[0] to 1;
 * it approximates the gradient of the continuous J, so line searches see a slightly inconsistent slope).
 * Optimizers: "adam" (betas 0.9/0.999, eps 1e-8, step learningRate) and "lbfgs" (history 10, per-row
 * backtracking Armijo search starting from step 1; learningRate scales the first, gradient-descent step;
 * see {@link RowLbfgs}).
 */
public final class NoiseOptimization {
    public static final List<String> OPTIMIZERS = List.of("adam", "lbfgs");

    /** What to optimise with; see the class comment. */
    public record Settings(Step solver, double[] grid, int iterations, double learningRate, double priorWeight,
                           String optimizer, Backprop backprop, ButcherTableau adjointTableau) {
        public Settings {
            if (grid.length < 2) {
                throw new IllegalArgumentException("the sampling grid needs at least 2 times");
            }
            if (iterations < 0) {
                throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
            }
            if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
                throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
            }
            if (!(priorWeight >= 0) || !Double.isFinite(priorWeight)) {
                throw new IllegalArgumentException("priorWeight must be finite and >= 0, got " + priorWeight);
            }
            optimizer = optimizer.toLowerCase(Locale.ROOT).replace("-", "");
            if (!OPTIMIZERS.contains(optimizer)) {
                throw new IllegalArgumentException("unknown optimizer '" + optimizer + "'; allowed: adam, lbfgs");
            }
            grid = grid.clone();
        }

        /** Full-storage backpropagation through the sampling solve. */
        public Settings(Step solver, double[] grid, int iterations, double learningRate, double priorWeight,
                        String optimizer) {
            this(solver, grid, iterations, learningRate, priorWeight, optimizer, Backprop.full(), null);
        }

        public Settings withBackprop(Backprop b) {
            return new Settings(solver, grid, iterations, learningRate, priorWeight, optimizer, b, null);
        }

        /** Gradients by the continuous adjoint with RK4 backward. */
        public Settings withAdjoint() {
            return withAdjoint(ButcherTableau.RK4);
        }

        /** Gradients by the continuous adjoint with the given Runge-Kutta method backward. */
        public Settings withAdjoint(ButcherTableau backward) {
            return new Settings(solver, grid, iterations, learningRate, priorWeight, optimizer, backprop, backward);
        }

        /** Whether gradients come from the continuous adjoint (else backpropagation). */
        public boolean adjoint() {
            return adjointTableau != null;
        }
    }

    /** J, L and grad J per row at x0, with the final samples x1 = Phi(x0). */
    public record Evaluation(Batch x0, Batch x1, double[] objective, double[] loss, Batch gradient) {
    }

    /**
     * The optimised noise, its samples, the mean of J (lossHistory) and of L alone (dataLossHistory) over the rows
     * at every iterate (entry 0 the start, entry k after k iterations), and the total cost.
     */
    public record Result(Batch x0, Batch x1, double[] objective, double[] lossHistory, double[] dataLossHistory,
                         long nfe, long vjps, long nanos, long peakRetainedBytes) {
    }

    private final Settings settings;

    public NoiseOptimization(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** J, L, grad J and x1 at x0: one forward solve and one backward pass. */
    public Evaluation evaluate(Dynamics f, Objective loss, Batch x0) {
        Batch x1;
        Batch gradL;
        if (settings.adjoint()) {
            int n = settings.grid().length - 1;
            GuidanceGradient g = new ContinuousAdjoint(settings.solver(), settings.adjointTableau(), n)
                    .gradient(f, loss, x0, settings.grid()[0], null);
            x1 = g.endpoint();
            gradL = g.gradient();
        } else {
            Trajectory r = settings.backprop().solve(f, settings.solver(), settings.grid(), x0, null);
            x1 = r.output();
            gradL = r.backward(loss.gradient(x1));
        }
        double[] l = loss.loss(x1);
        double[] j = withPrior(l, x0);
        for (double v : j) {
            if (!Double.isFinite(v)) {
                throw new NonFiniteException("the noise-optimization objective became NaN or infinite");
            }
        }
        Batch grad = gradL.addScaled(x0, settings.priorWeight())
                .requireFinite("the noise-optimization gradient");
        return new Evaluation(x0, x1, j, l, grad);
    }

    /** Runs the optimizer from x0 (not modified); checks for cancellation every iteration. */
    public Result optimize(Dynamics f, Objective loss, Batch x0) {
        Measured m = new Measured(f);
        int k = settings.iterations();
        double[] history = new double[k + 1];
        double[] dataHistory = new double[k + 1];
        Evaluation e = evaluate(f, loss, x0);
        record(e, history, dataHistory, 0);
        if (settings.optimizer().equals("adam")) {
            Adam adam = new Adam(settings.learningRate());
            for (int it = 1; it <= k; it++) {
                Interruption.check();
                Batch next = adam.step(e.x0(), e.gradient()).requireFinite("the optimised noise");
                // the last iterate needs only its value, not a gradient: a forward solve is enough
                e = it < k ? evaluate(f, loss, next) : valueOnly(f, loss, next);
                record(e, history, dataHistory, it);
            }
        } else {
            RowLbfgs lbfgs = new RowLbfgs(settings.learningRate(), e);
            for (int it = 1; it <= k; it++) {
                Interruption.check();
                lbfgs.iterate(rows -> evaluate(f, loss, rows));
                record(lbfgs.current(), history, dataHistory, it);
            }
            e = lbfgs.current();
        }
        GuidanceGradient used = m.finish(e.x0(), e.x1());
        return new Result(e.x0(), e.x1(), e.objective(), history, dataHistory, used.nfe(), used.vjps(),
                used.nanos(), used.peakRetainedBytes());
    }

    /** J and L at x0 by a forward solve only (no gradient). */
    private Evaluation valueOnly(Dynamics f, Objective loss, Batch x0) {
        double[] grid = settings.grid();
        Batch x = x0;
        for (int j = 0; j + 1 < grid.length; j++) {
            x = settings.solver().forward(f, x, grid[j], grid[j + 1], null).output()
                    .requireFinite("the sampling solve at t=" + grid[j + 1]);
        }
        double[] l = loss.loss(x);
        return new Evaluation(x0, x, withPrior(l, x0), l, null);
    }

    /** J = L + (priorWeight / 2) |x0|^2 per row. */
    private double[] withPrior(double[] l, Batch x0) {
        double[] j = l.clone();
        double[] sq = x0.rowDot(x0);
        for (int i = 0; i < j.length; i++) {
            j[i] += 0.5 * settings.priorWeight() * sq[i];
        }
        return j;
    }

    private static void record(Evaluation e, double[] history, double[] dataHistory, int at) {
        history[at] = Stats.mean(e.objective());
        dataHistory[at] = Stats.mean(e.loss());
        if (!Double.isFinite(history[at])) {
            throw new NonFiniteException("the noise-optimization objective became NaN or infinite");
        }
    }
}
