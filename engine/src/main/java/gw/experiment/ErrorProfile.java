package gw.experiment;

import gw.guidance.GradientScheme;
import gw.guidance.GuidanceGradient;
import gw.guidance.IdealGradient;
import gw.metric.Agreement;
import gw.metric.Stats;
import gw.path.Paths;
import gw.solver.Dynamics;
import gw.solver.Grid;
import gw.solver.Interruption;
import gw.tensor.Batch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A cell's gradient error against the continuous ideal, measured after the run on its recorded trajectories
 * instead of during it, at a chosen number of grid steps. An interactive view samples first (fast), draws, and
 * then measures here, spending the expensive ideal solves on at most {@code maxSteps} evenly spaced steps. Each
 * record matches what {@link CellRunner} measures at that step: the scheme's gradient at the particles' states
 * before the step, compared with the ideal at the same states.
 */
public final class ErrorProfile {
    private ErrorProfile() {
    }

    /**
     * @param states the cell's trajectories x_0 .. x_N (CellResult.trajectories()); the first {@code particles}
     *               rows are measured
     * @param maxSteps at most this many grid steps are measured, evenly spaced, always including the first
     * @return one record per measured step, in time order; empty for an unguided cell
     */
    public static List<StepRecord> measure(CellSpec spec, List<Batch> states, int particles, int maxSteps) {
        GradientScheme scheme = SchemeFactory.build(spec);
        if (scheme == null || spec.scale() == 0 || states.isEmpty()) {
            return List.of();
        }
        int n = spec.steps();
        if (states.size() < n) {
            throw new IllegalArgumentException("expected at least " + n + " recorded states, got " + states.size());
        }
        double[] grid = Grid.uniform(n);
        int m = Math.min(particles, states.get(0).rows());
        Dynamics f = Dynamics.inTime(spec.model(), Paths.byName(spec.path()));
        IdealGradient ideal = new IdealGradient(Paths.byName(spec.path()), spec.idealTolerance());
        List<StepRecord> out = new ArrayList<>();
        for (int i : steps(n, maxSteps)) {
            double t = grid[i];
            if (t < spec.tStart() || t > spec.tEnd()) {
                continue;
            }
            Interruption.check();
            Batch x = CellRunner.firstRows(states.get(i), m);
            GuidanceGradient g = scheme.gradient(f, spec.objective(), x, t, null);
            Batch gStar = ideal.gradient(f, spec.objective(), x, t, null).gradient();
            double[] err = Agreement.relativeError(g.gradient(), gStar);
            double[] cos = Agreement.cosine(g.gradient(), gStar);
            out.add(new StepRecord(i, t, g.nfe(), g.vjps(), g.nanos() / 1e6, Stats.mean(err),
                    Stats.median(err), Stats.mean(cos), g.peakRetainedBytes()));
        }
        return out;
    }

    /** Up to k grid indices in [0, n), evenly spaced, starting at 0. */
    static int[] steps(int n, int k) {
        if (k >= n) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] out = new int[Math.max(1, k)];
        for (int j = 0; j < out.length; j++) {
            out[j] = (int) Math.round((double) j * (n - 1) / Math.max(1, out.length - 1));
        }
        return Arrays.stream(out).distinct().toArray();
    }
}
