package gw.metric;

import gw.tensor.Batch;

/**
 * Reconstruction quality of square grey-scale images against a reference, image by image: PSNR and SSIM for a given
 * data range (2 for pixels in [-1, 1]).
 *
 * <p>PSNR = 10 log10(R^2 / MSE) in dB, +infinity for identical images.
 *
 * <p>SSIM after Wang, Bovik, Sheikh and Simoncelli (2004): local means, variances and covariance under a normalised
 * 11 x 11 Gaussian window of standard deviation 1.5, SSIM map (2 mu_x mu_y + C1)(2 s_xy + C2) /
 * ((mu_x^2 + mu_y^2 + C1)(s_x^2 + s_y^2 + C2)) with C1 = (0.01 R)^2, C2 = (0.03 R)^2, averaged over the positions
 * where the window lies inside the image (18 x 18 of them in a 28 x 28 image: no padding is assumed), and the
 * window-weighted (not the sample-corrected) moments, as in the authors' reference code.
 */
public final class ImageQuality {
    public static final int WINDOW = 11;
    public static final double WINDOW_SIGMA = 1.5;
    public static final double K1 = 0.01;
    public static final double K2 = 0.03;
    private static final double[] GAUSS = gaussian(WINDOW, WINDOW_SIGMA);

    private ImageQuality() {
    }

    /** The normalised 1-D Gaussian whose outer product is the SSIM window. */
    static double[] gaussian(int size, double sigma) {
        double[] g = new double[size];
        double total = 0;
        for (int i = 0; i < size; i++) {
            double d = i - (size - 1) / 2.0;
            g[i] = Math.exp(-d * d / (2 * sigma * sigma));
            total += g[i];
        }
        for (int i = 0; i < size; i++) {
            g[i] /= total;
        }
        return g;
    }

    public static double psnr(double[] x, double[] ref, double range) {
        checkSameLength(x, ref);
        double se = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - ref[i];
            se += d * d;
        }
        return 10 * Math.log10(range * range / (se / x.length));
    }

    /** SSIM of image x against ref, both side x side row-major, side >= 11. */
    public static double ssim(double[] x, double[] ref, int side, double range) {
        checkSameLength(x, ref);
        if (x.length != side * side || side < WINDOW) {
            throw new IllegalArgumentException("SSIM needs square images of side >= " + WINDOW + ", got " + x.length
                    + " pixels for side " + side);
        }
        int n = side - WINDOW + 1;
        double[] xx = new double[x.length];
        double[] yy = new double[x.length];
        double[] xy = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xx[i] = x[i] * x[i];
            yy[i] = ref[i] * ref[i];
            xy[i] = x[i] * ref[i];
        }
        double[] mx = filter(x, side);
        double[] my = filter(ref, side);
        double[] sxx = filter(xx, side);
        double[] syy = filter(yy, side);
        double[] sxy = filter(xy, side);
        double c1 = (K1 * range) * (K1 * range);
        double c2 = (K2 * range) * (K2 * range);
        double sum = 0;
        for (int k = 0; k < n * n; k++) {
            double vx = sxx[k] - mx[k] * mx[k];
            double vy = syy[k] - my[k] * my[k];
            double cov = sxy[k] - mx[k] * my[k];
            sum += (2 * mx[k] * my[k] + c1) * (2 * cov + c2)
                    / ((mx[k] * mx[k] + my[k] * my[k] + c1) * (vx + vy + c2));
        }
        return sum / (n * n);
    }

    /** The window-weighted average at every valid position, separably: [(side - 10)^2]. */
    private static double[] filter(double[] img, int side) {
        int n = side - WINDOW + 1;
        double[] rows = new double[side * n];
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < n; c++) {
                double s = 0;
                for (int k = 0; k < WINDOW; k++) {
                    s += GAUSS[k] * img[r * side + c + k];
                }
                rows[r * n + c] = s;
            }
        }
        double[] out = new double[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double s = 0;
                for (int k = 0; k < WINDOW; k++) {
                    s += GAUSS[k] * rows[(r + k) * n + c];
                }
                out[r * n + c] = s;
            }
        }
        return out;
    }

    /** PSNR of each row of x against the same row of ref (or a single reference row): [B]. */
    public static double[] psnr(Batch x, Batch ref, double range) {
        double[] out = new double[x.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = psnr(x.row(i), refRow(ref, i, x), range);
        }
        return out;
    }

    /** SSIM of each row of x against the same row of ref (or a single reference row): [B]. */
    public static double[] ssim(Batch x, Batch ref, int side, double range) {
        double[] out = new double[x.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ssim(x.row(i), refRow(ref, i, x), side, range);
        }
        return out;
    }

    private static double[] refRow(Batch ref, int i, Batch x) {
        if (ref.rows() != 1 && ref.rows() != x.rows()) {
            throw new IllegalArgumentException(ref.rows() + " reference images for " + x.rows() + " images");
        }
        return ref.row(ref.rows() == 1 ? 0 : i);
    }

    private static void checkSameLength(double[] x, double[] ref) {
        if (x.length != ref.length || x.length == 0) {
            throw new IllegalArgumentException("images differ in size: " + x.length + " and " + ref.length + " pixels");
        }
    }
}
