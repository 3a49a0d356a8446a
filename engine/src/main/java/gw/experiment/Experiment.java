package gw.experiment;

import gw.solver.NotConvergedException;
import gw.spec.CellSpec;
import gw.spec.ExperimentSpec;
import gw.tensor.NonFiniteException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Runs an experiment's cells in order. A cell that fails (NaN, divergence, bad settings) is recorded with its error
 * and the sweep goes on; cancellation (thread interrupt, or {@link RunHandle#cancel()}) stops at the next op and
 * keeps every finished cell.
 */
public final class Experiment {
    private Experiment() {
    }

    /** Runs on the calling thread. Cells whose index is in {@code skip} (already done) are not run again. */
    public static List<CellResult> run(ExperimentSpec spec, RunListener listener, Set<Integer> skip) {
        return run(spec, listener, skip, 0);
    }

    /**
     * As {@link #run(ExperimentSpec, RunListener, Set)}, and each cell's wall times are the median of
     * {@code timedRuns} runs after its measured run (CellRunner).
     */
    public static List<CellResult> run(ExperimentSpec spec, RunListener listener, Set<Integer> skip, int timedRuns) {
        List<CellSpec> cells = spec.cells();
        List<CellResult> results = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (skip.contains(i)) {
                continue;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("cancelled before cell " + i);
            }
            int cell = i;
            double base = (double) i / cells.size();
            String label = "cell " + (i + 1) + "/" + cells.size() + " " + spec.sweptValues(i);
            listener.onProgress(base, label);
            CellResult r;
            try {
                r = CellRunner.run(i, cells.get(i),
                        f -> listener.onProgress(base + f / cells.size(), label), timedRuns);
            } catch (NonFiniteException | NotConvergedException | IllegalArgumentException | ArithmeticException e) {
                r = CellResult.failed(cell, cells.get(i), e.getMessage());
            }
            results.add(r);
            listener.onCell(r);
        }
        listener.onProgress(1.0, "done");
        return results;
    }

    public static List<CellResult> run(ExperimentSpec spec, RunListener listener) {
        return run(spec, listener, Set.of());
    }

    /** Starts the experiment on a background thread. */
    public static RunHandle submit(ExperimentSpec spec, RunListener listener) {
        return RunHandle.start(() -> run(spec, listener));
    }
}
