package gw.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.Numerics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MATH section 1: boundary values, derivatives and the kappa inverse of every affine path. */
class PathsTest {
    private static final double[] INTERIOR = {0.0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999};

    @ParameterizedTest
    @ValueSource(strings = {"ot", "vp-cosine", "vp-linear"})
    void boundaryValues(String name) {
        AffinePath p = Paths.byName(name);
        assertEquals(name, p.name());
        if (name.equals("vp-linear")) {
            // DDPM's schedule never reaches pure noise: alpha_0 = exp(-(20 - 0.1)/4 - 0.1/2) = exp(-5.025)
            assertEquals(Math.exp(-5.025), p.alpha(0), 1e-15);
            assertEquals(0.0066, p.alpha(0), 1e-4);
            assertEquals(Math.sqrt(1 - p.alpha(0) * p.alpha(0)), p.sigma(0), 1e-15);
        } else {
            assertEquals(0.0, p.alpha(0), 0.0);
            assertEquals(1.0, p.sigma(0));
        }
        // exact, not merely close: Conversions and the DDIM step branch on / rely on sigma_1 being 0
        assertEquals(1.0, p.alpha(1));
        assertEquals(0.0, p.sigma(1), 0.0);
    }

    /**
     * Near the data end sigma is tiny and the solvers divide by it (DDIM's sigma1/sigma0, xhat0 = (x - alpha xhat1)
     * /sigma), so it must keep its relative precision there. References are the leading terms of the series in
     * s = 1 - t (exact in floating point for t >= 1/2): vp-cosine sigma = sin(pi s/2); vp-linear
     * sigma^2 = 1 - exp(-2L) = 2L - 2L^2 + (4/3)L^3 - ..., L = s^2 (bmax - bmin)/4 + s bmin/2.
     */
    @Test
    void sigmaKeepsItsRelativePrecisionNearTheDataEnd() {
        AffinePath cosine = Paths.byName("vp-cosine");
        AffinePath linear = Paths.byName("vp-linear");
        for (int k = 20; k <= 50; k += 5) {
            double s = Math.scalb(1.0, -k);
            double t = 1.0 - s;
            double y = Math.PI / 2 * s;
            Numerics.assertClose((y - y * y * y / 6) / s, cosine.sigma(t) / s, 1e-13, "vp-cosine sigma/s at s=2^-" + k);
            double l = 0.25 * s * s * (VpLinearPath.BETA_MAX - VpLinearPath.BETA_MIN) + 0.5 * s * VpLinearPath.BETA_MIN;
            double sigma2 = 2 * l - 2 * l * l + 4.0 / 3 * l * l * l;
            Numerics.assertClose(sigma2 / s, sq(linear.sigma(t)) / s, 1e-13, "vp-linear sigma^2/s at s=2^-" + k);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ot", "vp-cosine", "vp-linear"})
    void derivativesMatchCentralDifferences(String name) {
        AffinePath p = Paths.byName(name);
        double h = 1e-6;
        for (double t : INTERIOR) {
            double da = (p.alpha(t + h) - p.alpha(t - h)) / (2 * h);
            double ds = (p.sigma(t + h) - p.sigma(t - h)) / (2 * h);
            double dHalfSigma2 = (sq(p.sigma(t + h)) - sq(p.sigma(t - h))) / (4 * h);
            Numerics.assertClose(da, p.alphaDot(t), 1e-7, name + " alphaDot at t=" + t);
            Numerics.assertClose(ds, p.sigmaDot(t), 1e-7, name + " sigmaDot at t=" + t);
            Numerics.assertClose(dHalfSigma2, p.sigmaSigmaDot(t), 1e-7, name + " sigmaSigmaDot at t=" + t);
            PathPoint pt = p.at(t);
            assertEquals(t, pt.t());
            assertEquals(p.alpha(t), pt.alpha());
            assertEquals(p.sigma(t), pt.sigma());
            assertEquals(p.alphaDot(t), pt.alphaDot());
            assertEquals(p.sigmaDot(t), pt.sigmaDot());
            assertEquals(p.sigmaSigmaDot(t), pt.sigmaSigmaDot());
        }
    }

    @Test
    void vpLinearIsVariancePreservingAndItsSigmaSigmaDotIsFiniteAtTheDataEnd() {
        AffinePath p = Paths.byName("vp-linear");
        for (double t : INTERIOR) {
            assertEquals(1.0, sq(p.alpha(t)) + sq(p.sigma(t)), 1e-14, "alpha^2 + sigma^2 at t=" + t);
        }
        // sigma ~ sqrt(1 - t) near t = 1: sigmaDot blows up, the product (1/2) d sigma^2/dt does not
        assertEquals(Double.NEGATIVE_INFINITY, p.sigmaDot(1.0));
        double ssd = p.sigmaSigmaDot(1.0);
        assertTrue(Double.isFinite(ssd));
        // = -alpha alphaDot = -(beta_min / 2) at t = 1
        assertEquals(-0.5 * VpLinearPath.BETA_MIN, ssd, 1e-15);
        // and it is the one-sided (second-order) difference of sigma^2 / 2 at t = 1
        double h = 1e-5;
        double oneSided = (3 * sq(p.sigma(1)) - 4 * sq(p.sigma(1 - h)) + sq(p.sigma(1 - 2 * h))) / (4 * h);
        Numerics.assertClose(oneSided, ssd, 1e-7, "sigmaSigmaDot(1)");
        assertTrue(Double.isFinite(p.at(1.0).sigmaSigmaDot()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ot", "vp-cosine"})
    void otAndCosineAreSmoothAtTheDataEnd(String name) {
        AffinePath p = Paths.byName(name);
        double h = 1e-6;
        Numerics.assertClose((p.sigma(1 + h) - p.sigma(1 - h)) / (2 * h), p.sigmaDot(1), 1e-7, "sigmaDot(1)");
        Numerics.assertClose((p.alpha(1 + h) - p.alpha(1 - h)) / (2 * h), p.alphaDot(1), 1e-7, "alphaDot(1)");
        assertEquals(0.0, p.sigmaSigmaDot(1), 1e-15);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ot", "vp-cosine", "vp-linear"})
    void timeForKappaInvertsSigmaOverAlpha(String name) {
        AffinePath p = Paths.byName(name);
        for (double kappa : new double[] {1e-4, 0.01, 0.3, 1.0, 3.0, 10.0, 100.0}) {
            double t = p.timeForKappa(kappa);
            assertTrue(t > 0 && t < 1, "t in (0, 1) for kappa=" + kappa);
            Numerics.assertClose(kappa, p.sigma(t) / p.alpha(t), 1e-12, name + " kappa(timeForKappa(" + kappa + "))");
            assertEquals(p.sigma(t) / p.alpha(t), p.at(t).kappa(), 1e-15 * kappa);
        }
        for (double t : INTERIOR) {
            if (t == 0.0) {
                continue;
            }
            double kappa = p.sigma(t) / p.alpha(t);
            if (kappa < p.sigma(0) / p.alpha(0)) {
                assertEquals(t, p.timeForKappa(kappa), 1e-12, name + " timeForKappa(kappa(" + t + "))");
            }
        }
        assertEquals(1.0, p.timeForKappa(0.0));
        // beyond the path's largest kappa (infinite for ot and vp-cosine) the answer is t = 0
        if (name.equals("vp-linear")) {
            assertEquals(0.0, p.timeForKappa(1e4));
        }
    }

    @Test
    void kappaIsDecreasingOnEveryPath() {
        for (String name : Paths.NAMES) {
            AffinePath p = Paths.byName(name);
            double prev = Double.POSITIVE_INFINITY;
            for (int i = 1; i <= 1000; i++) {
                double t = i / 1000.0;
                double k = p.sigma(t) / p.alpha(t);
                assertTrue(k < prev, name + " kappa not decreasing at t=" + t);
                prev = k;
            }
        }
    }

    @Test
    void registryRejectsUnknownNames() {
        assertEquals(Paths.NAMES.size(), Paths.NAMES.stream().map(Paths::byName).map(AffinePath::name).distinct().count());
        assertThrows(IllegalArgumentException.class, () -> Paths.byName("vp"));
    }

    private static double sq(double v) {
        return v * v;
    }
}
