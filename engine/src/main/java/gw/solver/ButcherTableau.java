package gw.solver;

import gw.tensor.Axpy;

/**
 * Coefficients of an explicit Runge-Kutta method, and its one stepping loop (MATH eq. (2.3)): stages
 * y_i = x + h sum_j a_ij k_j at t0 + c_i h, k_i = slope(y_i), output x + h sum_i b_i k_i. The forward solve
 * ({@link RungeKuttaStep}) and the continuous adjoint (augmented state (x, a)) both step through {@link #step}.
 */
public record ButcherTableau(double[][] a, double[] b, double[] c) {

    /** The slope of stage i at its state y and time t: k_i. */
    @FunctionalInterface
    public interface Slope<S> {
        S at(int stage, S y, double t);
    }

    public int stages() {
        return b.length;
    }

    /**
     * One step of size h (negative: backwards in time) from x at t0. Stage states are copies made only where a
     * stage adds to x; x itself is never changed.
     */
    public <S extends Axpy<S>> S step(S x, double t0, double h, Slope<S> slope) {
        int s = stages();
        java.util.List<S> k = new java.util.ArrayList<>(s);
        for (int i = 0; i < s; i++) {
            S y = x;
            double[] ai = a[i];
            for (int j = 0; j < ai.length; j++) {
                if (ai[j] != 0) {
                    y = (y == x ? x.copy() : y).addScaled(k.get(j), h * ai[j]);
                }
            }
            k.add(slope.at(i, y, t0 + c[i] * h));
        }
        S out = x.copy();
        for (int i = 0; i < s; i++) {
            if (b[i] != 0) {
                out.addScaled(k.get(i), h * b[i]);
            }
        }
        return out;
    }

    public static final ButcherTableau EULER = new ButcherTableau(
            new double[][] {{}}, new double[] {1}, new double[] {0});

    public static final ButcherTableau MIDPOINT = new ButcherTableau(
            new double[][] {{}, {0.5}}, new double[] {0, 1}, new double[] {0, 0.5});

    public static final ButcherTableau HEUN = new ButcherTableau(
            new double[][] {{}, {1}}, new double[] {0.5, 0.5}, new double[] {0, 1});

    public static final ButcherTableau RK4 = new ButcherTableau(
            new double[][] {{}, {0.5}, {0, 0.5}, {0, 0, 1}},
            new double[] {1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6},
            new double[] {0, 0.5, 0.5, 1});
}
