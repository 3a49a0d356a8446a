package gw.cli;

import gw.experiment.image.ImageExperimentSpec;
import gw.experiment.image.ImageRunResult;
import gw.experiment.image.ImageSummary;
import gw.experiment.image.ImageSummary.Stat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The table `run` prints after an image experiment: one row per (sweep point, task, scheme), mean ± std over images. */
final class ImageSummaryTable {
    private static final int WIDTH = 110;

    private ImageSummaryTable() {
    }

    static void print(PrintWriter out, ImageExperimentSpec spec, List<ImageRunResult> results, Path dir) {
        out.printf("%s%n", spec.name().isEmpty() ? "image experiment" : spec.name());
        if (!spec.description().isBlank()) {
            out.print(RunSummaryTable.wrap(spec.description(), WIDTH));
        }
        boolean swept = !spec.sweep().isEmpty();
        boolean errors = spec.base().gradientError() != null;
        boolean judged = spec.classTask() != null;
        out.printf("%s%-19s %-22s %3s %15s %15s %17s %7s %7s %19s %9s%s%s%n", swept ? String.format("%-22s ", "sweep")
                : "", "task", "scheme", "n", "PSNR dB", "SSIM", "|Ax - y|", "NFEs", "VJPs", "ms", "peak KiB",
                errors ? String.format(" %9s", "rel.err") : "", judged ? String.format(" %8s %15s", "hit rate",
                "p(target)") : "");
        for (ImageSummary s : ImageSummary.of(results)) {
            out.printf(Locale.ROOT, "%s%-19.19s %-22.22s %3d %15s %15s %17s %7.0f %7.0f %19s %9.1f%s%s%n",
                    swept ? String.format("%-22.22s ", s.point()) : "", s.task(), s.scheme(), s.count(),
                    pm(s.psnr(), "%.2f"), pm(s.ssim(), "%.3f"), pm(s.residual(), "%.3f"), s.nfe().mean(),
                    s.vjps().mean(), pm(s.wallMs(), "%.0f"), s.peakRetainedBytes() / 1024.0,
                    errors ? String.format(Locale.ROOT, " %9s", num(s.relativeError().mean())) : "",
                    judged ? String.format(Locale.ROOT, " %8s %15s", Double.isFinite(s.judgeHit().mean())
                            ? String.format(Locale.ROOT, "%.0f %%", 100 * s.judgeHit().mean()) : "-",
                            pm(s.judgeProbability(), "%.3f")) : "");
        }
        out.printf("mean ± std over the images (sample std); |Ax - y|: the measurement residual of the reconstruction;%n"
                + "NFEs and VJPs: network passes per image; ms: wall time per image (after a warm-up), %s;%n"
                + "peak KiB: memory kept for a backward pass, per image%s%s;%nresults: %s (results.json, results.csv, "
                + "grids/, *.npy)%n", spec.batchSize() == 1 ? "one image at a time"
                        : "the wall time of a batch of up to " + spec.batchSize()
                        + " images (batchSize) divided by its images", errors ? "; rel.err: mean |g - g*|/|g*| against the fine-grid end-to-end gradient" : "",
                judged ? String.format(";%nclass task (target %d): no ground truth, so no PSNR/SSIM (-); hit rate and "
                        + "p(target) by the judge %s", spec.classTask().target(), spec.classTask().judgeName()) : "",
                dir);
        out.flush();
    }

    private static String pm(Stat s, String format) {
        if (!Double.isFinite(s.mean())) {
            return "-";
        }
        return String.format(Locale.ROOT, format + " ± " + format, s.mean(), s.std());
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3g", v) : "-";
    }
}
