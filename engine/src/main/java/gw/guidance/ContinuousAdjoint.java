package gw.guidance;

import gw.model.Prediction;
import gw.objective.Objective;
import gw.solver.ButcherTableau;
import gw.solver.Dynamics;
import gw.solver.Interruption;
import gw.solver.Step;
import gw.tensor.Batch;

/**
 * Continuous adjoint (optimize-then-discretize): solve forward to x1 keeping nothing, then integrate the
 * augmented system d/dt (x, a) = (u(x, t), -(du/dx)^T a) backwards from (x1, grad L(x1)) at t = 1 to t with
 * an explicit Runge-Kutta method. Memory does not grow with the number of steps.
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
        Batch adj = loss.gradient(x1);
        f.cost().retain(2 * x.bytes());
        for (int j = steps; j > 0; j--) {
            Interruption.check();
            double t1 = j == steps ? 1.0 : t + j * h;
            double t0 = t + (j - 1) * h;
            Batch[] next = backwardStep(f, state, adj, t1, t0 - t1);
            state = next[0];
            adj = next[1].requireFinite("the adjoint solve at t=" + t0);
        }
        f.cost().retain(-2 * x.bytes());
        return m.finish(adj, x1);
    }

    /**
     * One explicit RK step of the augmented system from tau by dt (negative). Its stage slopes and the live model
     * evaluation are counted as retained while the step runs, like the one live step record of checkpointed
     * backpropagation, so that peak memory compares like for like.
     */
    private Batch[] backwardStep(Dynamics f, Batch x, Batch a, double tau, double dt) {
        int s = tableau.stages();
        Batch[] kx = new Batch[s];
        Batch[] ka = new Batch[s];
        long kept = 0;
        for (int i = 0; i < s; i++) {
            Batch y = x.copy();
            Batch b = a.copy();
            double[] ai = tableau.a()[i];
            for (int j = 0; j < ai.length; j++) {
                if (ai[j] != 0) {
                    y.addScaled(kx[j], dt * ai[j]);
                    b.addScaled(ka[j], dt * ai[j]);
                }
            }
            Prediction pred = f.predict(y, tau + tableau.c()[i] * dt);
            f.cost().retain(pred.retainedBytes());
            kx[i] = pred.velocity();
            ka[i] = f.vjpVelocity(pred, b).scaled(-1.0);
            kept += kx[i].bytes() + ka[i].bytes();
            f.cost().retain(kx[i].bytes() + ka[i].bytes() - pred.retainedBytes());
        }
        f.cost().retain(-kept);
        Batch xn = x.copy();
        Batch an = a.copy();
        for (int i = 0; i < s; i++) {
            if (tableau.b()[i] != 0) {
                xn.addScaled(kx[i], dt * tableau.b()[i]);
                an.addScaled(ka[i], dt * tableau.b()[i]);
            }
        }
        return new Batch[] {xn, an};
    }
}
