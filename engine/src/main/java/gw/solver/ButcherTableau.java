package gw.solver;

/** Coefficients of an explicit Runge-Kutta method: stages y_i = x + h sum_j a_ij k_j at t0 + c_i h. */
public record ButcherTableau(double[][] a, double[] b, double[] c) {

    public int stages() {
        return b.length;
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
