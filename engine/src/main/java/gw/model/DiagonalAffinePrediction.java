package gw.model;

import gw.tensor.Batch;

/** Outputs of the form x * slope + offset per coordinate, so every VJP is v * slope. */
final class DiagonalAffinePrediction implements Prediction {
    private final Batch x;
    private final double[][] s1;
    private final double[][] s0;
    private final double[][] su;

    DiagonalAffinePrediction(Batch x, double[][] s1, double[][] s0, double[][] su) {
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

    @Override public Batch xhat1() { return affine(x, s1[0], s1[1]); }
    @Override public Batch xhat0() { return affine(x, s0[0], s0[1]); }
    @Override public Batch velocity() { return affine(x, su[0], su[1]); }
    @Override public Batch vjpXhat1(Batch v) { return affine(v, s1[0], null); }
    @Override public Batch vjpXhat0(Batch v) { return affine(v, s0[0], null); }
    @Override public Batch vjpVelocity(Batch v) { return affine(v, su[0], null); }
    @Override public long retainedBytes() { return x.bytes(); }
}
