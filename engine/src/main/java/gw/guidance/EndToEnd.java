package gw.guidance;

import gw.model.Prediction;
import gw.objective.Objective;
import gw.solver.Backprop;
import gw.solver.Dynamics;
import gw.solver.Grid;
import gw.solver.Step;
import gw.tensor.Batch;

/**
 * Discrete end-to-end guidance (discretize-then-optimize): backpropagation through the rest of the sampling
 * grid with the sampling solver (MATH eq. (3.3) with H = N - i, chaining eq. (6.1)).
 */
public final class EndToEnd implements GradientScheme {
    private final double[] grid;
    private final Lookahead through;

    public EndToEnd(Step solver, double[] grid, int checkpointEvery) {
        this(solver, grid, Backprop.segments(checkpointEvery));
    }

    public EndToEnd(Step solver, double[] grid, Backprop backprop) {
        this.grid = grid.clone();
        this.through = new Lookahead(solver, 1, backprop);
    }

    /** End-to-end whose backward pass keeps at most {@code snapshots} states (binomial checkpointing). */
    public static EndToEnd binomial(Step solver, double[] grid, int snapshots) {
        return new EndToEnd(solver, grid, Backprop.binomial(snapshots));
    }

    @Override
    public String name() {
        return "end-to-end";
    }

    @Override
    public GuidanceGradient gradient(Dynamics f, Objective loss, Batch x, double t, Prediction first) {
        return through.through(f, loss, x, Grid.remaining(grid, indexOf(t)), first);
    }

    private int indexOf(double t) {
        for (int i = 0; i < grid.length - 1; i++) {
            if (Math.abs(grid[i] - t) <= 1e-12) {
                return i;
            }
        }
        throw new IllegalArgumentException("t=" + t + " is not a point of the sampling grid before t=1");
    }
}
