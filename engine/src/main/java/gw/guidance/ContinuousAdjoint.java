package gw.guidance;

import gw.model.Prediction;
import gw.objective.Objective;
import gw.solver.ButcherTableau;
import gw.solver.Dynamics;
import gw.solver.Interruption;
import gw.solver.Step;
import gw.tensor.Axpy;
import gw.tensor.Batch;

/**
 * Continuous adjoint (optimize-then-discretize): solve forward to x1 keeping nothing, then integrate the
 * augmented system d/dt (x, a) = (u(x, t), -(du/dx)^T a) backwards from (x1, grad L(x1)) at t = 1 to t with
 * an explicit Runge-Kutta method (MATH eqs. (6.3)-(6.4)), through the same {@link ButcherTableau#step} as the
 * forward solve (as torchdiffeq hands the augmented dynamics to its one integrator). Memory does not grow with
 * the number of steps.
 */
public final class ContinuousAdjoint implements GradientScheme {
    private final Step forwardSolver;
    private final ButcherTableau tableau;
    private final int steps;
    private final boolean perUnitTime;

    /**
     * @param forwardSolver the solver of the forward pass to x1
     * @param tableau the Runge-Kutta method of the backward augmented solve
     * @param steps equal steps from t to 1, forward and backward
     */
    public ContinuousAdjoint(Step forwardSolver, ButcherTableau tableau, int steps) {
        this(forwardSolver, tableau, steps, false);
    }

    private ContinuousAdjoint(Step forwardSolver, ButcherTableau tableau, int steps, boolean perUnitTime) {
        if (steps < 1) {
            throw new IllegalArgumentException("adjoint steps must be >= 1, got " + steps);
        }
        this.forwardSolver = forwardSolver;
        this.tableau = tableau;
        this.steps = steps;
        this.perUnitTime = perUnitTime;
    }

    /** The adjoint on the step size of an N-step uniform grid: from t_i it takes N - i steps. */
    public static ContinuousAdjoint onUniformGrid(Step forwardSolver, ButcherTableau tableau, int n) {
        return new ContinuousAdjoint(forwardSolver, tableau, n, true);
    }

    @Override
    public String name() {
        return "adjoint";
    }

    @Override
    public GuidanceGradient gradient(Dynamics f, Objective loss, Batch x, double t, Prediction first) {
        Measured m = new Measured(f);
        int steps = perUnitTime ? Math.max(1, (int) Math.round((1.0 - t) * this.steps)) : this.steps;
        double h = (1.0 - t) / steps;
        Batch state = x;
        for (int j = 0; j < steps; j++) {
            Interruption.check();
            double t0 = t + j * h;
            double t1 = j == steps - 1 ? 1.0 : t + (j + 1) * h;
            state = forwardSolver.forward(f, state, t0, t1, j == 0 ? first : null).output();
            state.requireFinite("the adjoint's forward solve at t=" + t1);
        }
        Batch x1 = state;
        Augmented z = new Augmented(x1, loss.gradient(x1));
        f.cost().retain(2 * x.bytes());
        for (int j = steps; j > 0; j--) {
            Interruption.check();
            double t1 = j == steps ? 1.0 : t + j * h;
            double t0 = t + (j - 1) * h;
            z = backwardStep(f, z, t1, t0 - t1);
            z.a().requireFinite("the adjoint solve at t=" + t0);
        }
        f.cost().retain(-2 * x.bytes());
        return m.finish(z.a(), x1);
    }

    /**
     * One step of the augmented system from tau by dt (negative) through the sampling solver's own tableau stepping
     * (MATH eq. (6.4)): slope (u, -(du/dx)^T a). Its stage slopes and the live model evaluation are counted as
     * retained while the step runs, like the one live step record of checkpointed backpropagation, so that peak
     * memory compares like for like.
     */
    private Augmented backwardStep(Dynamics f, Augmented z, double tau, double dt) {
        long[] kept = {0};
        Augmented next = tableau.step(z, tau, dt, (i, y, t) -> {
            Prediction pred = f.predict(y.x(), t);
            f.cost().retain(pred.retainedBytes());
            Augmented k = new Augmented(pred.velocity(), f.vjpVelocity(pred, y.a()).scaled(-1.0));
            kept[0] += k.bytes();
            f.cost().retain(k.bytes() - pred.retainedBytes());
            return k;
        });
        f.cost().retain(-kept[0]);
        return next;
    }

    /** The augmented state (x, a): the sample and its adjoint, stepped together. */
    private record Augmented(Batch x, Batch a) implements Axpy<Augmented> {
        @Override
        public Augmented copy() {
            return new Augmented(x.copy(), a.copy());
        }

        @Override
        public Augmented addScaled(Augmented k, double c) {
            x.addScaled(k.x, c);
            a.addScaled(k.a, c);
            return this;
        }

        long bytes() {
            return x.bytes() + a.bytes();
        }
    }
}
