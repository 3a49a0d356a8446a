package gw.objective.image;

import java.util.List;

/** The image tasks by name, with the settings of the issue: the operator behind each task name. */
public final class ImageTasks {
    public static final double RANDOM_MISSING = 0.7;
    public static final int BOX = 12;
    public static final double BLUR_SIGMA = 1.5;
    public static final int BLUR_SIZE = 9;
    public static final List<String> NAMES = List.of("inpaint-random", "inpaint-box", "super-resolution-x2",
            "super-resolution-x4", "deblur", "denoise");

    private ImageTasks() {
    }

    /**
     * @param seed the random inpainting mask's seed (ignored by the other tasks)
     * @throws IllegalArgumentException for an unknown task, naming the known ones
     */
    public static ImageOperator operator(String task, int side, long seed) {
        return switch (task) {
            case "inpaint-random" -> Masking.random(side, RANDOM_MISSING, seed);
            case "inpaint-box" -> Masking.box(side, BOX);
            case "super-resolution-x2" -> new AveragePooling(side, 2);
            case "super-resolution-x4" -> new AveragePooling(side, 4);
            case "deblur" -> new GaussianBlur(side, BLUR_SIGMA, BLUR_SIZE);
            case "denoise" -> new Denoising(side);
            default -> throw new IllegalArgumentException("task must be one of " + String.join(", ", NAMES)
                    + ", got '" + task + "'");
        };
    }
}
