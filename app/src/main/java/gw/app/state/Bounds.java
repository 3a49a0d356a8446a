package gw.app.state;

import gw.model.DiagonalGaussian;
import gw.model.GaussianMixture;
import gw.model.TargetPredictor;

/** A square plot window that shows all of a 2-D model's mass, the target, and the noise's bulk. */
public final class Bounds {
    private Bounds() {
    }

    public static double[] of(TargetPredictor model, double targetX, double targetY) {
        double lo = Math.min(-3, Math.min(targetX, targetY) - 0.5);
        double hi = Math.max(3, Math.max(targetX, targetY) + 0.5);
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
        lo = Math.floor((lo - pad) * 2) / 2;
        hi = Math.ceil((hi + pad) * 2) / 2;
        return new double[] {lo, hi, lo, hi};
    }
}
