package gw.objective.image;

import java.util.Arrays;

/**
 * Deblurring: A convolves with a normalised size x size Gaussian kernel of standard deviation sigma (pixels), output
 * the same size as the image. Boundary: reflection without repeating the edge pixel (d c b | a b c d | c b a), as in
 * DPS's blur operators, so the blurred border still looks like the image; zero padding would pull the border towards
 * 0, which in [-1, 1] is mid-grey, not Fashion-MNIST's black background. A is then the kernel applied to the
 * reflection-padded image and A^T scatters k[a, b] y[i, j] back through the same reflected indices, so
 * <A x, y> = <x, A^T y> holds exactly (A is not symmetric near the border).
 */
public final class GaussianBlur implements ImageOperator {
    private final int side;
    private final int size;
    private final double sigma;
    private final double[] kernel;
    /** Source pixel coordinate for padded coordinate p - half, p in 0..side + 2 half - 1. */
    private final int[] reflect;

    public GaussianBlur(int side, double sigma, int size) {
        Masking.checkSide(side);
        if (!(sigma > 0 && sigma <= 100)) {
            throw new IllegalArgumentException("blur sigma must be in (0, 100] pixels, got " + sigma);
        }
        if (size < 1 || size % 2 == 0 || size / 2 >= side) {
            throw new IllegalArgumentException("blur kernel size must be odd and its half-width below the image side "
                    + side + ", got " + size);
        }
        this.side = side;
        this.size = size;
        this.sigma = sigma;
        int half = size / 2;
        double[] g = new double[size];
        double total = 0;
        for (int a = 0; a < size; a++) {
            g[a] = Math.exp(-0.5 * (a - half) * (a - half) / (sigma * sigma));
            total += g[a];
        }
        this.kernel = new double[size * size];
        for (int a = 0; a < size; a++) {
            for (int b = 0; b < size; b++) {
                kernel[a * size + b] = g[a] * g[b] / (total * total);
            }
        }
        this.reflect = new int[side + 2 * half];
        for (int p = 0; p < reflect.length; p++) {
            int q = p - half;
            reflect[p] = q < 0 ? -q : q >= side ? 2 * (side - 1) - q : q;
        }
    }

    /** The normalised kernel, row-major size x size. */
    public double[] kernel() {
        return kernel.clone();
    }

    public double sigma() {
        return sigma;
    }

    @Override
    public String task() {
        return "deblur";
    }

    @Override
    public int side() {
        return side;
    }

    @Override
    public int outputSize() {
        return side * side;
    }

    @Override
    public void apply(double[] x, int xOff, double[] y, int yOff) {
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                double s = 0;
                for (int a = 0; a < size; a++) {
                    int row = xOff + reflect[i + a] * side;
                    int k = a * size;
                    for (int b = 0; b < size; b++) {
                        s += kernel[k + b] * x[row + reflect[j + b]];
                    }
                }
                y[yOff + i * side + j] = s;
            }
        }
    }

    @Override
    public void adjoint(double[] y, int yOff, double[] x, int xOff) {
        Arrays.fill(x, xOff, xOff + side * side, 0.0);
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                double v = y[yOff + i * side + j];
                for (int a = 0; a < size; a++) {
                    int row = xOff + reflect[i + a] * side;
                    int k = a * size;
                    for (int b = 0; b < size; b++) {
                        x[row + reflect[j + b]] += kernel[k + b] * v;
                    }
                }
            }
        }
    }
}
