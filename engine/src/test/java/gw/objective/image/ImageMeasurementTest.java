package gw.objective.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gw.tensor.Batch;
import gw.tensor.Noise;
import org.junit.jupiter.api.Test;

/** The data fit |A x - y|^2 / (2 sigma_y^2): by hand for denoising, central differences for the rest. */
class ImageMeasurementTest {

    @Test
    void denoisingLossAndGradientByHand() {
        Batch y = Batch.row(0.5, -0.5, 0, 1);
        ImageMeasurement l = new ImageMeasurement(new Denoising(2), y, 0.5);
        Batch x = Batch.of(new double[][] {{0.5, -0.5, 0, 1}, {1, 0, 0, 0}});
        // row 1: residual (0.5, 0.5, 0, -1), |r|^2 = 1.5, / (2 * 0.25) = 3
        assertArrayEquals(new double[] {0, 3}, l.loss(x), 1e-15);
        assertArrayEquals(new double[] {0, 0, 0, 0, 2, 2, 0, -4}, l.gradient(x).data(), 1e-15);
    }

    @Test
    void gradientMatchesCentralDifferencesWithOneMeasurementPerRow() {
        for (String task : ImageTasks.NAMES) {
            ImageOperator a = ImageTasks.operator(task, 28, 3);
            Batch clean = Noise.gaussian(2, a.inputSize(), 5);
            ImageMeasurement l = ImageMeasurement.observe(a, clean, 0.2, 9);
            Batch x = Noise.gaussian(2, a.inputSize(), 11);
            Batch g = l.gradient(x);
            double h = 1e-5;
            for (int k = 0; k < a.inputSize(); k += 37) {
                Batch plus = x.copy();
                Batch minus = x.copy();
                plus.data()[a.inputSize() + k] += h;
                minus.data()[a.inputSize() + k] -= h;
                double fd = (l.loss(plus)[1] - l.loss(minus)[1]) / (2 * h);
                assertEquals(fd, g.get(1, k), 1e-6 * Math.max(1, Math.abs(fd)), task + " pixel " + k);
            }
        }
    }

    @Test
    void observeAddsSeededNoiseOfTheGivenSize() {
        ImageOperator a = new Denoising(28);
        Batch clean = Noise.gaussian(1, 784, 1);
        ImageMeasurement m = ImageMeasurement.observe(a, clean, 0.1, 4);
        assertArrayEquals(m.measured().data(), ImageMeasurement.observe(a, clean, 0.1, 4).measured().data(), 0.0);
        double[] r = m.residual(clean).data();
        double ss = 0;
        for (double v : r) {
            ss += v * v;
        }
        assertEquals(0.1, Math.sqrt(ss / r.length), 0.01); // 784 draws: the sample std is within ~3% of sigma_y
        assertEquals(ss / (2 * 0.01), m.loss(clean)[0], 1e-9);
    }

    @Test
    void badInputIsRejected() {
        ImageOperator a = new Denoising(4);
        assertThrows(IllegalArgumentException.class, () -> new ImageMeasurement(a, Batch.zeros(1, 16), 0));
        assertThrows(IllegalArgumentException.class, () -> new ImageMeasurement(a, Batch.zeros(1, 15), 0.1));
        ImageMeasurement m = new ImageMeasurement(a, Batch.zeros(2, 16), 0.1);
        assertThrows(IllegalArgumentException.class, () -> m.loss(Batch.zeros(3, 16)));
    }
}
