package gw.model;

import gw.path.PathPoint;
import gw.tensor.Batch;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Gaussian mixture data {w_k, mu_k, s_k (isotropic)} in any dimension D (MATH section 4). Closed-form posterior:
 * responsibilities by a max-subtracted softmax of component log-probabilities (log-sum-exp stable), then a
 * responsibility-weighted sum of per-component affine maps of x, fused into one pass over the particles.
 */
public final class GaussianMixture implements TargetPredictor, ClosedFormDensity {
    private final double[] weights;
    private final double[][] means;
    private final double[] stds;
    final int k;
    final int d;
    final double[] logWeights;
    final double[] variances;   // s_k^2
    final double[] meansFlat;   // [K * D]

    /**
     * @throws IllegalArgumentException unless K >= 1 weights are >= 0 and sum to 1 (within 1e-9), there are K
     *     means of one common dimension D >= 1, and K standard deviations are > 0, every value finite
     */
    public GaussianMixture(double[] weights, double[][] means, double[] stds) {
        validate(weights, means, stds);
        this.weights = weights.clone();
        this.k = weights.length;
        this.d = means[0].length;
        this.means = new double[k][];
        this.meansFlat = new double[k * d];
        this.stds = stds.clone();
        this.logWeights = new double[k];
        this.variances = new double[k];
        for (int j = 0; j < k; j++) {
            this.means[j] = means[j].clone();
            System.arraycopy(means[j], 0, meansFlat, j * d, d);
            logWeights[j] = Math.log(weights[j]);
            variances[j] = stds[j] * stds[j];
        }
    }

    private static void validate(double[] weights, double[][] means, double[] stds) {
        int k = weights.length;
        if (k == 0 || means.length != k || stds.length != k) {
            throw new IllegalArgumentException("a mixture needs K >= 1 weights, means and stds; got " + k + ", "
                    + means.length + ", " + stds.length);
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            if (!(weights[j] >= 0) || !Double.isFinite(weights[j])) {
                throw new IllegalArgumentException("weights[" + j + "] must be finite and >= 0, got " + weights[j]);
            }
            if (!(stds[j] > 0) || !Double.isFinite(stds[j])) {
                throw new IllegalArgumentException("stds[" + j + "] must be finite and > 0, got " + stds[j]);
            }
            if (means[j].length != means[0].length || means[j].length == 0) {
                throw new IllegalArgumentException("means[" + j + "] has " + means[j].length + " entries; every mean "
                        + "needs the same dimension D >= 1");
            }
            for (double m : means[j]) {
                if (!Double.isFinite(m)) {
                    throw new IllegalArgumentException("means[" + j + "] must be finite");
                }
            }
            sum += weights[j];
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("weights must sum to 1 (within 1e-9), got " + sum);
        }
    }

    @Override
    public int dim() {
        return d;
    }

    @Override
    public String kind() {
        return "gmm";
    }

    @Override
    public boolean acceptsAnyPathPoint() {
        return true;
    }

    @Override
    public double evaluationCost() {
        return 3.0 * k * (d + 2);
    }

    /** Input, velocity and the K responsibilities. */
    @Override
    public double retainedPerEvaluation() {
        return 2.0 * d + k;
    }

    @Override
    public Optional<ClosedFormDensity> density() {
        return Optional.of(this);
    }

    /** The union of the components' mean +- 3.5 std boxes. */
    @Override
    public double[][] extent() {
        double[][] box = new double[d][];
        for (int c = 0; c < d; c++) {
            box[c] = new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            for (int j = 0; j < k; j++) {
                box[c][0] = Math.min(box[c][0], means[j][c] - 3.5 * stds[j]);
                box[c][1] = Math.max(box[c][1], means[j][c] + 3.5 * stds[j]);
            }
        }
        return box;
    }

    @Override
    public Map<String, Object> specValue() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", kind());
        out.put("weights", weights());
        out.put("means", means());
        out.put("stds", stds());
        return out;
    }

    public int components() {
        return k;
    }

    public double[] weights() {
        return weights.clone();
    }

    public double[][] means() {
        double[][] copy = new double[k][];
        for (int j = 0; j < k; j++) {
            copy[j] = means[j].clone();
        }
        return copy;
    }

    public double[] stds() {
        return stds.clone();
    }

    @Override
    public Prediction predict(Batch x, PathPoint p) {
        return new MixturePrediction(this, x, p);
    }

    double[] pathVariances(double alpha, double sigma) {
        double[] var = new double[k];
        for (int j = 0; j < k; j++) {
            var[j] = alpha * alpha * variances[j] + sigma * sigma;
        }
        return var;
    }

    /**
     * Fills logits[i*K + j] = log w_j + log N(x_i; alpha mu_j, var_j I) and returns, per row, the log-sum-exp;
     * when {@code normalize}, turns logits into responsibilities in place.
     */
    double[] componentLogits(Batch x, double alpha, double[] var, double[] logits, boolean normalize) {
        double[] xs = x.data();
        int b = x.rows();
        double[] norm = new double[k];
        double[] halfInv = new double[k];
        double[] scaledMeans = scaledMeans(alpha);
        for (int j = 0; j < k; j++) {
            norm[j] = logWeights[j] - 0.5 * d * Math.log(2 * Math.PI * var[j]);
            halfInv[j] = 0.5 / var[j];
        }
        double[] lse = new double[b];
        for (int i = 0; i < b; i++) {
            int xo = i * d;
            int lo = i * k;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0, mo = 0; j < k; j++, mo += d) {
                double sq = 0;
                for (int c = 0; c < d; c++) {
                    double diff = xs[xo + c] - scaledMeans[mo + c];
                    sq += diff * diff;
                }
                double l = norm[j] - sq * halfInv[j];
                logits[lo + j] = l;
                max = Math.max(max, l);
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                double e = Math.exp(logits[lo + j] - max);
                sum += e;
                if (normalize) {
                    logits[lo + j] = e;
                }
            }
            if (normalize) {
                double inv = 1.0 / sum;
                for (int j = 0; j < k; j++) {
                    logits[lo + j] *= inv;
                }
            }
            lse[i] = max + Math.log(sum);
        }
        return lse;
    }

    /** alpha mu_k, flattened [K * D]. */
    double[] scaledMeans(double alpha) {
        double[] out = new double[meansFlat.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = alpha * meansFlat[i];
        }
        return out;
    }

    @Override
    public double[] logDensity(Batch x1) {
        return componentLogits(x1, 1.0, variances, new double[x1.rows() * k], false);
    }

    @Override
    public Batch sample(int n, Random rng) {
        double[] out = new double[n * d];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            int j = 0;
            double acc = weights[0];
            while (u > acc && j < k - 1) {
                acc += weights[++j];
            }
            for (int c = 0; c < d; c++) {
                out[i * d + c] = means[j][c] + stds[j] * rng.nextGaussian();
            }
        }
        return new Batch(out, n, d);
    }
}
