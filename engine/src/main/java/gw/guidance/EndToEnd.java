package gw.guidance;

import gw.model.Prediction;
import gw.objective.Objective;
import gw.solver.Dynamics;
import gw.solver.Grid;
import gw.solver.Step;
import gw.tensor.Batch;

/**
 * Discrete end-to-end guidance (discretize-then-optimize): backpropagation through the rest of the sampling
 * grid with the sampling solver. On the uniform grid this is lookahead with H = N - i.
 */
public final class EndToEnd implements GradientScheme {
    private final double[] grid;
    private final Lookahead through;

    public EndToEnd(Step solver, double[] grid, int checkpointEvery) {
        this.grid = grid.clone();
        this.through = new Lookahead(solver, 1, checkpointEvery);
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
