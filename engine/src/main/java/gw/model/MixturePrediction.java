package gw.model;

import gw.path.PathPoint;
import gw.tensor.Batch;

/**
 * The Gaussian-mixture posterior at one path point. Every output has the form
 * y = sum_k r_k (p_k x + q_k mu_k) with per-component scalars (p_k, q_k):
 * xhat1: p = c_k, q = 1 - alpha c_k with c_k = alpha s_k^2 / var_k;
 * w = -score: p = 1/var_k, q = -alpha/var_k; xhat0 = sigma w; u = alphaDot xhat1 + (sigma sigmaDot) w,
 * which stays finite where sigmaDot does not. Its VJP is analytic:
 * v^T dy/dx = (r.p) v + sum_k beta_k grad l_k, beta_k = r_k (a_k - sum_j r_j a_j), a_k = v.(p_k x + q_k mu_k),
 * grad l_k = -(x - alpha mu_k)/var_k the gradient of component k's log-probability.
 */
final class MixturePrediction implements Prediction {
    private final GaussianMixture m;
    private final Batch x;
    private final PathPoint p;
    private final double[] var;
    private final double[] r;
    private Batch xhat1;
    private Batch xhat0;
    private Batch velocity;

    MixturePrediction(GaussianMixture m, Batch x, PathPoint p) {
        if (x.cols() != m.d) {
            throw new IllegalArgumentException("x has " + x.cols() + " columns, the model has dimension " + m.d);
        }
        this.m = m;
        this.x = x;
        this.p = p;
        this.var = m.pathVariances(p.alpha(), p.sigma());
        this.r = new double[x.rows() * m.k];
        m.componentLogits(x, p.alpha(), var, r, true);
    }

    /** The per-component scalars of y = sum_k r_k (p_k x + q_k mu_k) (MATH eq. (4.3)). */
    private record Coefficients(double[] p, double[] q) {
        Coefficients(int k) {
            this(new double[k], new double[k]);
        }
    }

    private Coefficients xhat1Coefficients() {
        double a = p.alpha();
        Coefficients pq = new Coefficients(m.k);
        for (int j = 0; j < m.k; j++) {
            double c = a * m.variances[j] / var[j];
            pq.p()[j] = c;
            pq.q()[j] = 1 - a * c;
        }
        return pq;
    }

    /** Coefficients of w = xhat0 / sigma, scaled by {@code scale}. */
    private Coefficients scoreCoefficients(double scale) {
        Coefficients pq = new Coefficients(m.k);
        for (int j = 0; j < m.k; j++) {
            pq.p()[j] = scale / var[j];
            pq.q()[j] = -scale * p.alpha() / var[j];
        }
        return pq;
    }

    private Coefficients velocityCoefficients() {
        Coefficients c1 = xhat1Coefficients();
        Coefficients cw = scoreCoefficients(p.sigmaSigmaDot());
        for (int j = 0; j < m.k; j++) {
            c1.p()[j] = p.alphaDot() * c1.p()[j] + cw.p()[j];
            c1.q()[j] = p.alphaDot() * c1.q()[j] + cw.q()[j];
        }
        return c1;
    }

    private Batch output(Coefficients pq) {
        int b = x.rows();
        int d = m.d;
        int k = m.k;
        double[] xs = x.data();
        double[] pc = pq.p();
        double[] qc = pq.q();
        double[] means = m.meansFlat;
        double[] out = new double[b * d];
        for (int i = 0, ro = 0, o = 0; i < b; i++, ro += k, o += d) {
            double rp = 0;
            for (int j = 0, mo = 0; j < k; j++, mo += d) {
                double rj = r[ro + j];
                double rq = rj * qc[j];
                rp += rj * pc[j];
                for (int c = 0; c < d; c++) {
                    out[o + c] += rq * means[mo + c];
                }
            }
            for (int c = 0; c < d; c++) {
                out[o + c] += rp * xs[o + c];
            }
        }
        return new Batch(out, b, d);
    }

    /**
     * The mixture's VJP (MATH eq. (6.2)): v^T dy/dx = (r.p) v + sum_k beta_k grad l_k with
     * grad l_k = (alpha mu_k - x)/var_k, gathered as
     * (r.p) v - (sum_k beta_k/var_k) x + sum_k (beta_k/var_k) alpha mu_k so each row makes one pass over D.
     */
    private Batch vjp(Coefficients pq, Batch v) {
        int b = x.rows();
        int d = m.d;
        int k = m.k;
        double[] xs = x.data();
        double[] vs = v.data();
        double[] pc = pq.p();
        double[] qc = pq.q();
        double[] means = m.meansFlat;
        double[] scaledMeans = m.scaledMeans(p.alpha());
        double[] invVar = new double[k];
        for (int j = 0; j < k; j++) {
            invVar[j] = 1.0 / var[j];
        }
        double[] out = new double[b * d];
        double[] a = new double[k];
        for (int i = 0, ro = 0, o = 0; i < b; i++, ro += k, o += d) {
            double vx = 0;
            for (int c = 0; c < d; c++) {
                vx += vs[o + c] * xs[o + c];
            }
            double abar = 0;
            double rp = 0;
            for (int j = 0, mo = 0; j < k; j++, mo += d) {
                double vm = 0;
                for (int c = 0; c < d; c++) {
                    vm += vs[o + c] * means[mo + c];
                }
                double rj = r[ro + j];
                a[j] = pc[j] * vx + qc[j] * vm;
                abar += rj * a[j];
                rp += rj * pc[j];
            }
            double betaSum = 0;
            for (int c = 0; c < d; c++) {
                out[o + c] = rp * vs[o + c];
            }
            for (int j = 0, mo = 0; j < k; j++, mo += d) {
                double beta = r[ro + j] * (a[j] - abar) * invVar[j];
                if (beta == 0) {
                    continue;
                }
                betaSum += beta;
                for (int c = 0; c < d; c++) {
                    out[o + c] += beta * scaledMeans[mo + c];
                }
            }
            for (int c = 0; c < d; c++) {
                out[o + c] -= betaSum * xs[o + c];
            }
        }
        return new Batch(out, b, d);
    }

    @Override
    public Batch xhat1() {
        if (xhat1 == null) {
            xhat1 = output(xhat1Coefficients());
        }
        return xhat1;
    }

    @Override
    public Batch xhat0() {
        if (xhat0 == null) {
            xhat0 = output(scoreCoefficients(p.sigma()));
        }
        return xhat0;
    }

    @Override
    public Batch velocity() {
        if (velocity == null) {
            velocity = output(velocityCoefficients());
        }
        return velocity;
    }

    @Override
    public Batch vjpXhat1(Batch v) {
        return vjp(xhat1Coefficients(), v);
    }

    @Override
    public Batch vjpXhat0(Batch v) {
        return vjp(scoreCoefficients(p.sigma()), v);
    }

    @Override
    public Batch vjpVelocity(Batch v) {
        return vjp(velocityCoefficients(), v);
    }

    @Override
    public long retainedBytes() {
        return x.bytes() + (long) r.length * Double.BYTES;
    }
}
