package gw.cli;

import gw.experiment.CellResult;
import gw.experiment.CellSummary;
import gw.spec.ExperimentSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** The table `run` prints when it finishes: the spec's description, then one row per cell run now. */
final class RunSummaryTable {
    private static final int WIDTH = 110;

    private RunSummaryTable() {
    }

    static void print(PrintWriter out, ExperimentSpec spec, List<CellResult> results, int skipped, Path dir) {
        out.printf("%s%s%n", spec.name().isEmpty() ? "experiment" : spec.name(),
                skipped > 0 ? " (" + skipped + " cells already complete, skipped)" : "");
        if (!spec.description().isBlank()) {
            out.print(wrap(spec.description(), WIDTH));
            out.println();
        }
        out.printf("%-4s %-34s %-8s %9s %9s %9s %4s %9s %9s %7s %7s %9s %8s%n", "cell", "settings", "status",
                "mean loss", "median", "IQR", "out", "log-lik", "rel.err", "cosine", "NFEs", "ms", "peak KiB");
        int timedRuns = 0;
        for (CellResult r : results) {
            String settings = spec.sweptValues(r.index()).toString();
            if (!r.complete()) {
                out.printf("%-4d %-34.34s %-8s %s%n", r.index(), settings, "failed", r.error());
                continue;
            }
            CellSummary s = r.summary();
            timedRuns = s.timedRuns();
            out.printf("%-4d %-34.34s %-8s %9.4g %9.4g %9.4g %4d %9s %9s %7s %7d %9.1f %8.1f%n", r.index(), settings,
                    "complete", s.meanLoss(), s.medianLoss(), s.lossQ3() - s.lossQ1(), s.outside(),
                    num(s.meanLogLikelihood(), "%9.4g"), num(s.meanRelativeError(), "%9.4g"),
                    num(s.meanCosine(), "%7.4f"), s.totalNfe(), s.schemeMs(), s.peakRetainedBytes() / 1024.0);
        }
        out.printf("median and IQR: of the final loss over particles; out: final samples outside the plotted support;%n"
                + "rel.err and cosine: the scheme's gradient against the continuous ideal, mean over guided steps "
                + "(-: unguided or not measured);%nms: sampling and guidance wall time, %s; peak KiB: memory kept for "
                + "one guidance gradient's backward pass;%nresults: %s (results.json, steps.csv, samples/)%n",
                timedRuns == 0 ? "one run" : "median of " + timedRuns + " runs after the measured one", dir);
        out.flush();
    }

    private static String num(double v, String format) {
        return Double.isFinite(v) ? String.format(format, v).trim() : "-";
    }

    /** Words wrapped at {@code width} columns, each line ending in a newline. */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.append(line).append('\n');
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        return out.append(line).append('\n').toString();
    }
}
