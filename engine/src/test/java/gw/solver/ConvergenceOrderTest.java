package gw.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.Numerics;
import gw.model.DiagonalGaussian;
import gw.path.AffinePath;
import gw.path.Paths;
import gw.tensor.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Global error of the sampling solve against the exact Gaussian flow map (MATH section 4)
 * x1 = mu + s (x_t - alpha mu) / sqrt(alpha^2 s^2 + sigma^2), for N = 8..128 uniform steps to t = 1:
 * the fitted order on the finer grids must be the solver's order.
 */
class ConvergenceOrderTest {
    static final DiagonalGaussian GAUSSIAN = new DiagonalGaussian(new double[] {1, -0.5}, new double[] {0.5, 2});
    static final Batch X = Batch.of(new double[][] {{0.3, -1.2}, {-0.8, 0.9}, {1.5, 0.1}});
    private static final int[] N = {8, 16, 32, 64, 128};
    private static final int[] FINE = {32, 64, 128};

    /** The exact flow map of the Gaussian from time t to 1. */
    public static Batch exactEndpoint(DiagonalGaussian g, AffinePath path, Batch x, double t) {
        double a = path.alpha(t);
        double sig = path.sigma(t);
        double[] mu = g.mean();
        double[] s = g.std();
        Batch out = x.copy();
        for (int i = 0; i < x.rows(); i++) {
            for (int c = 0; c < x.cols(); c++) {
                out.data()[i * x.cols() + c] = mu[c] + s[c] * (x.get(i, c) - a * mu[c]) / Math.sqrt(a * a * s[c] * s[c] + sig * sig);
            }
        }
        return out;
    }

    /**
     * Expected orders. Explicit midpoint on ot is one order better than its nominal 2: its local error is
     * h^3 (y'''/24 + f_y y''/8). On ot the exact solution is x_t = t mu + k w(t) with w = sqrt(var),
     * var = s^2 t^2 + (1 - t)^2, and f_y = w'/w, so the term is (k h^3 / 24)(w w''' + 3 w' w'')/w
     * = (k h^3 / 48) (w^2)''' / w, which vanishes because var is quadratic in t. Heun's leading term
     * (-y'''/12 + f_y y''/4) does not cancel, nor does midpoint's on the VP paths (var not polynomial in t).
     */
    static double expectedOrder(String solver, String path) {
        if (solver.equals("midpoint") && path.equals("ot")) {
            return 3;
        }
        return Solvers.byName(solver).order();
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String solver : Solvers.NAMES) {
            for (String path : Paths.NAMES) {
                for (double t0 : new double[] {0.0, 0.1}) {
                    out.add(Arguments.of(solver, path, t0));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1} from t={2}")
    @MethodSource("cases")
    void endpointErrorConvergesAtTheSolversOrder(String solverName, String pathName, double t0) {
        Step step = Solvers.byName(solverName);
        AffinePath path = Paths.byName(pathName);
        Batch exact = exactEndpoint(GAUSSIAN, path, X, t0);
        double[] err = new double[N.length];
        double[] fine = new double[FINE.length];
        for (int i = 0; i < N.length; i++) {
            Rollout r = Rollout.solve(Dynamics.inTime(GAUSSIAN, path), step, Grid.equalSteps(t0, 1.0, N[i]), X, null);
            err[i] = Numerics.maxAbsDiff(exact, r.output());
            if (i > 0) {
                assertTrue(err[i] < err[i - 1], "error must shrink with N: " + java.util.Arrays.toString(err));
            }
            if (i >= N.length - FINE.length) {
                fine[i - (N.length - FINE.length)] = err[i];
            }
        }
        double order = Numerics.observedOrder(FINE, fine);
        assertEquals(expectedOrder(solverName, pathName), order, 0.3,
                solverName + " on " + pathName + ": errors " + java.util.Arrays.toString(err));
    }

    /**
     * DDIM is not exact for Gaussian data: it freezes xhat1(x_s, s) over the step, but along the exact trajectory
     * xhat1(x_t, t) = mu + (alpha s / sqrt(var)) (x1 - mu) keeps moving (alpha s / sqrt(var) rises to 1 at t = 1).
     * It is exact only for a point mass (s = 0), where xhat1 = mu is constant.
     */
    @ParameterizedTest
    @MethodSource("paths")
    void ddimIsFirstOrderNotExactForGaussianData(String pathName) {
        AffinePath path = Paths.byName(pathName);
        Step ddim = Solvers.byName("ddim");
        Batch exact = exactEndpoint(GAUSSIAN, path, X, 0.1);
        double e64 = Numerics.maxAbsDiff(exact,
                Rollout.solve(Dynamics.inTime(GAUSSIAN, path), ddim, Grid.equalSteps(0.1, 1, 64), X, null).output());
        double e128 = Numerics.maxAbsDiff(exact,
                Rollout.solve(Dynamics.inTime(GAUSSIAN, path), ddim, Grid.equalSteps(0.1, 1, 128), X, null).output());
        assertTrue(e64 > 1e-3, "DDIM error with 64 steps " + e64);
        assertEquals(2.0, e64 / e128, 0.1, "halving h halves the DDIM error");
        // a point mass (tiny s): xhat1 = mu at every state, and one DDIM step from anywhere lands on mu
        DiagonalGaussian point = new DiagonalGaussian(new double[] {1, -0.5}, new double[] {1e-9, 1e-9});
        Batch one = Rollout.solve(Dynamics.inTime(point, path), ddim, Grid.equalSteps(0.1, 1, 1), X, null).output();
        Numerics.assertClose(exactEndpoint(point, path, X, 0.1), one, 1e-8, "DDIM on a point mass");
    }

    static Iterable<String> paths() {
        return Paths.NAMES;
    }
}
