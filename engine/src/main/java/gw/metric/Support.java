package gw.metric;

import gw.model.DiagonalGaussian;
import gw.model.GaussianMixture;
import gw.model.TargetPredictor;
import gw.tensor.Batch;

/**
 * The plotted support: one interval [lo, hi] for every coordinate that holds the data's mass (3.5 standard
 * deviations around every mean), the target and the noise's bulk [-3, 3], padded by 5 % and rounded out to
 * halves. The app plots this window; a final sample outside it counts as thrown off the data.
 */
public final class Support {
    private Support() {
    }

    /** {lo, hi}; target may be null (an objective without a target point). */
    public static double[] window(TargetPredictor model, double[] target) {
        double lo = -3;
        double hi = 3;
        if (target != null) {
            for (double v : target) {
                lo = Math.min(lo, v - 0.5);
                hi = Math.max(hi, v + 0.5);
            }
        }
        if (model instanceof GaussianMixture g) {
            double[][] m = g.means();
            double[] s = g.stds();
            for (int k = 0; k < m.length; k++) {
                for (double v : m[k]) {
                    lo = Math.min(lo, v - 3.5 * s[k]);
                    hi = Math.max(hi, v + 3.5 * s[k]);
                }
            }
        } else if (model instanceof DiagonalGaussian d) {
            for (int c = 0; c < d.mean().length; c++) {
                lo = Math.min(lo, d.mean()[c] - 3.5 * d.std()[c]);
                hi = Math.max(hi, d.mean()[c] + 3.5 * d.std()[c]);
            }
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
