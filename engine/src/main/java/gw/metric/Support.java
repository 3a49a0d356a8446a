package gw.metric;

import gw.model.TargetPredictor;
import gw.tensor.Batch;

/**
 * The plotted support: one interval [lo, hi] for every coordinate that holds the data's mass (the model's extent:
 * 3.5 standard deviations around every mean for a closed form, the training data's box for a learned model), the
 * target and the noise's bulk [-3, 3], padded by 5 % and rounded out to halves. The app plots this window; a final sample outside it counts as thrown off the data.
 */
public final class Support {
    private Support() {
    }

    /** {lo, hi}; target may be null (an objective without a target point). */
    public static double[] window(TargetPredictor model, double[] target) {
        return window(model.extent(), target);
    }

    /** {lo, hi} for a box of the data's mass ({lo, hi} per coordinate, as {@link TargetPredictor#extent()}). */
    public static double[] window(double[][] extent, double[] target) {
        double lo = -3;
        double hi = 3;
        if (target != null) {
            for (double v : target) {
                lo = Math.min(lo, v - 0.5);
                hi = Math.max(hi, v + 0.5);
            }
        }
        for (double[] range : extent) {
            lo = Math.min(lo, range[0]);
            hi = Math.max(hi, range[1]);
        }
        double pad = 0.05 * (hi - lo);
        return new double[] {Math.floor((lo - pad) * 2) / 2, Math.ceil((hi + pad) * 2) / 2};
    }

    /** Rows with a coordinate outside [lo, hi] or not finite. */
    public static int outside(Batch x, double[] window) {
        int n = 0;
        for (int i = 0; i < x.rows(); i++) {
            for (int c = 0; c < x.cols(); c++) {
                double v = x.get(i, c);
                if (!(v >= window[0] && v <= window[1])) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }
}
