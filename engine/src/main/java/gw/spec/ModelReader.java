package gw.spec;

import gw.model.DiagonalGaussian;
import gw.model.GaussianMixture;
import gw.model.TargetPredictor;
import java.util.List;

/**
 * Reads a closed-form data model:
 * {@code {"kind": "gmm", "weights": [K], "means": [[D] x K], "stds": [K]}} (weights >= 0 summing to 1,
 * isotropic stds > 0) or {@code {"kind": "gaussian", "mean": [D], "std": [D]}} (stds > 0).
 */
public final class ModelReader {
    public static final List<String> KINDS = List.of("gmm", "gaussian");
    /** How far the mixture weights may sum from 1. */
    public static final double WEIGHT_SUM_TOLERANCE = 1e-9; // the message in mixture() spells it

    private ModelReader() {
    }

    public static TargetPredictor read(Field f) {
        f.object();
        String kind = f.get("kind").oneOf(KINDS);
        return kind.equals("gmm") ? mixture(f) : gaussian(f);
    }

    private static GaussianMixture mixture(Field f) {
        f.object(List.of("kind", "weights", "means", "stds"));
        Field weightsField = f.get("weights");
        List<Field> wf = weightsField.array(1, Limits.MAX_COMPONENTS);
        int k = wf.size();
        double[] weights = new double[k];
        double sum = 0;
        for (int j = 0; j < k; j++) {
            weights[j] = wf.get(j).nonNegative();
            sum += weights[j];
        }
        weightsField.require(Math.abs(sum - 1.0) <= WEIGHT_SUM_TOLERANCE,
                "must sum to 1 (within 1e-9), they sum to " + sum);
        List<Field> mf = f.get("means").array(k, "K = " + k + ", one row per weight");
        double[][] means = new double[k][];
        means[0] = mf.get(0).vector(1, Limits.MAX_DIM);
        int d = means[0].length;
        for (int j = 1; j < k; j++) {
            means[j] = mf.get(j).vector(d, "D = " + d + ", the length of means[0]");
        }
        List<Field> sf = f.get("stds").array(k, "K = " + k + ", one per weight");
        double[] stds = new double[k];
        for (int j = 0; j < k; j++) {
            stds[j] = sf.get(j).positive();
        }
        return new GaussianMixture(weights, means, stds);
    }

    private static DiagonalGaussian gaussian(Field f) {
        f.object(List.of("kind", "mean", "std"));
        double[] mean = f.get("mean").vector(1, Limits.MAX_DIM);
        List<Field> sf = f.get("std").array(mean.length, "D = " + mean.length + ", the length of mean");
        double[] std = new double[mean.length];
        for (int c = 0; c < std.length; c++) {
            std[c] = sf.get(c).positive();
        }
        return new DiagonalGaussian(mean, std);
    }
}
