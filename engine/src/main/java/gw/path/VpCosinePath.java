package gw.path;

/**
 * Variance-preserving cosine schedule: alpha = sin(pi t / 2), sigma = cos(pi t / 2), evaluated as sin(pi (1 - t) / 2)
 * so that sigma(1) is exactly 0 (cos(pi/2) rounds to 6e-17) and keeps full relative precision near t = 1.
 */
public final class VpCosinePath implements AffinePath {
    private static final double HALF_PI = Math.PI / 2;
    @Override public String name() { return "vp-cosine"; }
    @Override public double alpha(double t) { return Math.sin(HALF_PI * t); }
    @Override public double sigma(double t) { return Math.sin(HALF_PI * (1.0 - t)); }
    @Override public double alphaDot(double t) { return HALF_PI * Math.cos(HALF_PI * t); }
    @Override public double sigmaDot(double t) { return -HALF_PI * Math.sin(HALF_PI * t); }
}
