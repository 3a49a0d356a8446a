package gw.metric;

import gw.tensor.Batch;

/** How well a gradient g agrees with a reference g*, row by row: cosine and relative error. */
public final class Agreement {
    private Agreement() {
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
