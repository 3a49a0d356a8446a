package gw.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.tensor.Batch;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** PSNR and SSIM on cases with a closed form, and SSIM against a window-by-window evaluation of its definition. */
class ImageQualityTest {
    private static final int SIDE = 28;
    private static final double R = 2.0;

    private static double[] random(long seed) {
        Random rng = new Random(seed);
        double[] x = new double[SIDE * SIDE];
        for (int i = 0; i < x.length; i++) {
            x[i] = 2 * rng.nextDouble() - 1;
        }
        return x;
    }

    @Test
    void identicalImages() {
        double[] x = random(1);
        assertEquals(Double.POSITIVE_INFINITY, ImageQuality.psnr(x, x.clone(), R));
        assertEquals(1.0, ImageQuality.ssim(x, x.clone(), SIDE, R), 1e-12);
    }

    @Test
    void psnrOfAConstantOffset() {
        double[] x = random(2);
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += 0.1;
        }
        // MSE = 0.01: PSNR = 10 log10(4 / 0.01) = 26.0206 dB
        assertEquals(10 * Math.log10(400), ImageQuality.psnr(y, x, R), 1e-10);
        assertEquals(26.0206, ImageQuality.psnr(y, x, R), 1e-4);
    }

    @Test
    void ssimOfConstantImagesIsItsLuminanceTerm() {
        double[] a = new double[SIDE * SIDE];
        double[] b = new double[SIDE * SIDE];
        Arrays.fill(a, 0.5);
        Arrays.fill(b, -0.25);
        double c1 = 0.02 * 0.02;
        // no variance anywhere: the structure term is (0 + C2)/(0 + C2) = 1
        double expected = (2 * 0.5 * -0.25 + c1) / (0.25 + 0.0625 + c1);
        assertEquals(expected, ImageQuality.ssim(a, b, SIDE, R), 1e-12);
    }

    @Test
    void ssimMatchesItsDefinitionWindowByWindow() {
        double[] x = random(3);
        double[] y = random(4);
        for (int i = 0; i < y.length; i++) {
            y[i] = 0.6 * x[i] + 0.4 * y[i]; // correlated, so SSIM is well inside (0, 1)
        }
        double direct = direct(x, y);
        double ssim = ImageQuality.ssim(x, y, SIDE, R);
        assertEquals(direct, ssim, 1e-12);
        assertTrue(ssim > 0.2 && ssim < 0.95, "ssim " + ssim);
        assertEquals(ssim, ImageQuality.ssim(y, x, SIDE, R), 1e-12); // symmetric
    }

    /** The definition, one 11 x 11 window at a time with the 2-D Gaussian weights w(a, b). */
    private static double direct(double[] x, double[] y) {
        double[][] w = new double[11][11];
        double tot = 0;
        for (int a = 0; a < 11; a++) {
            for (int b = 0; b < 11; b++) {
                w[a][b] = Math.exp(-((a - 5) * (a - 5) + (b - 5) * (b - 5)) / (2 * 1.5 * 1.5));
                tot += w[a][b];
            }
        }
        double c1 = Math.pow(0.01 * R, 2);
        double c2 = Math.pow(0.03 * R, 2);
        double sum = 0;
        int n = SIDE - 10;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double mx = 0;
                double my = 0;
                for (int a = 0; a < 11; a++) {
                    for (int b = 0; b < 11; b++) {
                        mx += w[a][b] / tot * x[(r + a) * SIDE + c + b];
                        my += w[a][b] / tot * y[(r + a) * SIDE + c + b];
                    }
                }
                double vx = 0;
                double vy = 0;
                double cov = 0;
                for (int a = 0; a < 11; a++) {
                    for (int b = 0; b < 11; b++) {
                        double dx = x[(r + a) * SIDE + c + b] - mx;
                        double dy = y[(r + a) * SIDE + c + b] - my;
                        vx += w[a][b] / tot * dx * dx;
                        vy += w[a][b] / tot * dy * dy;
                        cov += w[a][b] / tot * dx * dy;
                    }
                }
                sum += (2 * mx * my + c1) * (2 * cov + c2) / ((mx * mx + my * my + c1) * (vx + vy + c2));
            }
        }
        return sum / (n * n);
    }

    @Test
    void batchesCompareRowByRowOrAgainstOneReference() {
        double[] x = random(5);
        double[] shifted = Arrays.stream(x).map(v -> v + 0.2).toArray();
        Batch b = Batch.of(new double[][] {x, shifted});
        double[] psnr = ImageQuality.psnr(b, Batch.row(x), R);
        assertEquals(Double.POSITIVE_INFINITY, psnr[0]);
        assertEquals(10 * Math.log10(4 / 0.04), psnr[1], 1e-10);
        assertArrayEquals(new double[] {1, 1}, ImageQuality.ssim(b, b, SIDE, R), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> ImageQuality.ssim(new double[100], new double[100], 10, R));
    }
}
