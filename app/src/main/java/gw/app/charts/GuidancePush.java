package gw.app.charts;

import gw.app.state.Settings;
import gw.path.Paths;
import gw.solver.Dynamics;
import gw.solver.Solvers;
import gw.tensor.Batch;
import java.util.Arrays;
import java.util.List;

/**
 * Guidance's push on particles during one step, from a run's recorded states: the guided state after the step minus
 * the plain solver step from the same state (one solver step of the model, no gradient), so no scheme is re-run.
 */
final class GuidancePush {
    private GuidancePush() {
    }

    /**
     * The push {dx[], dy[]} on the first {@code count} particles during step k (states x_k to x_{k+1}), per unit
     * time (divided by the step's length), so pushes at different N compare.
     */
    static double[][] at(Settings s, List<Batch> states, int k, int count) {
        Batch xk = states.get(k);
        int rows = Math.min(count, xk.rows());
        Batch x = new Batch(Arrays.copyOf(xk.data(), rows * 2), rows, 2);
        int n = states.size() - 1;
        double t0 = (double) k / n;
        double t1 = (double) (k + 1) / n;
        Dynamics f = Dynamics.inTime(s.model(), Paths.byName(s.path()));
        Batch plain = Solvers.byName(s.solver()).forward(f, x, t0, t1, null).output();
        Batch guided = states.get(k + 1);
        double[][] out = new double[2][rows];
        for (int i = 0; i < rows; i++) {
            out[0][i] = (guided.get(i, 0) - plain.get(i, 0)) / (t1 - t0);
            out[1][i] = (guided.get(i, 1) - plain.get(i, 1)) / (t1 - t0);
        }
        return out;
    }

    /** Particles that carry arrows. */
    static int count() {
        return Settings.TRACED;
    }
}
