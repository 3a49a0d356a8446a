package gw.path;

/**
 * An affine Gaussian probability path (MATH section 1): x_t = alpha_t x1 + sigma_t x0, t = 0 noise, t = 1 data.
 */
public interface AffinePath {

    String name();

    double alpha(double t);

    double sigma(double t);

    double alphaDot(double t);

    double sigmaDot(double t);

    /** (1/2) d(sigma^2)/dt; override where sigmaDot is singular but this product is not. */
    default double sigmaSigmaDot(double t) {
        return sigma(t) * sigmaDot(t);
    }

    default PathPoint at(double t) {
        return new PathPoint(t, alpha(t), sigma(t), alphaDot(t), sigmaDot(t), sigmaSigmaDot(t));
    }

    /**
     * The time at which sigma/alpha equals kappa. kappa decreases monotonically in t on every path here,
     * so bisection is exact to machine precision in ~60 halvings.
     */
    default double timeForKappa(double kappa) {
        if (kappa <= 0) {
            return 1.0;
        }
        double lo = 0.0;
        double hi = 1.0;
        if (sigma(lo) / alpha(lo) <= kappa) {
            return 0.0;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-16; i++) {
            double mid = 0.5 * (lo + hi);
            if (sigma(mid) / alpha(mid) > kappa) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
