package gw.guidance;

import gw.tensor.Batch;

/**
 * Adam (Kingma and Ba) on every entry of a batch independently: m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2,
 * x -= lr mhat / (sqrt(vhat) + eps) with bias-corrected mhat, vhat. Rows never interact, so each row is its own
 * problem, as in a loop over particles.
 */
final class Adam {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPS = 1e-8;

    private final double learningRate;
    private double[] m;
    private double[] v;
    private int t;

    Adam(double learningRate) {
        this.learningRate = learningRate;
    }

    /** The next iterate from x and the gradient there (x is not modified). */
    Batch step(Batch x, Batch g) {
        double[] gd = g.data();
        if (m == null) {
            m = new double[gd.length];
            v = new double[gd.length];
        }
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        double[] out = x.data().clone();
        for (int i = 0; i < out.length; i++) {
            m[i] = BETA1 * m[i] + (1 - BETA1) * gd[i];
            v[i] = BETA2 * v[i] + (1 - BETA2) * gd[i] * gd[i];
            out[i] -= learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPS);
        }
        return new Batch(out, x.rows(), x.cols());
    }
}
