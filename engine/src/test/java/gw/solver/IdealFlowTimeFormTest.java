package gw.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.Numerics;
import gw.model.GaussianMixture;
import gw.model.TargetPredictor;
import gw.model.TimeOnly;
import gw.path.AffinePath;
import gw.path.Paths;
import gw.tensor.Batch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The continuous ideal for models without an EDM form (RK4 in t to kappa = KAPPA_END, then x1 = xhat1 there; MATH
 * section 2) against the EDM form on the reference mixture: the same closed form, forced through the t path by
 * hiding that it accepts any (alpha, sigma) ({@link TimeOnly}).
 */
class IdealFlowTimeFormTest {
    static final GaussianMixture MIXTURE = new GaussianMixture(new double[] {0.3, 0.3, 0.4},
            new double[][] {{-2.0, 0.0}, {2.0, 1.0}, {0.0, -2.5}}, new double[] {0.3, 0.5, 0.4});
    static final Batch X = Batch.of(new double[][] {{0.3, -1.2}, {-0.8, 0.9}, {1.5, 0.1}, {0.0, 0.0}});
    static final double[] TARGET = {1.5, 0.5};

    /** grad of L = |x1 - target|^2 / 2. */
    static Batch lossGradient(Batch x1) {
        Batch g = x1.copy();
        for (int i = 0; i < g.rows(); i++) {
            g.data()[2 * i] -= TARGET[0];
            g.data()[2 * i + 1] -= TARGET[1];
        }
        return g;
    }

    @ParameterizedTest
    @CsvSource({"ot, 0.0", "ot, 0.05", "ot, 0.3", "ot, 0.7", "ot, 0.95", "vp-cosine, 0.3", "vp-linear, 0.6"})
    void timeFormMatchesEdmForm(String pathName, double t) {
        AffinePath path = Paths.byName(pathName);
        TargetPredictor hidden = TimeOnly.of(MIXTURE, MIXTURE.idealMaxSteps());
        assertFalse(hidden.acceptsAnyPathPoint());
        assertTrue(MIXTURE.acceptsAnyPathPoint());
        double tol = 1e-8;
        IdealFlow.Result edm = new IdealFlow(MIXTURE, path, tol).solve(X, t, IdealFlowTimeFormTest::lossGradient);
        IdealFlow.Result inT = new IdealFlow(hidden, path, tol).solve(X, t, IdealFlowTimeFormTest::lossGradient);
        // each solve is converged to ~tol; the t form differs by its cut at kappa = 1e-3, O(kappa^2): measured up to
        // 7.2e-6 relative in the gradient and 3e-5 absolute in the endpoint (a row near 0 at t = 0.95)
        Numerics.assertClose(edm.endpoint(), inT.endpoint(), 2e-5, pathName + " t=" + t + " endpoint");
        Numerics.assertClose(edm.gradient(), inT.gradient(), 2e-5, pathName + " t=" + t + " gradient");
        assertTrue(inT.steps() <= edm.steps(), "the t form's grid needs no more steps: " + inT.steps() + " vs "
                + edm.steps());
        assertEquals(2, inT.endpoint().cols());
    }
}
