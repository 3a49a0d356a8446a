package gw.metric;

import java.util.Arrays;

/** Summary statistics of per-particle (or per-run) values; NaN for no values. */
public final class Stats {
    private Stats() {
    }

    public static double mean(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    public static double median(double[] v) {
        return quantile(v, 0.5);
    }

    /** The q-quantile, linear between order statistics (NumPy's default): q = 0.25 and 0.75 give the IQR. */
    public static double quantile(double[] v, double q) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        double at = q * (s.length - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (at - lo) * (s[hi] - s[lo]);
    }

    /** The values that are not NaN (NaN marks "not defined here", such as a cosine against a zero reference). */
    public static double[] defined(double[] v) {
        return Arrays.stream(v).filter(d -> !Double.isNaN(d)).toArray();
    }
}
