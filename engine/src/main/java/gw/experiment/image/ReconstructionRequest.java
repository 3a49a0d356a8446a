package gw.experiment.image;

import gw.objective.image.ImageTasks;
import gw.solver.Solvers;

/**
 * One image reconstruction to run: which test image, which task and measurement noise, which scheme, and the
 * sampling settings. Validated on construction (IllegalArgumentException naming the setting and its range).
 *
 * @param imageIndex the Fashion-MNIST test image, 0..9999 (checked against the images given to the run)
 * @param task one of {@link ImageProblems#names()}: inpaint-random, inpaint-box, super-resolution-x2,
 *             super-resolution-x4, deblur, denoise (and registered tasks)
 * @param noiseStd sigma_y > 0: y = A x + sigma_y eps, and the loss |A x - y|^2 / (2 sigma_y^2)
 * @param seed every random draw of the run (mask, measurement noise, initial noise) derives from it and the image
 *             index ({@link ImageReconstruction#seeds}), so the same request gives the same numbers and every scheme
 *             starts from the same noise and sees the same measurement
 * @param scheme the guidance scheme and its settings
 * @param steps sampling steps N on the uniform grid, 1..10000
 * @param scale the guidance scale s >= 0 (MATH eq. (3.6)): x_{i+1} = Step(x_i) - s g_i (times the step h when
 *              {@code scalePerUnitTime}; over sqrt(2 L(xhat1)) with DPS normalisation)
 * @param solver the sampling solver: ddim, euler, midpoint, heun or rk4
 * @param scalePerUnitTime the scale is per unit time (s h g) instead of per step (s g)
 * @param box the hidden square's side for inpaint-box, 1..side-1 (default {@value gw.objective.image.ImageTasks#BOX})
 * @param gradientError optional comparison of the scheme's gradient with a fine-grid end-to-end gradient at a few
 *                      steps (expensive); null: none
 */
public record ReconstructionRequest(int imageIndex, String task, double noiseStd, long seed, SchemeChoice scheme,
                                    int steps, double scale, String solver, boolean scalePerUnitTime,
                                    int box, GradientErrorSettings gradientError) {
    public static final int MAX_STEPS = 10_000;
    public static final double MAX_SCALE = 1e6;

    public ReconstructionRequest {
        if (imageIndex < 0) {
            throw new IllegalArgumentException("imageIndex must be >= 0, got " + imageIndex);
        }
        // "class" is registered only while an experiment with its classifiers runs (ImageExperiment), so a request
        // may name it before; ImageProblems.create refuses it when nothing is registered
        if (!ImageProblems.names().contains(task) && !ClassTask.NAME.equals(task)) {
            throw new IllegalArgumentException("task must be one of " + String.join(", ", ImageProblems.names())
                    + ", got '" + task + "'");
        }
        if (!(noiseStd > 0 && noiseStd <= 10)) {
            throw new IllegalArgumentException("noiseStd (sigma_y) must be in (0, 10], got " + noiseStd);
        }
        if (seed < 0) {
            throw new IllegalArgumentException("seed must be >= 0, got " + seed);
        }
        if (scheme == null) {
            throw new IllegalArgumentException("scheme must be given");
        }
        if (steps < 1 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("steps must be in 1.." + MAX_STEPS + ", got " + steps);
        }
        if (!(scale >= 0 && scale <= MAX_SCALE)) {
            throw new IllegalArgumentException("scale must be in [0, " + MAX_SCALE + "], got " + scale);
        }
        if (!Solvers.NAMES.contains(solver)) {
            throw new IllegalArgumentException("solver must be one of " + String.join(", ", Solvers.NAMES)
                    + ", got '" + solver + "'");
        }
        if (box < 1) {
            throw new IllegalArgumentException("box must be >= 1, got " + box);
        }
        if (gradientError != null) {
            for (int s : gradientError.steps()) {
                if (s >= steps) {
                    throw new IllegalArgumentException("gradientError.steps must be in 0.." + (steps - 1)
                            + " for N = " + steps + ", got " + s);
                }
            }
        }
    }

    /** Euler sampling, scale per step, no gradient-error measurement. */
    public ReconstructionRequest(int imageIndex, String task, double noiseStd, long seed, SchemeChoice scheme,
                                 int steps, double scale) {
        this(imageIndex, task, noiseStd, seed, scheme, steps, scale, "euler", false, ImageTasks.BOX, null);
    }

    public ReconstructionRequest withScheme(SchemeChoice other) {
        return new ReconstructionRequest(imageIndex, task, noiseStd, seed, other, steps, scale, solver,
                scalePerUnitTime, box, gradientError);
    }

    public ReconstructionRequest withImage(int other) {
        return new ReconstructionRequest(other, task, noiseStd, seed, scheme, steps, scale, solver,
                scalePerUnitTime, box, gradientError);
    }

    public ReconstructionRequest withTask(String other) {
        return new ReconstructionRequest(imageIndex, other, noiseStd, seed, scheme, steps, scale, solver,
                scalePerUnitTime, box, gradientError);
    }

    public ReconstructionRequest withScale(double other) {
        return new ReconstructionRequest(imageIndex, task, noiseStd, seed, scheme, steps, other, solver,
                scalePerUnitTime, box, gradientError);
    }

    public ReconstructionRequest withGradientError(GradientErrorSettings other) {
        return new ReconstructionRequest(imageIndex, task, noiseStd, seed, scheme, steps, scale, solver,
                scalePerUnitTime, box, other);
    }
}
