package gw.data;

import gw.tensor.Batch;
import java.util.Arrays;

/**
 * The box of a point set that plots start from: per coordinate the 0.5 % and 99.5 % quantiles, widened by a tenth
 * of their span. A learned model's card stores it for its training data, so the model can be listed and plotted
 * before its network is loaded.
 */
public final class DataExtent {
    private DataExtent() {
    }

    /** {lo, hi} per coordinate: [D][2]. */
    public static double[][] of(Batch points) {
        double[][] box = new double[points.cols()][];
        double[] col = new double[points.rows()];
        for (int c = 0; c < points.cols(); c++) {
            for (int i = 0; i < col.length; i++) {
                col[i] = points.get(i, c);
            }
            Arrays.sort(col);
            double lo = col[(int) (0.005 * (col.length - 1))];
            double hi = col[(int) Math.ceil(0.995 * (col.length - 1))];
            double pad = 0.1 * (hi - lo);
            box[c] = Double.isFinite(lo) && Double.isFinite(hi) ? new double[] {lo - pad, hi + pad}
                    : new double[] {-4, 4};
        }
        return box;
    }
}
