package gw.model;

import gw.path.PathPoint;
import gw.tensor.Batch;
import java.util.Random;

/**
 * Gaussian data N(mu, diag s^2) (MATH section 4): xhat1 = mu + (alpha s^2 / var)(x - alpha mu),
 * var = alpha^2 s^2 + sigma^2 per coordinate. Every output is affine in x with a diagonal Jacobian.
 */
public final class DiagonalGaussian implements TargetPredictor, ClosedFormDensity {
    private final double[] mean;
    private final double[] std;

    /** @throws IllegalArgumentException unless mean and std have one length D >= 1, std > 0, all finite */
    public DiagonalGaussian(double[] mean, double[] std) {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("mean and std need one length D >= 1; got " + mean.length + " and "
                    + std.length);
        }
        for (int i = 0; i < mean.length; i++) {
            if (!Double.isFinite(mean[i]) || !(std[i] > 0) || !Double.isFinite(std[i])) {
                throw new IllegalArgumentException("coordinate " + i + ": mean must be finite and std finite and > 0");
            }
        }
        this.mean = mean.clone();
        this.std = std.clone();
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] std() {
        return std.clone();
    }

    @Override
    public int dim() {
        return mean.length;
    }

    @Override
    public String kind() {
        return "gaussian";
    }

    @Override
    public boolean acceptsAnyPathPoint() {
        return true;
    }

    @Override
    public Prediction predict(Batch x, PathPoint p) {
        if (x.cols() != mean.length) {
            throw new IllegalArgumentException("x has " + x.cols() + " columns, the model has dimension " + mean.length);
        }
        int d = mean.length;
        // each output is x * slope + offset per coordinate: s1 (xhat1), s0 (xhat0), su (u) (MATH eq. (4.1))
        DiagonalAffinePrediction.Affine s1 = new DiagonalAffinePrediction.Affine(d);
        DiagonalAffinePrediction.Affine s0 = new DiagonalAffinePrediction.Affine(d);
        DiagonalAffinePrediction.Affine su = new DiagonalAffinePrediction.Affine(d);
        for (int i = 0; i < d; i++) {
            double s2 = std[i] * std[i];
            double var = p.alpha() * p.alpha() * s2 + p.sigma() * p.sigma();
            double c = p.alpha() * s2 / var;
            s1.slope()[i] = c;
            s1.offset()[i] = mean[i] * (1 - p.alpha() * c);
            double wSlope = 1.0 / var;
            double wOffset = -p.alpha() * mean[i] / var;
            s0.slope()[i] = p.sigma() * wSlope;
            s0.offset()[i] = p.sigma() * wOffset;
            su.slope()[i] = p.alphaDot() * s1.slope()[i] + p.sigmaSigmaDot() * wSlope;
            su.offset()[i] = p.alphaDot() * s1.offset()[i] + p.sigmaSigmaDot() * wOffset;
        }
        return new DiagonalAffinePrediction(x, s1, s0, su);
    }

    @Override
    public double[] logDensity(Batch x1) {
        int d = mean.length;
        double norm = 0;
        for (int c = 0; c < d; c++) {
            norm += Math.log(2 * Math.PI * std[c] * std[c]);
        }
        double[] out = new double[x1.rows()];
        for (int i = 0; i < out.length; i++) {
            double s = 0;
            for (int c = 0; c < d; c++) {
                double z = (x1.get(i, c) - mean[c]) / std[c];
                s += z * z;
            }
            out[i] = -0.5 * (s + norm);
        }
        return out;
    }

    @Override
    public Batch sample(int n, Random rng) {
        int d = mean.length;
        double[] out = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                out[i * d + c] = mean[c] + std[c] * rng.nextGaussian();
            }
        }
        return new Batch(out, n, d);
    }
}
