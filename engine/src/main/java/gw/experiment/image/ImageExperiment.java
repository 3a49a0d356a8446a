package gw.experiment.image;

import gw.solver.NotConvergedException;
import gw.tensor.NonFiniteException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Runs an image experiment's reconstructions in order (sweep point x task x scheme x image) on the calling thread.
 * A run that produces NaN or infinite values is recorded with its error and the experiment goes on; interrupting
 * the thread cancels within one network operation ({@link CancellationException}), keeping the finished runs.
 */
public final class ImageExperiment {
    /** Progress and results, called on the running thread. */
    public interface Listener {
        /** Overall fraction in [0, 1] and what runs now. */
        default void onProgress(double fraction, String message) {
        }

        /** A run finished (complete or failed). */
        default void onRun(ImageRunResult result) {
        }
    }

    private ImageExperiment() {
    }

    public static List<ImageRunResult> run(ImageExperimentSpec spec, Listener listener) {
        List<ImageRunResult> out = new ArrayList<>();
        List<Map<String, Number>> points = spec.points();
        int total = spec.runCount();
        int index = 0;
        for (int p = 0; p < points.size(); p++) {
            for (String task : spec.tasks()) {
                for (int s = 0; s < spec.schemes().size(); s++) {
                    for (int image : spec.images()) {
                        if (Thread.currentThread().isInterrupted()) {
                            throw new CancellationException("cancelled before run " + index);
                        }
                        ReconstructionRequest r = spec.request(points.get(p), task, s, image);
                        double base = (double) index / total;
                        String label = String.format("%d/%d %s %s image %d%s", index + 1, total, task,
                                r.scheme().label(), image, points.get(p).isEmpty() ? "" : " " + points.get(p));
                        listener.onProgress(base, label);
                        ImageRunResult result;
                        try {
                            Reconstruction rec = ImageReconstruction.run(spec.model(), spec.data(), r,
                                    f -> listener.onProgress(base + f / total, label));
                            result = new ImageRunResult(index, p, points.get(p), r, rec, null);
                        } catch (NonFiniteException | NotConvergedException | ArithmeticException e) {
                            result = new ImageRunResult(index, p, points.get(p), r, null, e.getMessage());
                        }
                        out.add(result);
                        listener.onRun(result);
                        index++;
                    }
                }
            }
        }
        listener.onProgress(1.0, "done");
        return out;
    }
}
