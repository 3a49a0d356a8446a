package gw.experiment.image;

import gw.objective.image.ImageOperator;
import gw.objective.image.ImageTasks;
import gw.objective.image.Masking;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The image tasks a reconstruction accepts: the six inverse problems of {@link ImageTasks}, and any task registered
 * at run time. Class guidance plugs in here: {@code register("class", ctx -> ...)} with an {@link ImageProblem}
 * whose objective is -log p(class | x1) from a classifier and whose measurement is empty (see docs/IMAGES.md).
 */
public final class ImageProblems {
    /** What a task's problem is built from. */
    public record Context(String task, double[] groundTruth, int label, int side, double noiseStd, int box,
                          long maskSeed, long noiseSeed) {
    }

    /** Builds the problem of one image. */
    @FunctionalInterface
    public interface Factory {
        ImageProblem create(Context context);
    }

    private static final Map<String, Factory> EXTRA = new LinkedHashMap<>();

    private ImageProblems() {
    }

    /** Every task name: the inverse problems, then registered tasks. */
    public static List<String> names() {
        List<String> out = new ArrayList<>(ImageTasks.NAMES);
        synchronized (EXTRA) {
            out.addAll(EXTRA.keySet());
        }
        return out;
    }

    /** Whether the task has a measurement y (the inverse problems do). */
    public static boolean isInverse(String task) {
        return ImageTasks.NAMES.contains(task);
    }

    /**
     * Adds a task; closing the handle removes it again.
     * @throws IllegalArgumentException when the name is taken
     */
    public static AutoCloseable register(String task, Factory factory) {
        synchronized (EXTRA) {
            if (ImageTasks.NAMES.contains(task) || EXTRA.containsKey(task)) {
                throw new IllegalArgumentException("image task '" + task + "' is already registered");
            }
            EXTRA.put(task, factory);
        }
        return () -> {
            synchronized (EXTRA) {
                EXTRA.remove(task);
            }
        };
    }

    /** @throws IllegalArgumentException for an unknown task, naming the known ones */
    public static ImageProblem create(Context c) {
        if (ImageTasks.NAMES.contains(c.task())) {
            ImageOperator a = "inpaint-box".equals(c.task()) ? Masking.box(c.side(), c.box())
                    : ImageTasks.operator(c.task(), c.side(), c.maskSeed());
            return ImageProblem.inverse(a, c.groundTruth(), c.noiseStd(), c.noiseSeed());
        }
        Factory f;
        synchronized (EXTRA) {
            f = EXTRA.get(c.task());
        }
        if (f == null) {
            throw new IllegalArgumentException("task must be one of " + String.join(", ", names()) + ", got '"
                    + c.task() + "'");
        }
        return f.create(c);
    }
}
