package gw.guidance;

import gw.model.Prediction;
import gw.objective.Objective;
import gw.solver.Dynamics;
import gw.solver.Interruption;
import gw.solver.Step;
import gw.tensor.Batch;

/**
 * Guided sampling on a grid (MATH eqs. (3.6)-(3.7)): x_{i+1} = Step(x_i, t_i -> t_{i+1}) - s_i g(x_i), where g is the
 * scheme's gradient at (x_i, t_i) and s_i the guidance scale, zero outside the window [tStart, tEnd]. With DPS
 * normalisation each particle's scale is s / sqrt(2 L(xhat1(x_i, t_i))). Per unit time, s_i is s times the step
 * h = t_{i+1} - t_i, so that the guidance strength does not depend on N. The model evaluation at (x_i, t_i) is
 * shared by the step and the scheme.
 */
public final class GuidedSampler {

    /** What to sample with; scheme null means unguided. */
    public record Settings(Step solver, double[] grid, GradientScheme scheme, double scale, boolean dpsNormalize,
                           double tStart, double tEnd, boolean perUnitTime) {
        public Settings(Step solver, double[] grid, GradientScheme scheme, double scale) {
            this(solver, grid, scheme, scale, false, 0.0, 1.0, false);
        }

        boolean guidedAt(double t) {
            return guides(scheme, scale, tStart, tEnd, t);
        }
    }

    /** Whether t lies in the guidance window [tStart, tEnd]: the one definition, for sampling and measuring. */
    public static boolean inWindow(double t, double tStart, double tEnd) {
        return t >= tStart && t <= tEnd;
    }

    /** Whether a step at time t is guided: a scheme, a non-zero scale, and t in the window. */
    public static boolean guides(GradientScheme scheme, double scale, double tStart, double tEnd, double t) {
        return scheme != null && scale != 0 && inWindow(t, tStart, tEnd);
    }

    /** Called after each grid step with the state before it and the gradient used (null if unguided there). */
    public interface Listener {
        void onStep(int index, double t, Batch x, GuidanceGradient gradient);
    }

    private GuidedSampler() {
    }

    public static Batch sample(Dynamics f, Objective loss, Batch x0, Settings s, Listener listener) {
        double[] grid = s.grid();
        Batch x = x0;
        for (int i = 0; i < grid.length - 1; i++) {
            Interruption.check();
            double t = grid[i];
            Prediction first = f.predict(x, t);
            GuidanceGradient g = s.guidedAt(t) ? s.scheme().gradient(f, loss, x, t, first) : null;
            // x_{i+1} = Step(x_i) - s_i g_i (MATH eq. (3.6))
            Batch next = s.solver().forward(f, x, t, grid[i + 1], first).output();
            if (g != null) {
                next.subtractRowScaled(scales(s, loss, first, x.rows(), grid[i + 1] - t), g.gradient());
            }
            if (listener != null) {
                listener.onStep(i, t, x, g);
            }
            x = next.requireFinite("guided sampling at t=" + grid[i + 1]);
        }
        return x;
    }

    /** s_i per particle: s (per unit time s h), or with DPS normalisation that over sqrt(2 L(xhat1)) (MATH eq. (3.7)). */
    private static double[] scales(Settings s, Objective loss, Prediction first, int rows, double h) {
        double[] out = new double[rows];
        double scale = s.perUnitTime() ? s.scale() * h : s.scale();
        if (!s.dpsNormalize()) {
            java.util.Arrays.fill(out, scale);
            return out;
        }
        double[] l = loss.loss(first.xhat1());
        for (int i = 0; i < rows; i++) {
            out[i] = scale / Math.sqrt(Math.max(2 * l[i], 1e-24));
        }
        return out;
    }
}
