package gw.objective;

import gw.tensor.Batch;

/** An inverse problem's data fit L = |A x1 - y|^2 / (2 sigma_y^2), A an [M, D] linear operator. */
public final class Measurement implements Objective {
    private final double[][] operator;
    private final double[] measured;
    private final double noiseStd;

    public Measurement(double[][] operator, double[] measured, double noiseStd) {
        if (!(noiseStd > 0)) {
            throw new IllegalArgumentException("noiseStd must be > 0, got " + noiseStd);
        }
        if (operator.length == 0 || operator.length != measured.length) {
            throw new IllegalArgumentException("operator needs M >= 1 rows, one per entry of y; got " + operator.length
                    + " rows and " + measured.length + " measurements");
        }
        for (double[] row : operator) {
            if (row.length != operator[0].length || row.length == 0) {
                throw new IllegalArgumentException("every operator row needs the same length D >= 1");
            }
        }
        this.operator = new double[operator.length][];
        for (int m = 0; m < operator.length; m++) {
            this.operator[m] = operator[m].clone();
        }
        this.measured = measured.clone();
        this.noiseStd = noiseStd;
    }

    public double[][] operator() {
        double[][] copy = new double[operator.length][];
        for (int m = 0; m < operator.length; m++) {
            copy[m] = operator[m].clone();
        }
        return copy;
    }

    public double[] measured() {
        return measured.clone();
    }

    public double noiseStd() {
        return noiseStd;
    }

    @Override
    public String kind() {
        return "measurement";
    }

    @Override
    public int dim() {
        return operator[0].length;
    }

    /** (A x_i - y) / sigma_y for every row: [B][M]. */
    private double[][] scaledResidual(Batch x1) {
        double[][] res = new double[x1.rows()][operator.length];
        double[] x = x1.data();
        int d = x1.cols();
        for (int i = 0; i < x1.rows(); i++) {
            for (int m = 0; m < operator.length; m++) {
                double s = -measured[m];
                for (int c = 0; c < d; c++) {
                    s += operator[m][c] * x[i * d + c];
                }
                res[i][m] = s / noiseStd;
            }
        }
        return res;
    }

    @Override
    public double[] loss(Batch x1) {
        double[][] res = scaledResidual(x1);
        double[] l = new double[res.length];
        for (int i = 0; i < res.length; i++) {
            for (double r : res[i]) {
                l[i] += 0.5 * r * r;
            }
        }
        return l;
    }

    @Override
    public Batch gradient(Batch x1) {
        double[][] res = scaledResidual(x1);
        int d = x1.cols();
        double[] g = new double[x1.rows() * d];
        for (int i = 0; i < res.length; i++) {
            for (int m = 0; m < operator.length; m++) {
                double r = res[i][m] / noiseStd;
                for (int c = 0; c < d; c++) {
                    g[i * d + c] += operator[m][c] * r;
                }
            }
        }
        return new Batch(g, x1.rows(), d);
    }
}
