package gw.metric;

import gw.objective.Objective;
import gw.tensor.Batch;

/**
 * How well a gradient g agrees with a reference g*, row by row: cosine, relative error and absolute error. Where a
 * vector is zero to rounding it has no direction: no cosine, and where g* is, no relative error either.
 */
public final class Agreement {
    /**
     * Relative threshold for "zero to rounding". A reference row counts as zero where |g*| is at most this times
     * its scale (see {@link #scale}); a gradient row counts as zero where |g| is at most this times |g*|. At t = 0
     * on the paths here alpha = 0, so x̂1 does not depend on x and greedy's gradient (and a one-step Euler
     * lookahead's) is rounding noise: a cosine against it would be noise too (it read -0.0147 and 0.15).
     */
    public static final double ZERO = 1e-8;

    private Agreement() {
    }

    /**
     * Per row: the absolute error |g - g*| everywhere; the relative error where g* is nonzero; the cosine where
     * both are nonzero (NaN where undefined).
     */
    public record Comparison(double[] relativeError, double[] cosine, double[] absoluteError, boolean[] zeroReference) {

        /** Rows whose reference counts as zero. */
        public int zeroReferences() {
            int n = 0;
            for (boolean z : zeroReference) {
                n += z ? 1 : 0;
            }
            return n;
        }
    }

    /**
     * The natural size of an end-to-end gradient g* = J^T grad L(x1): |grad L(x1)| at the reference's endpoint x1,
     * which g* would have if the flow map's Jacobian J were the identity.
     */
    public static double[] scale(Objective loss, Batch endpoint) {
        return loss.gradient(endpoint).rowNorms();
    }

    /** Compares g with g*: g* counts as zero where |g*| <= ZERO · scale, g where |g| <= ZERO · |g*|. */
    public static Comparison compare(Batch g, Batch ref, double[] scale) {
        double[] nr = ref.rowNorms();
        double[] ng = g.rowNorms();
        double[] abs = g.minus(ref).rowNorms();
        double[] rel = relativeError(g, ref);
        double[] cos = cosine(g, ref);
        boolean[] zero = new boolean[nr.length];
        for (int i = 0; i < nr.length; i++) {
            zero[i] = nr[i] == 0 || nr[i] <= ZERO * scale[i];
            if (zero[i]) {
                rel[i] = Double.NaN;
            }
            if (zero[i] || ng[i] <= ZERO * nr[i]) {
                cos[i] = Double.NaN;
            }
        }
        return new Comparison(rel, cos, abs, zero);
    }

    /** cos(g, g*) = g.g* / (|g| |g*|): [B]; 0 where either is zero. */
    public static double[] cosine(Batch g, Batch ref) {
        double[] dot = g.rowDot(ref);
        double[] ng = g.rowNorms();
        double[] nr = ref.rowNorms();
        double[] out = new double[dot.length];
        for (int i = 0; i < out.length; i++) {
            double den = ng[i] * nr[i];
            out[i] = den == 0 ? 0.0 : dot[i] / den;
        }
        return out;
    }

    /** |g - g*| / |g*|: [B]; where g* = 0 it is 0 if g = 0 too, else infinite. */
    public static double[] relativeError(Batch g, Batch ref) {
        double[] diff = g.minus(ref).rowNorms();
        double[] nr = ref.rowNorms();
        for (int i = 0; i < diff.length; i++) {
            diff[i] = nr[i] == 0 ? (diff[i] == 0 ? 0.0 : Double.POSITIVE_INFINITY) : diff[i] / nr[i];
        }
        return diff;
    }
}
