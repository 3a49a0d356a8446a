package gw.cli;

import gw.experiment.CellResult;
import gw.experiment.CellSummary;
import gw.spec.ExperimentSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** The table `run` prints when it finishes: one row per cell run now, in plain words. */
final class RunSummaryTable {
    private RunSummaryTable() {
    }

    static void print(PrintWriter out, ExperimentSpec spec, List<CellResult> results, int skipped, Path dir) {
        out.printf("%s%s%n", spec.name().isEmpty() ? "experiment" : spec.name(),
                skipped > 0 ? " (" + skipped + " cells already complete, skipped)" : "");
        out.printf("%-4s %-40s %-8s %10s %10s %10s %8s %8s %9s %9s%n", "cell", "settings", "status", "mean loss",
                "log-lik", "rel.err", "cosine", "NFEs", "ms", "peak KiB");
        for (CellResult r : results) {
            String settings = spec.sweptValues(r.index()).toString();
            if (!r.complete()) {
                out.printf("%-4d %-40.40s %-8s %s%n", r.index(), settings, "failed", r.error());
                continue;
            }
            CellSummary s = r.summary();
            out.printf("%-4d %-40.40s %-8s %10.4g %10.4g %10.4g %8.4f %8d %9.1f %9.1f%n", r.index(), settings,
                    "complete", s.meanLoss(), s.meanLogLikelihood(), s.meanRelativeError(), s.meanCosine(),
                    s.totalNfe(), s.totalMs(), s.peakRetainedBytes() / 1024.0);
        }
        out.printf("rel.err and cosine: the scheme's gradient against the continuous ideal, mean over guided steps "
                + "(NaN: unguided or not measured);%npeak KiB: memory kept for one guidance gradient's backward pass; "
                + "results: %s (results.json, steps.csv, samples/)%n", dir);
        out.flush();
    }
}
