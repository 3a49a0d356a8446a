package gw.objective.image;

import gw.objective.Objective;
import gw.tensor.Batch;
import gw.tensor.Noise;

/**
 * An image inverse problem's data fit L(x) = |A x - y|^2 / (2 sigma_y^2), gradient A^T (A x - y) / sigma_y^2, for a
 * batch of flattened images. The measurements y are one row shared by every particle (several samples for one
 * image) or one row per particle (several images solved in one batch).
 */
public final class ImageMeasurement implements Objective {
    private final ImageOperator operator;
    private final Batch measured;
    private final double noiseStd;

    public ImageMeasurement(ImageOperator operator, Batch measured, double noiseStd) {
        if (!(noiseStd > 0 && Double.isFinite(noiseStd))) {
            throw new IllegalArgumentException("sigma_y must be > 0 and finite, got " + noiseStd);
        }
        if (measured.cols() != operator.outputSize() || measured.rows() < 1) {
            throw new IllegalArgumentException("measurements need rows of " + operator.outputSize() + " values for "
                    + operator.task() + ", got [" + measured.rows() + ", " + measured.cols() + "]");
        }
        this.operator = operator;
        this.measured = measured.copy();
        this.noiseStd = noiseStd;
    }

    /**
     * Measures clean images: y = A x + sigma_y eps, eps standard normal drawn from {@code seed}, so the same seed gives
     * the same measurement.
     */
    public static ImageMeasurement observe(ImageOperator operator, Batch clean, double noiseStd, long seed) {
        if (!(noiseStd > 0 && Double.isFinite(noiseStd))) {
            throw new IllegalArgumentException("sigma_y must be > 0 and finite, got " + noiseStd);
        }
        Batch y = operator.apply(clean);
        y.addScaled(Noise.gaussian(y.rows(), y.cols(), seed), noiseStd);
        return new ImageMeasurement(operator, y, noiseStd);
    }

    public ImageOperator operator() {
        return operator;
    }

    /** The measurements [1 or B, M] (a copy). */
    public Batch measured() {
        return measured.copy();
    }

    public double noiseStd() {
        return noiseStd;
    }

    @Override
    public String kind() {
        return operator.task();
    }

    @Override
    public int dim() {
        return operator.inputSize();
    }

    /** A x - y for every row: [B, M]. */
    public Batch residual(Batch x) {
        if (measured.rows() != 1 && measured.rows() != x.rows()) {
            throw new IllegalArgumentException(measured.rows() + " measurement rows for a batch of " + x.rows());
        }
        Batch r = operator.apply(x);
        double[] rd = r.data();
        double[] yd = measured.data();
        int m = r.cols();
        for (int i = 0; i < r.rows(); i++) {
            int yOff = measured.rows() == 1 ? 0 : i * m;
            for (int k = 0; k < m; k++) {
                rd[i * m + k] -= yd[yOff + k];
            }
        }
        return r;
    }

    @Override
    public double[] loss(Batch x1) {
        double[] l = residual(x1).rowNorms();
        double w = 1.0 / (2 * noiseStd * noiseStd);
        for (int i = 0; i < l.length; i++) {
            l[i] = w * l[i] * l[i];
        }
        return l;
    }

    @Override
    public Batch gradient(Batch x1) {
        Batch g = operator.adjoint(residual(x1));
        return g.scaled(1.0 / (noiseStd * noiseStd));
    }
}
