package gw.path;

/**
 * DDPM's beta-linear variance-preserving path, beta from 0.1 to 20 in diffusion time s = 1 - t:
 * alpha = exp(-s^2 (bmax - bmin)/4 - s bmin/2), sigma = sqrt(1 - alpha^2). alpha(0) is about 0.0066, not 0.
 * sigmaDot is infinite at t = 1 (sigma ~ sqrt(1 - t)), but sigma * sigmaDot = -alpha alphaDot is finite.
 */
public final class VpLinearPath implements AffinePath {
    public static final double BETA_MIN = 0.1;
    public static final double BETA_MAX = 20.0;

    @Override public String name() { return "vp-linear"; }

    @Override
    public double alpha(double t) {
        return Math.exp(logAlpha(t));
    }

    private static double logAlpha(double t) {
        double s = 1.0 - t;
        return -0.25 * s * s * (BETA_MAX - BETA_MIN) - 0.5 * s * BETA_MIN;
    }

    @Override
    public double sigma(double t) {
        // 1 - a^2 via expm1 of the exact exponent keeps full relative precision as a -> 1 (log of the rounded
        // alpha would not: near t = 1, 1 - alpha is below alpha's rounding error)
        return Math.sqrt(-Math.expm1(2 * logAlpha(t)));
    }

    @Override
    public double alphaDot(double t) {
        double s = 1.0 - t;
        return alpha(t) * (0.5 * s * (BETA_MAX - BETA_MIN) + 0.5 * BETA_MIN);
    }

    @Override
    public double sigmaDot(double t) {
        double sig = sigma(t);
        return sig == 0.0 ? Double.NEGATIVE_INFINITY : sigmaSigmaDot(t) / sig;
    }

    @Override
    public double sigmaSigmaDot(double t) {
        return -alpha(t) * alphaDot(t);
    }
}
