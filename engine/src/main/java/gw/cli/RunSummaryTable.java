package gw.cli;

import gw.experiment.CellResult;
import gw.experiment.CellSummary;
import gw.experiment.ExperimentSpec;
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
        out.printf("%-4s %-40s %-8s %10s %10s %10s %10s %8s %9s%n", "cell", "settings", "status", "mean loss",
                "log-lik", "rel.err", "cosine", "NFEs", "ms");
        for (CellResult r : results) {
            String settings = spec.sweptValues(r.index()).toString();
            if (!r.complete()) {
                out.printf("%-4d %-40.40s %-8s %s%n", r.index(), settings, "failed", r.error());
                continue;
            }
            CellSummary s = r.summary();
            out.printf("%-4d %-40.40s %-8s %10.4g %10.4g %10.4g %10.4f %8d %9.1f%n", r.index(), settings,
                    "complete", s.meanLoss(), s.meanLogLikelihood(), s.meanRelativeError(), s.meanCosine(),
                    s.totalNfe(), s.totalMs());
        }
        out.printf("rel.err and cosine: the scheme's gradient against the continuous ideal, mean over guided steps;%n"
                + "results: %s (results.json, steps.csv, samples/)%n", dir);
        out.flush();
    }
}
