package gw.guidance;

import gw.model.Prediction;
import gw.objective.Objective;
import gw.solver.Backprop;
import gw.solver.Dynamics;
import gw.solver.Grid;
import gw.solver.Step;
import gw.solver.Trajectory;
import gw.tensor.Batch;

/**
 * Horizon-H lookahead: H equal steps of the lookahead solver from t to 1, differentiated through
 * (g_H = grad_x L(Psi_H(x)), MATH eq. (3.3)). With ddim, H = 1 is greedy; its error shrinks like h^p (global order), h = (1 - t)/H.
 * The {@link Backprop} strategy only changes memory and recomputation, not the gradient.
 */
public final class Lookahead implements GradientScheme {
    private final Step solver;
    private final int horizon;
    private final Backprop backprop;

    public Lookahead(Step solver, int horizon) {
        this(solver, horizon, Backprop.full());
    }

    /** checkpointEvery > 1 keeps only every k-th state and recomputes the rest in the backward pass. */
    public Lookahead(Step solver, int horizon, int checkpointEvery) {
        this(solver, horizon, Backprop.segments(checkpointEvery));
    }

    public Lookahead(Step solver, int horizon, Backprop backprop) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
        this.solver = solver;
        this.horizon = horizon;
        this.backprop = backprop;
    }

    /** Lookahead whose backward pass keeps at most {@code snapshots} states (binomial checkpointing). */
    public static Lookahead binomial(Step solver, int horizon, int snapshots) {
        return new Lookahead(solver, horizon, Backprop.binomial(snapshots));
    }

    public int horizon() {
        return horizon;
    }

    public Backprop backprop() {
        return backprop;
    }

    @Override
    public String name() {
        return "lookahead";
    }

    @Override
    public GuidanceGradient gradient(Dynamics f, Objective loss, Batch x, double t, Prediction first) {
        return through(f, loss, x, Grid.equalSteps(t, 1.0, horizon), first);
    }

    GuidanceGradient through(Dynamics f, Objective loss, Batch x, double[] times, Prediction first) {
        Measured m = new Measured(f);
        Trajectory r = backprop.solve(f, solver, times, x, first);
        Batch end = r.output();
        return m.finish(r.backward(loss.gradient(end)), end);
    }
}
