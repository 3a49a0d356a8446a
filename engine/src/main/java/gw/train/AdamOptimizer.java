package gw.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam (Kingma and Ba) with bias correction on a flat parameter vector, a handful of whole-vector ND4J ops per step,
 * and the learning-rate schedule: linear warm-up from lr/warmup to lr, then cosine decay to 0 at the last step.
 */
final class AdamOptimizer {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPS = 1e-8;
    private final INDArray m;
    private final INDArray v;

    AdamOptimizer(INDArray m, INDArray v) {
        this.m = m;
        this.v = v;
    }

    INDArray m() {
        return m;
    }

    INDArray v() {
        return v;
    }

    static double learningRate(TrainSpec.Settings s, int step) {
        if (step < s.warmup()) {
            return s.learningRate() * (step + 1) / s.warmup();
        }
        int decaySteps = Math.max(1, s.steps() - s.warmup());
        return s.learningRate() * 0.5 * (1 + Math.cos(Math.PI * (step - s.warmup()) / decaySteps));
    }

    /** One update of {@code theta} by gradient {@code g}; {@code step} counts from 0. */
    void update(INDArray theta, INDArray g, double lr, int step) {
        int t = step + 1;
        m.muli(BETA1).addi(g.mul(1 - BETA1));
        v.muli(BETA2).addi(g.mul(g).muli(1 - BETA2));
        INDArray denom = Transforms.sqrt(v, true).divi(Math.sqrt(1 - Math.pow(BETA2, t))).addi(EPS);
        theta.subi(m.div(denom).muli(lr / (1 - Math.pow(BETA1, t))));
    }
}
