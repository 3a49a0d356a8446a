package gw.guidance;

import gw.tensor.Batch;
import java.util.Arrays;
import java.util.function.Function;

/**
 * L-BFGS (history 10) with a backtracking Armijo line search, run on every row of a batch as its own problem:
 * each row keeps its own curvature pairs and its own step length, so one badly scaled particle cannot shrink the
 * steps of the others. The trial points of all rows still searching are evaluated together as one sub-batch
 * (rows are independent under the model), so a line-search round costs one batched solve.
 * <p>
 * Direction d = -H g by the two-loop recursion, with H0 = (s.y / y.y) I from the newest pair, or
 * H0 = learningRate I while a row has no pairs yet (its first step is then gradient descent at that rate).
 * Step a starts at 1 and halves until J(x + a d) <= J(x) + 1e-4 a g.d (at most 30 halvings; a row that never
 * satisfies it stays put and forgets its pairs). A pair is kept only when s.y > 1e-12 |s| |y|, which the
 * non-convex objective does not guarantee.
 */
final class RowLbfgs {
    static final int HISTORY = 10;
    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 30;

    private final double learningRate;
    private final int rows;
    private final int d;
    private final double[][][] s;
    private final double[][][] y;
    private final double[][] rho;
    private final int[] count;
    private final int[] newest;
    private NoiseOptimization.Evaluation at;

    RowLbfgs(double learningRate, NoiseOptimization.Evaluation start) {
        this.learningRate = learningRate;
        this.at = start;
        this.rows = start.x0().rows();
        this.d = start.x0().cols();
        this.s = new double[rows][HISTORY][];
        this.y = new double[rows][HISTORY][];
        this.rho = new double[rows][HISTORY];
        this.count = new int[rows];
        this.newest = new int[rows];
        Arrays.fill(newest, -1);
    }

    /** The current iterate and its evaluation. */
    NoiseOptimization.Evaluation current() {
        return at;
    }

    /** One L-BFGS iteration on every row; {@code evaluate} maps a sub-batch of x0 rows to their evaluation. */
    void iterate(Function<Batch, NoiseOptimization.Evaluation> evaluate) {
        double[] x = at.x0().data();
        double[] g = at.gradient().data();
        double[][] dir = new double[rows][];
        double[] slope = new double[rows];
        double[] step = new double[rows];
        int[] pending = new int[rows];
        int npending = 0;
        for (int i = 0; i < rows; i++) {
            dir[i] = direction(i, g);
            slope[i] = dot(g, i * d, dir[i]);
            if (!(slope[i] < 0)) {
                count[i] = 0;
                dir[i] = scaled(g, i * d, -learningRate);
                slope[i] = dot(g, i * d, dir[i]);
            }
            if (slope[i] < 0) {
                step[i] = 1.0;
                pending[npending++] = i;
            }
        }
        double[] nx = x.clone();
        double[] ng = g.clone();
        double[] nj = at.objective().clone();
        double[] nl = at.loss().clone();
        double[] nx1 = at.x1().data().clone();
        for (int round = 0; round <= MAX_HALVINGS && npending > 0; round++) {
            double[] trial = new double[npending * d];
            for (int p = 0; p < npending; p++) {
                int i = pending[p];
                for (int c = 0; c < d; c++) {
                    trial[p * d + c] = x[i * d + c] + step[i] * dir[i][c];
                }
            }
            NoiseOptimization.Evaluation e = evaluate.apply(new Batch(trial, npending, d));
            int still = 0;
            for (int p = 0; p < npending; p++) {
                int i = pending[p];
                if (e.objective()[p] <= at.objective()[i] + ARMIJO * step[i] * slope[i]) {
                    System.arraycopy(trial, p * d, nx, i * d, d);
                    System.arraycopy(e.gradient().data(), p * d, ng, i * d, d);
                    System.arraycopy(e.x1().data(), p * d, nx1, i * d, d);
                    nj[i] = e.objective()[p];
                    nl[i] = e.loss()[p];
                    remember(i, x, g, nx, ng);
                } else {
                    step[i] *= 0.5;
                    pending[still++] = i;
                }
            }
            npending = still;
        }
        for (int p = 0; p < npending; p++) {
            count[pending[p]] = 0;
        }
        at = new NoiseOptimization.Evaluation(new Batch(nx, rows, d), new Batch(nx1, rows, d), nj, nl,
                new Batch(ng, rows, d));
    }

    /** -H g for row i by the two-loop recursion. */
    private double[] direction(int i, double[] g) {
        double[] q = Arrays.copyOfRange(g, i * d, (i + 1) * d);
        if (count[i] == 0) {
            return scaled(q, 0, -learningRate);
        }
        double[] alpha = new double[HISTORY];
        for (int k = 0; k < count[i]; k++) {
            int slot = Math.floorMod(newest[i] - k, HISTORY);
            alpha[slot] = rho[i][slot] * dot(q, 0, s[i][slot]);
            axpy(-alpha[slot], y[i][slot], q);
        }
        int top = newest[i];
        double gamma = dot(s[i][top], 0, y[i][top]) / dot(y[i][top], 0, y[i][top]);
        for (int c = 0; c < d; c++) {
            q[c] *= gamma;
        }
        for (int k = count[i] - 1; k >= 0; k--) {
            int slot = Math.floorMod(newest[i] - k, HISTORY);
            double beta = rho[i][slot] * dot(y[i][slot], 0, q);
            axpy(alpha[slot] - beta, s[i][slot], q);
        }
        return scaled(q, 0, -1.0);
    }

    private void remember(int i, double[] x, double[] g, double[] nx, double[] ng) {
        double[] si = new double[d];
        double[] yi = new double[d];
        for (int c = 0; c < d; c++) {
            si[c] = nx[i * d + c] - x[i * d + c];
            yi[c] = ng[i * d + c] - g[i * d + c];
        }
        double sy = dot(si, 0, yi);
        if (!(sy > 1e-12 * Math.sqrt(dot(si, 0, si) * dot(yi, 0, yi)))) {
            return;
        }
        newest[i] = (newest[i] + 1) % HISTORY;
        s[i][newest[i]] = si;
        y[i][newest[i]] = yi;
        rho[i][newest[i]] = 1.0 / sy;
        count[i] = Math.min(count[i] + 1, HISTORY);
    }

    private double dot(double[] a, int offset, double[] b) {
        double sum = 0;
        for (int c = 0; c < d; c++) {
            sum += a[offset + c] * b[c];
        }
        return sum;
    }

    private double[] scaled(double[] a, int offset, double k) {
        double[] out = new double[d];
        for (int c = 0; c < d; c++) {
            out[c] = k * a[offset + c];
        }
        return out;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int c = 0; c < y.length; c++) {
            y[c] += a * x[c];
        }
    }
}
