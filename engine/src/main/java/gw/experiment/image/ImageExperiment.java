package gw.experiment.image;

import gw.solver.NotConvergedException;
import gw.tensor.NonFiniteException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Runs an image experiment's reconstructions in order (sweep point x task x scheme x image) on the calling thread,
 * up to {@link ImageExperimentSpec#batchSize()} images of one (point, task, scheme) at a time as the rows of one batch
 * ({@link ImageReconstruction#runBatch}; each run's numbers are those of its image alone, its wall time the batch's
 * divided by its images). A run that produces NaN or infinite values is recorded with its error and the experiment
 * goes on; interrupting the thread cancels within one network operation ({@link CancellationException}), keeping the
 * finished runs.
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

    /**
     * One untimed greedy step on a batch of the first images (as many as a batch holds), so that the first run's wall
     * time holds no JIT or ND4J start and the network's scratch memory has the batch's size.
     */
    public static void warmUp(ImageExperimentSpec spec) {
        int[] images = spec.images();
        List<ReconstructionRequest> batch = new ArrayList<>();
        for (int k = 0; k < Math.min(images.length, spec.batchSize()); k++) {
            ReconstructionRequest r = spec.request(spec.points().get(0), spec.tasks().get(0), 0, images[k]);
            batch.add(new ReconstructionRequest(r.imageIndex(), r.task(), r.noiseStd(), r.seed(),
                    SchemeChoice.greedy(), 1, 1e-12));
        }
        withTasks(spec, () -> ImageReconstruction.runBatch(spec.model(), spec.data(), batch, null));
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
        int[] images = spec.images();
        int index = 0;
        for (int p = 0; p < points.size(); p++) {
            for (String task : spec.tasks()) {
                for (int s = 0; s < spec.schemes().size(); s++) {
                    for (int from = 0; from < images.length; from += spec.batchSize()) {
                        if (Thread.currentThread().isInterrupted()) {
                            throw new CancellationException("cancelled before run " + index);
                        }
                        List<ReconstructionRequest> batch = new ArrayList<>();
                        for (int k = from; k < Math.min(images.length, from + spec.batchSize()); k++) {
                            batch.add(spec.request(points.get(p), task, s, images[k]));
                        }
                        ReconstructionRequest r = batch.get(0);
                        double base = (double) index / total;
                        double share = (double) batch.size() / total;
                        String label = String.format("%d-%d/%d %s %s images %s%s", index + 1, index + batch.size(),
                                total, task, r.scheme().label(), batch.size() == 1 ? String.valueOf(r.imageIndex())
                                        : r.imageIndex() + ".." + batch.get(batch.size() - 1).imageIndex(),
                                points.get(p).isEmpty() ? "" : " " + points.get(p));
                        listener.onProgress(base, label);
                        for (ImageRunResult result : runBatch(spec, p, points.get(p), batch, index,
                                f -> listener.onProgress(base + f * share, label))) {
                            out.add(result);
                            listener.onRun(result);
                            index++;
                        }
                    }
                }
            }
        }
        listener.onProgress(1.0, "done");
        return out;
    }

    /**
     * One batch of runs (requests that differ only in the image). Lone requests, schemes that run one image at a time,
     * and a batch in which some image fails are run one by one, so a failure is recorded against its own image and
     * every result is the one its request gives alone.
     */
    private static List<ImageRunResult> runBatch(ImageExperimentSpec spec, int p, Map<String, Number> point,
                                                 List<ReconstructionRequest> batch, int index,
                                                 java.util.function.DoubleConsumer progress) {
        List<ImageRunResult> out = new ArrayList<>();
        boolean together = batch.size() > 1 && ImageReconstruction.batchable(batch.get(0), batch.get(0));
        if (together) {
            try {
                List<Reconstruction> recs = ImageReconstruction.runBatch(spec.model(), spec.data(), batch, progress);
                for (int k = 0; k < recs.size(); k++) {
                    out.add(result(spec, index + k, p, point, batch.get(k), recs.get(k)));
                }
                return out;
            } catch (NonFiniteException | NotConvergedException | ArithmeticException e) {
                out.clear(); // some image failed: find which, one at a time
            }
        }
        for (int k = 0; k < batch.size(); k++) {
            ReconstructionRequest r = batch.get(k);
            int done = k;
            try {
                Reconstruction rec = ImageReconstruction.run(spec.model(), spec.data(), r,
                        f -> progress.accept((done + f) / batch.size()));
                out.add(result(spec, index + k, p, point, r, rec));
            } catch (NonFiniteException | NotConvergedException | ArithmeticException e) {
                out.add(new ImageRunResult(index + k, p, point, r, null, e.getMessage()));
            }
        }
        return out;
    }

    private static ImageRunResult result(ImageExperimentSpec spec, int index, int p, Map<String, Number> point,
                                         ReconstructionRequest r, Reconstruction rec) {
        ClassTask.Verdict verdict = ClassTask.NAME.equals(r.task()) && spec.classTask() != null
                ? spec.classTask().verdict(rec.reconstruction()) : null;
        return new ImageRunResult(index, p, point, r, rec, null, verdict);
    }
}
