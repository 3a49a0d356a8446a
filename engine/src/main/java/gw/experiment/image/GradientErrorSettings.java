package gw.experiment.image;

import gw.solver.Solvers;
import java.util.Arrays;

/**
 * The gradient-error measurement of an image run: at the listed sampling steps i, the scheme's gradient g is compared
 * with a fine-grid end-to-end gradient g* (MATH eq. (3.1) approximated by (3.3)): {@code horizon} equal steps of
 * {@code solver} from t_i to 1, differentiated through. Its cost (horizon x stages NFEs and VJPs per listed step) is
 * not counted in the run's NFEs, VJPs or wall time.
 *
 * @param steps sampling step indices i, each in 0..N-1
 * @param horizon fine steps from t_i to 1, 1..4096
 * @param solver the fine grid's solver
 */
public record GradientErrorSettings(int[] steps, int horizon, String solver) {
    public static final int MAX_HORIZON = 4096;

    public GradientErrorSettings {
        steps = steps.clone();
        if (steps.length < 1 || steps.length > 64) {
            throw new IllegalArgumentException("gradientError.steps needs 1..64 step indices, got " + steps.length);
        }
        for (int s : steps) {
            if (s < 0) {
                throw new IllegalArgumentException("gradientError.steps must be >= 0, got " + s);
            }
        }
        if (horizon < 1 || horizon > MAX_HORIZON) {
            throw new IllegalArgumentException("gradientError.horizon must be in 1.." + MAX_HORIZON + ", got "
                    + horizon);
        }
        if (!Solvers.NAMES.contains(solver)) {
            throw new IllegalArgumentException("gradientError.solver must be one of " + String.join(", ",
                    Solvers.NAMES) + ", got '" + solver + "'");
        }
    }

    @Override
    public int[] steps() {
        return steps.clone();
    }

    boolean includes(int step) {
        return Arrays.stream(steps).anyMatch(s -> s == step);
    }
}
