package gw.train;

import gw.model.TargetPredictor;
import gw.path.AffinePath;
import gw.path.PathPoint;
import gw.tensor.Batch;
import gw.tensor.Noise;
import gw.model.ClosedFormDensity;
import java.util.Random;

/**
 * How well a learned model matches a closed-form posterior mean: at time t, x_t = alpha x1 + sigma x0 with x1 from
 * the closed form's data and x0 ~ N(0, I); the relative RMS error sqrt(sum |f(x_t) - xhat1(x_t)|^2 / sum |xhat1(x_t)|^2).
 */
public final class PosteriorMeanError {
    private PosteriorMeanError() {
    }

    public static <M extends TargetPredictor & ClosedFormDensity> double relativeRms(TargetPredictor learned,
            M exact, AffinePath path, double t, int n, long seed) {
        Batch x1 = exact.sample(n, new Random(seed));
        Batch x0 = Noise.gaussian(n, exact.dim(), seed + 1);
        PathPoint p = path.at(t);
        Batch xt = x1.combine(p.alpha(), x0, p.sigma());
        Batch want = exact.predict(xt, p).xhat1();
        Batch got = learned.predict(xt, p).xhat1();
        double err = 0;
        double norm = 0;
        double[] w = want.data();
        double[] g = got.data();
        for (int i = 0; i < w.length; i++) {
            err += (g[i] - w[i]) * (g[i] - w[i]);
            norm += w[i] * w[i];
        }
        return Math.sqrt(err / norm);
    }
}
