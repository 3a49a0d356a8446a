package gw.cli;

import gw.experiment.image.ImageExperiment;
import gw.experiment.image.ImageExperimentReader;
import gw.experiment.image.ImageExperimentSpec;
import gw.experiment.image.ImageResultsWriter;
import gw.experiment.image.ImageRunResult;
import gw.spec.SpecException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * `run` on an image experiment spec ({@code "kind": "image-experiment"}, docs/IMAGES.md): validates it, runs every
 * reconstruction with a progress bar on stderr, rewrites the result files atomically after each run, and prints the
 * per-(task, scheme) table. Ctrl-C stops at the current network operation and keeps the finished runs (exit 130);
 * runs that produced NaN are recorded and the exit code is 3.
 */
final class ImageRun {
    private ImageRun() {
    }

    static int run(PrintWriter out, PrintWriter err, Path specFile, Path outDir, boolean resume) throws IOException {
        if (resume) {
            throw new SpecException("--resume", "image experiments cannot be resumed; run into a new directory");
        }
        ImageExperimentSpec spec = ImageExperimentReader.read(specFile);
        try (OutDir held = OutDir.open(outDir)) {
            if (Files.exists(outDir.resolve("results.json"))) {
                throw new SpecException("--out", outDir + " already holds results.json; choose another directory");
            }
            return runLocked(out, err, spec, outDir);
        }
    }

    private static int runLocked(PrintWriter out, PrintWriter err, ImageExperimentSpec spec, Path outDir)
            throws IOException {
        ImageResultsWriter writer = new ImageResultsWriter(outDir, spec);
        List<ImageRunResult> results = new ArrayList<>();
        writer.write(results, "running");
        ProgressBar bar = new ProgressBar(err);
        ImageExperiment.Listener listener = new ImageExperiment.Listener() {
            @Override
            public void onProgress(double fraction, String message) {
                bar.update(fraction, message);
            }

            @Override
            public void onRun(ImageRunResult r) {
                results.add(r);
                try {
                    writer.write(results, "running");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        // released in finally, after the catch blocks have written what a cancelled run keeps
        CtrlC ctrlC = new CtrlC();
        try {
            ImageExperiment.warmUp(spec);
            ImageExperiment.run(spec, listener);
        } catch (OutOfMemoryError e) {
            // the finished runs stay in the files, which say where it stopped; Main reports the error (exit 1)
            writer.write(results, "out of memory");
            throw e;
        } catch (CancellationException e) {
            Thread.interrupted();
            writer.write(results, "cancelled");
            bar.finish();
            err.printf("cancelled: %d of %d runs are complete in %s%n", results.size(), spec.runCount(), outDir);
            err.flush();
            return RunCommand.CANCELLED;
        } finally {
            ctrlC.close();
        }
        writer.write(results, "complete");
        bar.finish();
        ImageSummaryTable.print(out, spec, results, outDir);
        long failed = results.stream().filter(r -> !r.complete()).count();
        if (failed > 0) {
            err.printf("error: %d of %d runs produced NaN or infinite values (status \"failed\" in %s); the first: %s%n",
                    failed, results.size(), outDir.resolve("results.json"),
                    Main.oneLine(results.stream().filter(r -> !r.complete()).findFirst().orElseThrow().error()));
            err.flush();
            return ExitCodes.NON_FINITE;
        }
        return ExitCodes.OK;
    }

}
