package gw.app.images;

import gw.objective.image.ImageTasks;
import java.util.List;

/**
 * What the Images view reconstructs: one test image, the task and its noise σ_y, the seed of the noise (measurement
 * noise, random mask and initial noise), the schemes to compare, and the sampling settings shared with the
 * workbench's other views (steps N, lookahead horizon H and its solver, guidance scale). Immutable; every control
 * edit makes a new value.
 */
public record ImageSettings(int index, String task, double sigmaY, long seed, List<String> schemes, int steps,
                            int horizon, String lookaheadSolver, double scale, boolean dps) {
    /**
     * Inpainting with a 70 % random mask, as in the paper's Fig. 3, greedy against lookahead and end-to-end; N = 8
     * keeps a run of the shipped U-Net short. DPS-normalised greedy on test image 0 at N = 10 (scales 0, 0.02, 0.05,
     * 0.1, 0.2: PSNR 7.2, 10.8, 16.0, 17.4, 18.0 dB; residual |Ax - y| 13.0, 7.9, 2.2, 0.82, 2.0): 0.1 fits the
     * measurement to its noise level (sigma_y sqrt(M) = 0.77); 0.2 scored 0.6 dB higher but fits y less well.
     */
    public static final ImageSettings DEFAULT = new ImageSettings(0, "inpaint-random", 0.05, 0,
            List.of("greedy", "lookahead", "end-to-end"), 8, 2, "euler", 0.1, true);

    public ImageSettings {
        if (index < 0) {
            throw new IllegalArgumentException("Image index must be 0 or more, got " + index);
        }
        if (!ImageTasks.NAMES.contains(task)) {
            throw new IllegalArgumentException("task must be one of " + String.join(", ", ImageTasks.NAMES));
        }
        if (!(sigmaY > 0 && Double.isFinite(sigmaY))) {
            throw new IllegalArgumentException("σ_y must be > 0, got " + sigmaY);
        }
        if (steps < 1 || horizon < 1) {
            throw new IllegalArgumentException("steps and horizon must be >= 1, got " + steps + ", " + horizon);
        }
        schemes = List.copyOf(schemes);
    }

    /** Whether the horizon is at its top: lookahead then is end-to-end (N − i steps from step i). */
    public boolean horizonIsEndToEnd() {
        return horizon >= steps;
    }

    /** The horizon lookahead uses: at most N. */
    public int effectiveHorizon() {
        return Math.min(horizon, steps);
    }

    public ImageSettings withIndex(int v) {
        return new ImageSettings(v, task, sigmaY, seed, schemes, steps, horizon, lookaheadSolver, scale, dps);
    }

    public ImageSettings withTask(String v) {
        return new ImageSettings(index, v, sigmaY, seed, schemes, steps, horizon, lookaheadSolver, scale, dps);
    }

    public ImageSettings withSigmaY(double v) {
        return new ImageSettings(index, task, v, seed, schemes, steps, horizon, lookaheadSolver, scale, dps);
    }

    public ImageSettings withSeed(long v) {
        return new ImageSettings(index, task, sigmaY, v, schemes, steps, horizon, lookaheadSolver, scale, dps);
    }

    public ImageSettings withSchemes(List<String> v) {
        return new ImageSettings(index, task, sigmaY, seed, v, steps, horizon, lookaheadSolver, scale, dps);
    }

    /** New step count; a horizon at its top (end-to-end) stays at the top, another one is capped at N. */
    public ImageSettings withSteps(int v) {
        int h = horizonIsEndToEnd() ? v : Math.min(horizon, v);
        return new ImageSettings(index, task, sigmaY, seed, schemes, v, h, lookaheadSolver, scale, dps);
    }

    public ImageSettings withHorizon(int v) {
        return new ImageSettings(index, task, sigmaY, seed, schemes, steps, v, lookaheadSolver, scale, dps);
    }

    public ImageSettings withLookaheadSolver(String v) {
        return new ImageSettings(index, task, sigmaY, seed, schemes, steps, horizon, v, scale, dps);
    }

    public ImageSettings withScale(double v) {
        return new ImageSettings(index, task, sigmaY, seed, schemes, steps, horizon, lookaheadSolver, v, dps);
    }

    public ImageSettings withDps(boolean v) {
        return new ImageSettings(index, task, sigmaY, seed, schemes, steps, horizon, lookaheadSolver, scale, v);
    }

    /** The lookahead scheme's label under these settings, e.g. "lookahead H=2 euler". */
    public String lookaheadLabel() {
        return horizonIsEndToEnd() ? "lookahead H=N\u2212i (end-to-end)"
                : "lookahead H=" + effectiveHorizon() + " " + lookaheadSolver;
    }
}
