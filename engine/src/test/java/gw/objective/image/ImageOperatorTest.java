package gw.objective.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.tensor.Batch;
import gw.tensor.Noise;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Each operator's adjoint against its forward map, and the values each must produce by construction. */
class ImageOperatorTest {
    private static final int SIDE = 28;

    @Test
    void everyAdjointSatisfiesTheInnerProductIdentity() {
        for (String task : ImageTasks.NAMES) {
            ImageOperator a = ImageTasks.operator(task, SIDE, 7);
            Batch x = Noise.gaussian(3, a.inputSize(), 1);
            Batch y = Noise.gaussian(3, a.outputSize(), 2);
            double[] lhs = a.apply(x).rowDot(y);
            double[] rhs = x.rowDot(a.adjoint(y));
            for (int i = 0; i < 3; i++) {
                assertEquals(lhs[i], rhs[i], 1e-10, task);
                assertTrue(Math.abs(lhs[i]) > 1e-3, task + ": a vanishing inner product tests nothing");
            }
        }
    }

    @Test
    void randomMaskHidesSeventyPercentReproducibly() {
        Masking a = Masking.random(SIDE, 0.7, 42);
        assertEquals(784 - 549, a.outputSize()); // round(0.7 * 784) = 549 hidden
        assertArrayEquals(a.observed(), Masking.random(SIDE, 0.7, 42).observed());
        assertFalse(Arrays.equals(a.observed(), Masking.random(SIDE, 0.7, 43).observed()));
        double[] x = new double[784];
        for (int k = 0; k < 784; k++) {
            x[k] = k;
        }
        double[] y = new double[a.outputSize()];
        a.apply(x, 0, y, 0);
        assertArrayEquals(Arrays.stream(a.observed()).asDoubleStream().toArray(), y, 0.0);
        double[] back = new double[784];
        a.adjoint(y, 0, back, 0);
        double[] mask = a.mask();
        for (int k = 0; k < 784; k++) {
            assertEquals(mask[k] * k, back[k], 0.0);
        }
    }

    @Test
    void boxMaskHidesTheCentralTwelveByTwelve() {
        double[] mask = Masking.box(SIDE, 12).mask();
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                boolean hidden = r >= 8 && r < 20 && c >= 8 && c < 20;
                assertEquals(hidden ? 0.0 : 1.0, mask[r * SIDE + c], "pixel " + r + "," + c);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Masking.box(SIDE, 28));
    }

    @Test
    void averagePoolingAveragesBlocks() {
        AveragePooling a = new AveragePooling(4, 2);
        double[] x = {1, 2, 0, 0, 3, 4, 0, 8, 1, 1, 5, 5, 1, 1, 5, 5};
        double[] y = new double[4];
        a.apply(x, 0, y, 0);
        assertArrayEquals(new double[] {2.5, 2, 1, 5}, y, 1e-15);
        double[] back = new double[16];
        a.adjoint(new double[] {4, 0, 0, 8}, 0, back, 0);
        assertArrayEquals(new double[] {1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 2, 2, 0, 0, 2, 2}, back, 1e-15);
        assertEquals(49, new AveragePooling(SIDE, 4).outputSize());
        assertThrows(IllegalArgumentException.class, () -> new AveragePooling(SIDE, 3));
    }

    @Test
    void blurKernelIsANormalisedGaussianAndKeepsConstants() {
        GaussianBlur a = new GaussianBlur(SIDE, 1.5, 9);
        double[] k = a.kernel();
        assertEquals(1.0, Arrays.stream(k).sum(), 1e-14);
        // k[a, b] proportional to exp(-((a-4)^2 + (b-4)^2) / (2 * 1.5^2))
        assertEquals(Math.exp(-(1 + 4) / 4.5), k[3 * 9 + 6] / k[4 * 9 + 4], 1e-14);
        double[] x = new double[784];
        Arrays.fill(x, -0.3);
        double[] y = new double[784];
        a.apply(x, 0, y, 0);
        for (double v : y) {
            assertEquals(-0.3, v, 1e-14); // reflection keeps a constant image constant, border included
        }
        // an interior point blurs into the kernel itself
        Arrays.fill(x, 0);
        x[14 * SIDE + 14] = 1;
        a.apply(x, 0, y, 0);
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 9; j++) {
                assertEquals(k[i * 9 + j], y[(10 + i) * SIDE + 10 + j], 1e-15);
            }
        }
        // next to the corner: reflection (column -1 reads column 1) lets corner pixel (0, 0) see (0, 1) twice,
        // while (0, 0) itself is not repeated, so it reaches (0, 1) once
        Arrays.fill(x, 0);
        x[1] = 1;
        a.apply(x, 0, y, 0);
        assertEquals(k[4 * 9 + 5] + k[4 * 9 + 3], y[0], 1e-15);
        assertEquals(k[4 * 9 + 4] + k[4 * 9 + 2], y[1], 1e-15);
    }

    @Test
    void unknownTaskNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageTasks.operator("colorize", SIDE, 0));
        assertTrue(e.getMessage().contains("inpaint-random") && e.getMessage().contains("colorize"), e.getMessage());
    }
}
