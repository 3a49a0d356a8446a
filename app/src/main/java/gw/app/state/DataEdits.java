package gw.app.state;

import gw.model.GaussianMixture;
import gw.model.TargetPredictor;
import java.util.Arrays;
import java.util.Optional;

/**
 * Hand edits of the data distribution: move a component's mean, widen or narrow it, change its weight, add or
 * remove a component. Each edit returns a new model (models are immutable), so a run stays a pure function of its
 * settings. Only 2-D Gaussian mixtures are editable; {@link #of} is the one place that asks, so other models
 * (learned ones, a single Gaussian) simply show no handles.
 */
public final class DataEdits {
    public static final double MIN_STD = 0.03;
    public static final double MAX_STD = 5;
    public static final int MAX_COMPONENTS = 12;
    private final GaussianMixture g;

    private DataEdits(GaussianMixture g) {
        this.g = g;
    }

    /** Edits of the model, when it is an editable 2-D mixture. */
    public static Optional<DataEdits> of(TargetPredictor model) {
        return model instanceof GaussianMixture m && m.dim() == 2 ? Optional.of(new DataEdits(m)) : Optional.empty();
    }

    public double[][] means() {
        return g.means();
    }

    public double[] weights() {
        return g.weights();
    }

    public double[] stds() {
        return g.stds();
    }

    public GaussianMixture moveMean(int k, double x, double y) {
        double[][] m = g.means();
        m[k] = new double[] {x, y};
        return new GaussianMixture(g.weights(), m, g.stds());
    }

    /** Multiplies component k's std by a factor, kept within [MIN_STD, MAX_STD]. */
    public GaussianMixture scaleStd(int k, double factor) {
        double[] s = g.stds();
        s[k] = Math.max(MIN_STD, Math.min(MAX_STD, s[k] * factor));
        return new GaussianMixture(g.weights(), g.means(), s);
    }

    /**
     * Gives component k the weight w (clamped to [0.01, 0.99]) and rescales the others so the weights still sum
     * to 1, keeping their proportions.
     */
    public GaussianMixture setWeight(int k, double w) {
        double[] v = g.weights();
        if (v.length == 1) {
            return g;
        }
        w = Math.max(0.01, Math.min(0.99, w));
        double rest = 1 - v[k];
        for (int j = 0; j < v.length; j++) {
            v[j] = j == k ? w : (rest > 0 ? v[j] / rest * (1 - w) : (1 - w) / (v.length - 1));
        }
        return new GaussianMixture(normalized(v), g.means(), g.stds());
    }

    /** Adds a component at (x, y) with the given std and an equal share of the weight (the others shrink). */
    public GaussianMixture add(double x, double y, double std) {
        int k = g.components();
        if (k >= MAX_COMPONENTS) {
            throw new IllegalArgumentException("A mixture here has at most " + MAX_COMPONENTS + " components");
        }
        double[] w = new double[k + 1];
        double[][] m = Arrays.copyOf(g.means(), k + 1);
        double[] s = Arrays.copyOf(g.stds(), k + 1);
        double[] old = g.weights();
        for (int j = 0; j < k; j++) {
            w[j] = old[j] * k / (k + 1.0);
        }
        w[k] = 1.0 / (k + 1);
        m[k] = new double[] {x, y};
        s[k] = std;
        return new GaussianMixture(normalized(w), m, s);
    }

    /** Removes component k (the last one stays: a mixture needs one). */
    public GaussianMixture remove(int k) {
        int n = g.components();
        if (n <= 1) {
            throw new IllegalArgumentException("The data needs at least one component");
        }
        double[] w = new double[n - 1];
        double[][] m = new double[n - 1][];
        double[] s = new double[n - 1];
        for (int j = 0, i = 0; j < n; j++) {
            if (j != k) {
                w[i] = g.weights()[j];
                m[i] = g.means()[j];
                s[i] = g.stds()[j];
                i++;
            }
        }
        return new GaussianMixture(normalized(w), m, s);
    }

    private static double[] normalized(double[] w) {
        double sum = Arrays.stream(w).sum();
        double[] out = new double[w.length];
        double acc = 0;
        for (int j = 0; j < w.length - 1; j++) {
            out[j] = w[j] / sum;
            acc += out[j];
        }
        out[w.length - 1] = 1 - acc;
        return out;
    }
}
