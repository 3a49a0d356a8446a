package gw.guidance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.Numerics;
import gw.metric.Agreement;
import gw.model.DiagonalGaussian;
import gw.objective.Objective;
import gw.objective.SquaredDistance;
import gw.path.AffinePath;
import gw.path.Paths;
import gw.solver.Dynamics;
import gw.solver.IdealFlow;
import gw.tensor.Batch;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MATH section 4 for Gaussian data N(mu, diag s^2): the exact flow map x1 = mu + s (x_t - alpha mu)/sqrt(var),
 * var = alpha^2 s^2 + sigma^2, its Jacobian s/sqrt(var), the greedy Jacobian alpha s^2/var, and their ratio.
 */
class GaussianOraclesTest {
    static final double[] MU = {1, -0.5};
    static final double[] S = {0.5, 2};
    static final DiagonalGaussian GAUSSIAN = new DiagonalGaussian(MU, S);
    static final Batch X = Batch.of(new double[][] {{0.3, -1.2}, {-0.8, 0.9}, {1.5, 0.1}});
    private static final double[] TIMES = {0.0, 0.05, 0.3, 0.7, 0.95};

    static double var(AffinePath p, double t, int c) {
        double a = p.alpha(t);
        double sig = p.sigma(t);
        return a * a * S[c] * S[c] + sig * sig;
    }

    static Batch exactEndpoint(AffinePath p, Batch x, double t) {
        Batch out = x.copy();
        for (int i = 0; i < x.rows(); i++) {
            for (int c = 0; c < 2; c++) {
                out.data()[i * 2 + c] = MU[c] + S[c] * (x.get(i, c) - p.alpha(t) * MU[c]) / Math.sqrt(var(p, t, c));
            }
        }
        return out;
    }

    /** diag(jac(c)) applied to each row of v. */
    static Batch diag(Batch v, java.util.function.IntToDoubleFunction jac) {
        Batch out = v.copy();
        for (int i = 0; i < v.rows(); i++) {
            for (int c = 0; c < 2; c++) {
                out.data()[i * 2 + c] *= jac.applyAsDouble(c);
            }
        }
        return out;
    }

    /** L = c . x1: its gradient is the constant c, so a scheme's gradient is its Jacobian transposed times c. */
    static Objective linear(double... c) {
        return new Objective() {
            @Override public String kind() { return "linear"; }
            @Override public int dim() { return c.length; }
            @Override public double[] loss(Batch x1) {
                double[] l = new double[x1.rows()];
                for (int i = 0; i < l.length; i++) {
                    for (int j = 0; j < c.length; j++) {
                        l[i] += c[j] * x1.get(i, j);
                    }
                }
                return l;
            }
            @Override public Batch gradient(Batch x1) {
                Batch g = Batch.zeros(x1.rows(), c.length);
                for (int i = 0; i < x1.rows(); i++) {
                    System.arraycopy(c, 0, g.data(), i * c.length, c.length);
                }
                return g;
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"ot", "vp-cosine", "vp-linear"})
    void idealFlowIsTheExactFlowMapAndItsJacobian(String name) {
        AffinePath path = Paths.byName(name);
        Batch c = Batch.of(new double[][] {{1, -2}, {0.5, 0.5}, {-1, 3}});
        for (double t : TIMES) {
            IdealFlow.Result r = new IdealFlow(GAUSSIAN, path, 1e-11).solve(X, t, x1 -> c);
            Numerics.assertClose(exactEndpoint(path, X, t), r.endpoint(), 1e-9, name + " endpoint from t=" + t);
            double tt = t;
            Numerics.assertClose(diag(c, k -> S[k] / Math.sqrt(var(path, tt, k))), r.gradient(), 1e-9,
                    name + " dx1/dx_t from t=" + t);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ot", "vp-cosine", "vp-linear"})
    void idealAndGreedyGradientsOfASquaredDistance(String name) {
        AffinePath path = Paths.byName(name);
        // L = 1/2 |x1|^2 (target 0): grad L(x1) = x1
        Objective half = new SquaredDistance(new double[] {0, 0});
        for (double t : TIMES) {
            Dynamics f = Dynamics.inTime(GAUSSIAN, path);
            double tt = t;
            Batch x1 = exactEndpoint(path, X, t);
            GuidanceGradient ideal = new IdealGradient(path, 1e-11).gradient(f, half, X, t, null);
            Numerics.assertClose(x1, ideal.endpoint(), 1e-9, name + " ideal endpoint t=" + t);
            Numerics.assertClose(diag(x1, k -> S[k] / Math.sqrt(var(path, tt, k))), ideal.gradient(), 1e-9,
                    name + " ideal gradient t=" + t);
            GuidanceGradient greedy = new Greedy().gradient(f, half, X, t, null);
            Batch xhat1 = f.predict(X, t).xhat1();
            Numerics.assertClose(xhat1, greedy.endpoint(), 1e-15, name + " greedy endpoint t=" + t);
            double a = path.alpha(t);
            Numerics.assertClose(diag(xhat1, k -> a * S[k] * S[k] / var(path, tt, k)), greedy.gradient(), 1e-13,
                    name + " greedy gradient t=" + t);
        }
    }

    /** greedy/ideal = alpha s / sqrt(var) <= 1, increasing to 1 at t = 1: greedy undershoots early. */
    @ParameterizedTest
    @ValueSource(strings = {"ot", "vp-cosine", "vp-linear"})
    void greedyOverIdealJacobianRatio(String name) {
        AffinePath path = Paths.byName(name);
        Objective lin = linear(1, 1);
        Batch x = Batch.row(0.3, -1.2);
        double[] prev = {-1, -1};
        for (double t : new double[] {0.05, 0.2, 0.4, 0.6, 0.8, 0.9, 0.99, 0.999}) {
            Dynamics f = Dynamics.inTime(GAUSSIAN, path);
            Batch greedy = new Greedy().gradient(f, lin, x, t, null).gradient();
            Batch ideal = new IdealGradient(path, 1e-11).gradient(f, lin, x, t, null).gradient();
            for (int c = 0; c < 2; c++) {
                double ratio = greedy.get(0, c) / ideal.get(0, c);
                double formula = path.alpha(t) * S[c] / Math.sqrt(var(path, t, c));
                assertEquals(formula, ratio, 1e-9, name + " ratio at t=" + t + " coordinate " + c);
                assertTrue(ratio <= 1 + 1e-12 && ratio > prev[c], name + " ratio " + ratio + " at t=" + t);
                prev[c] = ratio;
            }
        }
        assertTrue(prev[0] > 0.99 && prev[1] > 0.99, "ratio near 1 at t = 0.999: " + Arrays.toString(prev));
        // and exactly 1 at t = 1, where both Jacobians are the identity
        Dynamics f = Dynamics.inTime(GAUSSIAN, path);
        Numerics.assertClose(Batch.row(1, 1), new Greedy().gradient(f, lin, x, 1.0, null).gradient(), 1e-15, "greedy at t=1");
    }

    /**
     * How fast greedy becomes exact as t -> 1. Relative error 1 - alpha s/sqrt(var) ~ sigma^2 / (2 alpha^2 s^2):
     * on ot and vp-cosine sigma^2 = O((1-t)^2), second order in h = 1 - t (MATH's h^(p+1) with p = 1); on vp-linear
     * sigma^2 ~ beta_min (1 - t) near t = 1, so greedy's error there is only first order in h.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ot", "vp-cosine", "vp-linear"})
    void greedyErrorNearTheDataEnd(String name) {
        AffinePath path = Paths.byName(name);
        Objective lin = linear(1, 1);
        Batch x = Batch.row(0.3, -1.2);
        int[] inv = {1000, 2000, 4000};
        double[] err = new double[inv.length];
        for (int i = 0; i < inv.length; i++) {
            double t = 1 - 1.0 / inv[i];
            Dynamics f = Dynamics.inTime(GAUSSIAN, path);
            Batch greedy = new Greedy().gradient(f, lin, x, t, null).gradient();
            Batch ideal = new IdealGradient(path, 1e-12).gradient(f, lin, x, t, null).gradient();
            err[i] = Agreement.relativeError(greedy, ideal)[0];
        }
        double order = Numerics.observedOrder(inv, err);
        assertEquals(name.equals("vp-linear") ? 1.0 : 2.0, order, 0.15, name + " errors " + Arrays.toString(err));
    }
}
