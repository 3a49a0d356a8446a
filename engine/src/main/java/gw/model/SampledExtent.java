package gw.model;

import gw.path.AffinePath;
import gw.tensor.Batch;
import gw.tensor.Noise;
import java.util.Arrays;

/**
 * The extent of a model with no closed form, from its own samples: {@value #POINTS} seeded noise points carried
 * to t = 1 by {@value #STEPS} exponential (DDIM) steps on its path, then per coordinate the 0.5 % and 99.5 %
 * quantiles widened by a tenth of their span. Coarse on purpose (a dozen network calls, as it runs when a learned
 * scenario is listed): it places plots, it measures nothing.
 */
public final class SampledExtent {
    static final int POINTS = 256;
    static final int STEPS = 12;
    private static final long SEED = 20_240_601L;

    private SampledExtent() {
    }

    public static double[][] of(TargetPredictor m, AffinePath path) {
        Batch x = Noise.gaussian(POINTS, m.dim(), SEED);
        for (int i = 0; i < STEPS; i++) {
            double t0 = (double) i / STEPS;
            double t1 = (double) (i + 1) / STEPS;
            // x' = (sigma1/sigma0) x + (alpha1 - alpha0 sigma1/sigma0) xhat1(x, t0); the last step lands on xhat1
            double r = path.sigma(t1) / path.sigma(t0);
            x = x.combine(r, m.predict(x, path.at(t0)).xhat1(), path.alpha(t1) - path.alpha(t0) * r);
        }
        double[][] box = new double[m.dim()][];
        double[] col = new double[POINTS];
        for (int c = 0; c < m.dim(); c++) {
            for (int i = 0; i < POINTS; i++) {
                col[i] = x.get(i, c);
            }
            Arrays.sort(col);
            double lo = col[(int) (0.005 * (POINTS - 1))];
            double hi = col[(int) Math.ceil(0.995 * (POINTS - 1))];
            double pad = 0.1 * (hi - lo);
            // a diverging network still gets a window (the standard normal's bulk); its samples will say the rest
            box[c] = Double.isFinite(lo) && Double.isFinite(hi) ? new double[] {lo - pad, hi + pad}
                    : new double[] {-4, 4};
        }
        return box;
    }
}
