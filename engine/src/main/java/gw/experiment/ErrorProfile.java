package gw.experiment;

import gw.guidance.GradientScheme;
import gw.guidance.GuidanceGradient;
import gw.guidance.GuidedSampler;
import gw.path.Paths;
import gw.solver.Dynamics;
import gw.solver.Grid;
import gw.solver.IdealFlow;
import gw.solver.Interruption;
import gw.spec.CellSpec;
import gw.spec.SchemeRegistry;
import gw.tensor.Batch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A cell's gradient error against the continuous ideal, measured after the run on its recorded trajectories
 * instead of during it, at a chosen number of grid steps. An interactive view samples first (fast), draws, and
 * then measures here, spending the expensive ideal on at most {@code maxSteps} evenly spaced steps, all of them in
 * one solve. Each record matches what {@link CellRunner} measures at that step: the scheme's gradient at the
 * particles' states before the step, compared with the ideal at the same states.
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
        GradientScheme scheme = SchemeRegistry.build(spec);
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
        List<Point> points = new ArrayList<>();
        for (int i : steps(n, maxSteps)) {
            double t = grid[i];
            if (!GuidedSampler.inWindow(t, spec.tStart(), spec.tEnd())) {
                continue;
            }
            Interruption.check();
            Batch x = CellRunner.firstRows(states.get(i), m);
            points.add(new Point(0, i, t, x, scheme.gradient(f, spec.objective(), x, t, null)));
        }
        List<StepRecord> out = new ArrayList<>();
        List<Batch[]> ideal = ideal(spec, points);
        for (int k = 0; k < points.size(); k++) {
            Point q = points.get(k);
            out.add(StepRecord.measured(q.index, q.t, q.g, q.g.gradient(), reference(ideal.get(k)),
                    spec.objective()));
        }
        return out;
    }

    /** The records of several cells at the given steps, or the reason one cell could not be measured. */
    public record Profiles(List<List<StepRecord>> records, List<String> errors) {
    }

    /**
     * Measures several cells that differ only in their scheme (same model, loss, path, grid, scale and window) at
     * the given grid steps. The ideal is solved once for all cells' particles at all steps together, each row from
     * its own step's time (IdealFlow with a start time per row): for a network each pass costs little more for
     * sixty rows than for four, so this costs about what the slowest step's solve would alone.
     * A cell whose scheme diverges gets an error and no records; the others go on.
     */
    public static Profiles measureAll(List<CellSpec> specs, List<List<Batch>> states, int particles,
                                      int[] stepIndices) {
        if (specs.isEmpty()) {
            return new Profiles(List.of(), List.of());
        }
        CellSpec first = specs.get(0);
        for (CellSpec c : specs) {
            if (c.model() != first.model() || c.objective() != first.objective() || !c.path().equals(first.path())
                    || c.steps() != first.steps()) {
                throw new IllegalArgumentException("measureAll needs cells that differ only in their scheme");
            }
        }
        int n = first.steps();
        double[] grid = Grid.uniform(n);
        Dynamics f = Dynamics.inTime(first.model(), Paths.byName(first.path()));
        List<GradientScheme> schemes = new ArrayList<>();
        List<List<StepRecord>> records = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (CellSpec c : specs) {
            schemes.add(SchemeRegistry.build(c));
            records.add(new ArrayList<>());
            errors.add(null);
        }
        List<Point> points = new ArrayList<>();
        for (int i : stepIndices) {
            double t = grid[i];
            for (int k = 0; k < specs.size(); k++) {
                CellSpec c = specs.get(k);
                if (errors.get(k) != null || !GuidedSampler.guides(schemes.get(k), c.scale(), c.tStart(), c.tEnd(), t)
                        || states.get(k).size() <= i) {
                    continue;
                }
                Interruption.check();
                Batch x = CellRunner.firstRows(states.get(k).get(i), Math.min(particles, states.get(k).get(i).rows()));
                try {
                    points.add(new Point(k, i, t, x, schemes.get(k).gradient(f, c.objective(), x, t, null)));
                } catch (gw.tensor.NonFiniteException e) {
                    errors.set(k, e.getMessage());
                }
            }
        }
        points.removeIf(q -> errors.get(q.cell) != null); // a cell that diverged later keeps no records
        List<Batch[]> ideal = ideal(first, points);
        for (int j = 0; j < points.size(); j++) {
            Point q = points.get(j);
            records.get(q.cell).add(StepRecord.measured(q.index, q.t, q.g, q.g.gradient(), reference(ideal.get(j)),
                    first.objective()));
        }
        return new Profiles(records, errors);
    }

    /** One cell's particles at one grid step, and its scheme's gradient there. */
    private record Point(int cell, int index, double t, Batch x, GuidanceGradient g) {
    }

    /**
     * {endpoint, gradient} of the ideal for every point, from one solve of all their rows (each from its time).
     * @throws gw.solver.NotConvergedException when a row reaches the step cap unconverged
     */
    private static List<Batch[]> ideal(CellSpec spec, List<Point> points) {
        if (points.isEmpty()) {
            return List.of();
        }
        Interruption.check();
        List<Batch> xs = new ArrayList<>();
        int rows = 0;
        for (Point q : points) {
            xs.add(q.x);
            rows += q.x.rows();
        }
        double[] t = new double[rows];
        int at = 0;
        for (Point q : points) {
            Arrays.fill(t, at, at + q.x.rows(), q.t);
            at += q.x.rows();
        }
        IdealFlow.Result r = new IdealFlow(spec.model(), Paths.byName(spec.path()), spec.idealTolerance())
                .solve(stack(xs), t, spec.objective()::gradient);
        List<Batch[]> out = new ArrayList<>();
        int row = 0;
        for (Point q : points) {
            int m = q.x.rows();
            out.add(new Batch[] {rows(r.endpoint(), row, m), rows(r.gradient(), row, m)});
            row += m;
        }
        return out;
    }

    /** The ideal as StepRecord reads it (only its gradient and endpoint). */
    private static GuidanceGradient reference(Batch[] ideal) {
        return new GuidanceGradient(ideal[1], ideal[0], 0, 0, 0, 0);
    }

    private static Batch rows(Batch x, int from, int n) {
        int d = x.cols();
        return new Batch(Arrays.copyOfRange(x.data(), from * d, (from + n) * d), n, d);
    }

    private static Batch stack(List<Batch> parts) {
        int rows = 0;
        for (Batch b : parts) {
            rows += b.rows();
        }
        int d = parts.get(0).cols();
        double[] out = new double[rows * d];
        int at = 0;
        for (Batch b : parts) {
            System.arraycopy(b.data(), 0, out, at, b.data().length);
            at += b.data().length;
        }
        return new Batch(out, rows, d);
    }

    /** Up to k grid indices in [0, n), evenly spaced, starting at 0. */
    public static int[] steps(int n, int k) {
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
