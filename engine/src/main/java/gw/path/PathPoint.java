package gw.path;

/**
 * The coefficients of an affine path x_t = alpha x1 + sigma x0 at one time t.
 * {@code sigmaSigmaDot} is (1/2) d(sigma^2)/dt, kept separately because it stays finite where
 * sigmaDot alone does not (vp-linear at t = 1), and the velocity only needs the product.
 */
public record PathPoint(double t, double alpha, double sigma, double alphaDot, double sigmaDot, double sigmaSigmaDot) {

    /**
     * The pseudo path point of EDM coordinates: z = x1 + kappa x0 is the path with alpha = 1, sigma = kappa,
     * so the "velocity" dz/dkappa is exactly the noise prediction xhat0 (MATH section 1).
     */
    public static PathPoint edm(double kappa) {
        return new PathPoint(Double.NaN, 1.0, kappa, 0.0, 1.0, kappa);
    }

    /** kappa = sigma / alpha: infinite at pure noise, 0 at data. */
    public double kappa() {
        return sigma / alpha;
    }
}
