package gw.guidance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.Numerics;
import gw.metric.Agreement;
import gw.model.GaussianMixture;
import gw.objective.SquaredDistance;
import gw.path.AffinePath;
import gw.path.Paths;
import gw.solver.Dynamics;
import gw.solver.Solvers;
import gw.tensor.Batch;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lookahead gradient g_H converges to the ideal g* as H grows, at the lookahead solver's order p: at a fixed
 * time t the error ratio between H and 2H tends to 2^p. (This is the global-error order in h = (1 - t)/H; MATH
 * section 3 writes O(h^(p+1)), which is the one-step error: it is what greedy shows as t -> 1 with H = 1, see
 * GaussianOraclesTest.greedyErrorNearTheDataEnd, not the rate in H at fixed t.)
 */
class LookaheadConvergenceTest {
    private static final SquaredDistance LOSS = new SquaredDistance(new double[] {2, 1});
    private static final int[] H = {16, 32, 64};

    /** Midpoint is third order on ot for Gaussian data; see gw.solver.ConvergenceOrderTest.expectedOrder. */
    static double expectedOrder(String solver, String path) {
        return solver.equals("midpoint") && path.equals("ot") ? 3 : Solvers.byName(solver).order();
    }

    /** Exact g* for the Gaussian: diag(s / sqrt(var)) (x1 - target), x1 the exact flow map. */
    static Batch exactIdeal(AffinePath path, Batch x, double t) {
        Batch residual = GaussianOraclesTest.exactEndpoint(path, x, t);
        residual = LOSS.gradient(residual);
        return GaussianOraclesTest.diag(residual,
                c -> GaussianOraclesTest.S[c] / Math.sqrt(GaussianOraclesTest.var(path, t, c)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("gw.SolverPathCases#all")
    void gaussianLookaheadConvergesAtTheSolversOrder(String solverName, String pathName) {
        AffinePath path = Paths.byName(pathName);
        Batch x = GaussianOraclesTest.X;
        for (double t : new double[] {0.2, 0.6}) {
            Batch ideal = exactIdeal(path, x, t);
            double[] err = new double[H.length];
            for (int i = 0; i < H.length; i++) {
                Dynamics f = Dynamics.inTime(GaussianOraclesTest.GAUSSIAN, path);
                Batch g = new Lookahead(Solvers.byName(solverName), H[i]).gradient(f, LOSS, x, t, null).gradient();
                err[i] = Numerics.maxAbsDiff(ideal, g);
            }
            assertEquals(expectedOrder(solverName, pathName), Numerics.observedOrder(H, err), 0.3,
                    solverName + " on " + pathName + " at t=" + t + ": errors " + Arrays.toString(err));
        }
    }

    /** The same on a non-linear problem, a 2-D three-component mixture, against the continuous ideal. */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("gw.SolverPathCases#all")
    void mixtureLookaheadConvergesAtTheSolversOrder(String solverName, String pathName) {
        GaussianMixture m = new GaussianMixture(new double[] {0.3, 0.5, 0.2},
                new double[][] {{-1.5, 0.5}, {1.0, 1.0}, {0.5, -1.5}}, new double[] {0.4, 0.6, 0.3});
        AffinePath path = Paths.byName(pathName);
        Batch x = Batch.of(new double[][] {{0.3, -1.2}, {-0.8, 0.9}});
        double t = 0.3;
        Dynamics f = Dynamics.inTime(m, path);
        Batch ideal = new IdealGradient(path, 1e-12).gradient(f, LOSS, x, t, null).gradient();
        int[] h = {32, 64, 128};
        double[] err = new double[h.length];
        for (int i = 0; i < h.length; i++) {
            Batch g = new Lookahead(Solvers.byName(solverName), h[i]).gradient(f, LOSS, x, t, null).gradient();
            err[i] = Numerics.maxAbsDiff(ideal, g);
            assertTrue(Agreement.cosine(g, ideal)[0] > 0.99, "direction at H=" + h[i]);
        }
        assertEquals(Solvers.byName(solverName).order(), Numerics.observedOrder(h, err), 0.3,
                solverName + " on " + pathName + ": errors " + Arrays.toString(err));
    }
}
