package gw.model;

import gw.tensor.Batch;

/** Outputs of the form x * slope + offset per coordinate, so every VJP is v * slope. */
final class DiagonalAffinePrediction implements Prediction {
    /** One output's per-coordinate slope and offset. */
    record Affine(double[] slope, double[] offset) {
        Affine(int d) {
            this(new double[d], new double[d]);
        }
    }

    private final Batch x;
    private final Affine s1;
    private final Affine s0;
    private final Affine su;

    DiagonalAffinePrediction(Batch x, Affine s1, Affine s0, Affine su) {
        this.x = x;
        this.s1 = s1;
        this.s0 = s0;
        this.su = su;
    }

    private static Batch affine(Batch in, double[] slope, double[] offset) {
        int d = in.cols();
        double[] a = in.data();
        double[] o = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            int c = i % d;
            o[i] = a[i] * slope[c] + (offset == null ? 0.0 : offset[c]);
        }
        return new Batch(o, in.rows(), d);
    }

    @Override public Batch xhat1() { return affine(x, s1.slope(), s1.offset()); }
    @Override public Batch xhat0() { return affine(x, s0.slope(), s0.offset()); }
    @Override public Batch velocity() { return affine(x, su.slope(), su.offset()); }
    @Override public Batch vjpXhat1(Batch v) { return affine(v, s1.slope(), null); }
    @Override public Batch vjpXhat0(Batch v) { return affine(v, s0.slope(), null); }
    @Override public Batch vjpVelocity(Batch v) { return affine(v, su.slope(), null); }
    @Override public long retainedBytes() { return x.bytes(); }
}
