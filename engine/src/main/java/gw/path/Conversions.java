package gw.path;

import gw.tensor.Batch;

/** Conversions between the target prediction xhat1, the noise prediction xhat0 and the velocity u. */
public final class Conversions {
    private Conversions() {
    }

    /** xhat0 = (x - alpha xhat1) / sigma; at sigma = 0 it is E[x0] = 0. */
    public static Batch xhat0FromXhat1(PathPoint p, Batch x, Batch xhat1) {
        if (p.sigma() == 0.0) {
            return Batch.zeros(x.rows(), x.cols());
        }
        return x.combine(1.0 / p.sigma(), xhat1, -p.alpha() / p.sigma());
    }

    /** u = alphaDot xhat1 + sigmaDot xhat0. */
    public static Batch velocity(PathPoint p, Batch xhat1, Batch xhat0) {
        return xhat1.combine(p.alphaDot(), xhat0, p.sigmaDot());
    }

    /** xhat1 = (sigma u - sigmaDot x) / (alphaDot sigma - alpha sigmaDot), for learned velocity models. */
    public static Batch xhat1FromVelocity(PathPoint p, Batch x, Batch u) {
        if (Double.isInfinite(p.sigmaDot())) {
            // vp-linear at t = 1: sigmaDot = -inf makes the quotient inf/inf; multiplied through by sigma it reads
            // (sigma^2 u - sigmaSigmaDot x) / (alphaDot sigma^2 - alpha sigmaSigmaDot), finite there (= x / alpha)
            double den = p.alphaDot() * p.sigma() * p.sigma() - p.alpha() * p.sigmaSigmaDot();
            return u.combine(p.sigma() * p.sigma() / den, x, -p.sigmaSigmaDot() / den);
        }
        double den = p.alphaDot() * p.sigma() - p.alpha() * p.sigmaDot();
        return u.combine(p.sigma() / den, x, -p.sigmaDot() / den);
    }
}
