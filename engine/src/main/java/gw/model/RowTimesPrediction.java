package gw.model;

import gw.path.PathPoint;
import gw.tensor.Batch;
import java.util.function.UnaryOperator;

/**
 * A network's prediction with row r at its own path point p_r (one pass for rows at different times): the
 * identities of {@link NetworkPrediction}, with each row's coefficients, from xhat1 and its input VJP.
 */
final class RowTimesPrediction implements Prediction {
    private final Batch x;
    private final Batch xhat1;
    private final UnaryOperator<Batch> vjp;
    private final double[] invSigma; // 1/sigma, 0 where sigma = 0 (xhat0 is 0 there)
    private final double[] alphaOverSigma; // -alpha/sigma, 0 where sigma = 0
    private final double[] xhat1Coef; // alphaDot - c alpha
    private final double[] xCoef; // c = sigma sigmaDot / sigma^2, 0 where sigma = 0

    RowTimesPrediction(Batch x, PathPoint[] p, Batch xhat1, UnaryOperator<Batch> vjp) {
        this.x = x;
        this.xhat1 = xhat1;
        this.vjp = vjp;
        int n = x.rows();
        invSigma = new double[n];
        alphaOverSigma = new double[n];
        xhat1Coef = new double[n];
        xCoef = new double[n];
        for (int r = 0; r < n; r++) {
            double s = p[r].sigma();
            double c = s == 0 ? 0.0 : p[r].sigmaSigmaDot() / (s * s);
            invSigma[r] = s == 0 ? 0.0 : 1.0 / s;
            alphaOverSigma[r] = s == 0 ? 0.0 : -p[r].alpha() / s;
            xhat1Coef[r] = p[r].alphaDot() - c * p[r].alpha();
            xCoef[r] = c;
        }
    }

    /** a_r y + b_r z, row by row (as Batch.combine computes each entry). */
    static Batch combineRows(Batch y, double[] a, Batch z, double[] b) {
        double[] o = new double[y.data().length];
        double[] yd = y.data();
        double[] zd = z.data();
        int d = y.cols();
        for (int i = 0; i < o.length; i++) {
            o[i] = a[i / d] * yd[i] + b[i / d] * zd[i];
        }
        return new Batch(o, y.rows(), d);
    }

    @Override
    public Batch xhat1() {
        return xhat1;
    }

    @Override
    public Batch xhat0() {
        return combineRows(x, invSigma, xhat1, alphaOverSigma);
    }

    @Override
    public Batch velocity() {
        return combineRows(xhat1, xhat1Coef, x, xCoef);
    }

    @Override
    public Batch vjpXhat1(Batch v) {
        return vjp.apply(v);
    }

    @Override
    public Batch vjpXhat0(Batch v) {
        return combineRows(v, invSigma, vjpXhat1(v), alphaOverSigma);
    }

    @Override
    public Batch vjpVelocity(Batch v) {
        return combineRows(vjpXhat1(v), xhat1Coef, v, xCoef);
    }

    @Override
    public long retainedBytes() {
        return x.bytes() + xhat1.bytes();
    }
}
