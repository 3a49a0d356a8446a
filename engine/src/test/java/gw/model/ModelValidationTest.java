package gw.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.objective.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The Java API rejects what the spec readers reject, so a model built in code cannot be silently wrong. */
class ModelValidationTest {
    private static final double[][] MEANS = {{0, 0}, {1, 1}};

    private static void rejected(Executable e, String mentions) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(mentions), ex.getMessage());
    }

    @Test
    void mixtureChecksWeightsMeansAndStds() {
        rejected(() -> new GaussianMixture(new double[] {0.5, 0.6}, MEANS, new double[] {1, 1}), "sum to 1");
        rejected(() -> new GaussianMixture(new double[] {1.5, -0.5}, MEANS, new double[] {1, 1}), "weights[1]");
        rejected(() -> new GaussianMixture(new double[] {0.5, 0.5}, MEANS, new double[] {1, 0}), "stds[1]");
        rejected(() -> new GaussianMixture(new double[] {0.5, 0.5}, new double[][] {{0, 0}, {1}},
                new double[] {1, 1}), "means[1]");
        rejected(() -> new GaussianMixture(new double[] {1.0}, MEANS, new double[] {1}), "K >= 1");
        rejected(() -> new GaussianMixture(new double[] {0.5, 0.5}, new double[][] {{0, 0}, {Double.NaN, 1}},
                new double[] {1, 1}), "means[1]");
    }

    @Test
    void gaussianAndMeasurementCheckShapes() {
        rejected(() -> new DiagonalGaussian(new double[] {0, 0}, new double[] {1}), "one length");
        rejected(() -> new DiagonalGaussian(new double[] {0, 0}, new double[] {1, -1}), "coordinate 1");
        rejected(() -> new Measurement(new double[][] {{1, 0}, {0}}, new double[] {1, 2}, 1.0), "same length");
        rejected(() -> new Measurement(new double[][] {{1, 0}}, new double[] {1, 2}, 1.0), "one per entry");
        rejected(() -> new Measurement(new double[][] {{1, 0}}, new double[] {1}, 0.0), "noiseStd");
    }
}
