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
        return withTasks(spec, () -> runAll(spec, listener));
    }

    /** One untimed greedy step on the first image, so that the first run's wall time holds no JIT or ND4J start. */
    public static void warmUp(ImageExperimentSpec spec) {
        ReconstructionRequest first = spec.request(spec.points().get(0), spec.tasks().get(0), 0, spec.images()[0]);
        withTasks(spec, () -> ImageReconstruction.run(spec.model(), spec.data(), new ReconstructionRequest(
                first.imageIndex(), first.task(), first.noiseStd(), first.seed(), SchemeChoice.greedy(), 1, 1e-12),
                null));
    }

    /** Runs {@code work} with the spec's "class" task registered (its guide and target come from the spec). */
    private static <T> T withTasks(ImageExperimentSpec spec, java.util.function.Supplier<T> work) {
        ClassTask classTask = spec.classTask();
        if (classTask == null || !spec.tasks().contains(ClassTask.NAME)) {
            return work.get();
        }
        AutoCloseable handle = classTask.register();
        try {
            return work.get();
        } finally {
            try {
                handle.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<ImageRunResult> runAll(ImageExperimentSpec spec, Listener listener) {
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
                            ClassTask.Verdict verdict = ClassTask.NAME.equals(task) && spec.classTask() != null
                                    ? spec.classTask().verdict(rec.reconstruction()) : null;
                            result = new ImageRunResult(index, p, points.get(p), r, rec, null, verdict);
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
