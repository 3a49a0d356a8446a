package gw;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.model.GaussianMixture;
import gw.tensor.Batch;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;

/** Shared helpers of the engine's tests: random inputs, central finite differences, closeness checks, slopes. */
public final class Numerics {
    private Numerics() {
    }

    /** Rows of N(0, scale^2) entries. */
    public static Batch gaussianBatch(Random rng, int rows, int cols, double scale) {
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = scale * rng.nextGaussian();
        }
        return new Batch(d, rows, cols);
    }

    /** A K-component mixture in D dimensions with means N(0, 1.5^2), stds in [0.4, 1.0] and uneven weights. */
    public static GaussianMixture randomMixture(Random rng, int k, int d) {
        double[] w = new double[k];
        double[] s = new double[k];
        double[][] mu = new double[k][d];
        double total = 0;
        for (int j = 0; j < k; j++) {
            w[j] = 0.5 + rng.nextDouble();
            total += w[j];
            s[j] = 0.4 + 0.6 * rng.nextDouble();
            for (int c = 0; c < d; c++) {
                mu[j][c] = 1.5 * rng.nextGaussian();
            }
        }
        for (int j = 0; j < k; j++) {
            w[j] /= total;
        }
        return new GaussianMixture(w, mu, s);
    }

    /**
     * v^T dF/dx by central differences, each entry from a Richardson-extrapolated pair of central differences
     * (steps h and h/2: truncation error O(h^4)), so a tolerance of ~1e-7 separates a right VJP from a wrong one
     * even where the mixture's responsibilities change quickly.
     */
    public static Batch vjpByDifferences(Function<Batch, Batch> f, Batch x, Batch v, double h) {
        return gradientByDifferences(y -> f.apply(y).rowDot(v), x, h);
    }

    /** The gradient of sum_rows phi(x) by Richardson-extrapolated central differences. */
    public static Batch gradientByDifferences(Function<Batch, double[]> phi, Batch x, double h) {
        double[] g = new double[x.data().length];
        for (int i = 0; i < g.length; i++) {
            double d1 = central(phi, x, i, h);
            double d2 = central(phi, x, i, h / 2);
            g[i] = (4 * d2 - d1) / 3;
        }
        return new Batch(g, x.rows(), x.cols());
    }

    private static double central(Function<Batch, double[]> phi, Batch x, int i, double h) {
        Batch plus = x.copy();
        plus.data()[i] += h;
        Batch minus = x.copy();
        minus.data()[i] -= h;
        return (sum(phi.apply(plus)) - sum(phi.apply(minus))) / (2 * h);
    }

    public static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }

    public static double maxAbs(Batch b) {
        double m = 0;
        for (double v : b.data()) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    public static double maxAbsDiff(Batch a, Batch b) {
        assertTrue(a.rows() == b.rows() && a.cols() == b.cols(), "shapes differ");
        return maxAbs(a.minus(b));
    }

    /** max |actual - expected| <= tol * (1 + max |expected|): relative for large entries, absolute near zero. */
    public static void assertClose(Batch expected, Batch actual, double tol, String what) {
        assertTrue(actual.allFinite(), what + ": not finite: " + Arrays.toString(actual.data()));
        double err = maxAbsDiff(expected, actual);
        double bound = tol * (1 + maxAbs(expected));
        assertTrue(err <= bound, what + ": max error " + err + " > " + bound + "\n expected "
                + Arrays.toString(expected.data()) + "\n actual   " + Arrays.toString(actual.data()));
    }

    public static void assertClose(double expected, double actual, double tol, String what) {
        double bound = tol * (1 + Math.abs(expected));
        assertTrue(Math.abs(actual - expected) <= bound,
                what + ": expected " + expected + ", got " + actual + " (tolerance " + bound + ")");
    }

    /** The least-squares slope of log(err) against log(n), negated: the observed order of convergence in 1/n. */
    public static double observedOrder(int[] n, double[] err) {
        int m = n.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < m; i++) {
            mx += Math.log(n[i]) / m;
            my += Math.log(err[i]) / m;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < m; i++) {
            double dx = Math.log(n[i]) - mx;
            sxy += dx * (Math.log(err[i]) - my);
            sxx += dx * dx;
        }
        return -sxy / sxx;
    }
}
