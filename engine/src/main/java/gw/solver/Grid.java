package gw.solver;

/** Time grids: the uniform sampling grid t_j = j/N and H equal steps from t to 1. */
public final class Grid {
    private Grid() {
    }

    /** t_j = j/N for j = 0..N; the last entry is exactly 1. */
    public static double[] uniform(int n) {
        return equalSteps(0.0, 1.0, n);
    }

    /** n + 1 times from 'from' to 'to' in equal steps, ending exactly at 'to'. */
    public static double[] equalSteps(double from, double to, int n) {
        double[] t = new double[n + 1];
        for (int j = 0; j <= n; j++) {
            t[j] = from + (to - from) * j / n;
        }
        t[n] = to;
        return t;
    }

    /** The tail of a grid from index i on: t_i, ..., t_N. */
    public static double[] remaining(double[] grid, int i) {
        double[] t = new double[grid.length - i];
        System.arraycopy(grid, i, t, 0, t.length);
        return t;
    }
}
