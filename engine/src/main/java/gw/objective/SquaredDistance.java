package gw.objective;

import gw.tensor.Batch;

/** L = (1/2) |x1 - target|^2, gradient x1 - target. */
public final class SquaredDistance implements Objective {
    private final double[] target;

    public SquaredDistance(double[] target) {
        this.target = target.clone();
    }

    public double[] target() {
        return target.clone();
    }

    @Override
    public String kind() {
        return "squared-distance";
    }

    @Override
    public int dim() {
        return target.length;
    }

    @Override
    public double[] loss(Batch x1) {
        Batch diff = gradient(x1);
        double[] l = diff.rowDot(diff);
        for (int i = 0; i < l.length; i++) {
            l[i] *= 0.5;
        }
        return l;
    }

    @Override
    public Batch gradient(Batch x1) {
        double[] a = x1.data();
        double[] o = new double[a.length];
        int d = target.length;
        for (int i = 0; i < a.length; i++) {
            o[i] = a[i] - target[i % d];
        }
        return new Batch(o, x1.rows(), d);
    }
}
