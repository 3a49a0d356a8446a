package gw.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.Numerics;
import gw.path.AffinePath;
import gw.path.PathPoint;
import gw.path.Paths;
import gw.tensor.Batch;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Gaussian mixture of MATH section 4: numerical stability, limits, density and exact sampling. */
class GaussianMixtureTest {
    private static final double[] TIMES = {0.0, 0.01, 0.2, 0.5, 0.8, 0.99, 0.9999, 1.0};

    /** Three well separated components of different widths in 2-D. */
    private static GaussianMixture threeComponents() {
        return new GaussianMixture(new double[] {0.2, 0.5, 0.3},
                new double[][] {{-2, 0}, {1.5, 1}, {0.5, -2.5}}, new double[] {0.3, 0.8, 0.5});
    }

    @Test
    void responsibilitiesStayFiniteFarFromTheData() {
        GaussianMixture m = threeComponents();
        // |x - alpha mu|^2 / (2 var) reaches ~1e7: exp() of the raw log-probabilities underflows to 0/0 without the
        // max-subtracted softmax
        Batch x = Batch.of(new double[][] {{1e3, 1e3}, {-1e3, 5e2}, {0, -1e3}});
        Batch v = Batch.of(new double[][] {{1, -2}, {0.5, 0.5}, {-1, 3}});
        for (String name : Paths.NAMES) {
            AffinePath path = Paths.byName(name);
            for (double t : TIMES) {
                PathPoint p = path.at(t);
                Prediction pred = m.predict(x, p);
                String at = name + " t=" + t;
                for (Batch b : new Batch[] {pred.xhat1(), pred.xhat0(), pred.velocity(), pred.vjpXhat1(v),
                        pred.vjpXhat0(v), pred.vjpVelocity(v)}) {
                    assertTrue(b.allFinite(), at + ": " + Arrays.toString(b.data()));
                }
                if (p.alpha() == 0) {
                    continue;
                }
                // far away one component dominates by hundreds of nats: xhat1 is that component's affine posterior
                for (int i = 0; i < x.rows(); i++) {
                    int best = dominantComponent(m, x.row(i), p);
                    if (best < 0) {
                        // near t = 0 the component variances alpha^2 s_k^2 + sigma^2 are nearly equal: no dominance
                        assertTrue(t < 0.5, at + ": expected one dominant component for row " + i);
                        continue;
                    }
                    double[] mu = m.means()[best];
                    double s2 = m.stds()[best] * m.stds()[best];
                    double var = p.alpha() * p.alpha() * s2 + p.sigma() * p.sigma();
                    double c = p.alpha() * s2 / var;
                    Batch expected = Batch.row(mu[0] + c * (x.get(i, 0) - p.alpha() * mu[0]),
                            mu[1] + c * (x.get(i, 1) - p.alpha() * mu[1]));
                    Numerics.assertClose(expected, Batch.row(pred.xhat1().row(i)), 1e-12, at + " row " + i);
                }
            }
        }
        // at alpha = 0 (ot and vp-cosine at t = 0) x carries no information: xhat1 = E[x1] = sum_k w_k mu_k
        Batch mean = Batch.row(mixtureMean(m));
        for (String name : new String[] {"ot", "vp-cosine"}) {
            Batch xhat1 = m.predict(x, Paths.byName(name).at(0.0)).xhat1();
            for (int i = 0; i < x.rows(); i++) {
                // the logits are ~ -|x|^2/2 = -5e5 here, so their differences carry ~1e-10 absolute rounding error
                Numerics.assertClose(mean, Batch.row(xhat1.row(i)), 1e-9, name + " xhat1 at t=0");
            }
        }
    }

    /** The component whose log-probability beats every other by more than 40 nats, or -1. */
    private static int dominantComponent(GaussianMixture m, double[] x, PathPoint p) {
        double[] logit = new double[m.components()];
        for (int j = 0; j < logit.length; j++) {
            double var = p.alpha() * p.alpha() * m.stds()[j] * m.stds()[j] + p.sigma() * p.sigma();
            double sq = 0;
            for (int c = 0; c < x.length; c++) {
                double diff = x[c] - p.alpha() * m.means()[j][c];
                sq += diff * diff;
            }
            logit[j] = Math.log(m.weights()[j]) - 0.5 * x.length * Math.log(2 * Math.PI * var) - 0.5 * sq / var;
        }
        int best = 0;
        for (int j = 1; j < logit.length; j++) {
            best = logit[j] > logit[best] ? j : best;
        }
        for (int j = 0; j < logit.length; j++) {
            if (j != best && logit[best] - logit[j] < 40) {
                return -1;
            }
        }
        return best;
    }

    @Test
    void targetPredictionTendsToXAtTheDataEnd() {
        GaussianMixture m = threeComponents();
        Batch x = Numerics.gaussianBatch(new Random(5), 6, 2, 2.0);
        for (String name : Paths.NAMES) {
            AffinePath path = Paths.byName(name);
            double prev = Double.POSITIVE_INFINITY;
            for (double gap : new double[] {1e-1, 1e-2, 1e-3, 1e-4, 1e-5}) {
                double err = Numerics.maxAbsDiff(x, m.predict(x, path.at(1 - gap)).xhat1());
                assertTrue(err < prev, name + ": |xhat1 - x| not shrinking at 1-t=" + gap);
                prev = err;
            }
            assertTrue(prev < 1e-3, name + ": |xhat1 - x| = " + prev + " at 1-t = 1e-5");
            // at t = 1 the data is observed without noise
            Numerics.assertClose(x, m.predict(x, path.at(1.0)).xhat1(), 1e-15, name + " xhat1 at t=1");
        }
    }

    @Test
    void logDensityIsTheLogOfTheSumOfComponentDensities() {
        GaussianMixture m = threeComponents();
        Batch x = Numerics.gaussianBatch(new Random(6), 20, 2, 2.0);
        double[] got = m.logDensity(x);
        for (int i = 0; i < x.rows(); i++) {
            double p = 0;
            for (int j = 0; j < m.components(); j++) {
                double s2 = m.stds()[j] * m.stds()[j];
                double sq = 0;
                for (int c = 0; c < 2; c++) {
                    double diff = x.get(i, c) - m.means()[j][c];
                    sq += diff * diff;
                }
                p += m.weights()[j] * Math.exp(-0.5 * sq / s2) / (2 * Math.PI * s2);
            }
            assertEquals(Math.log(p), got[i], 1e-12 * (1 + Math.abs(got[i])), "log p at row " + i);
        }
        // far away it stays finite (and is ~ -|x - mu_k|^2 / (2 s_k^2) for the widest component)
        double far = m.logDensity(Batch.row(1e3, 0))[0];
        assertTrue(Double.isFinite(far));
        assertEquals(-0.5 * (1e3 - 1.5) * (1e3 - 1.5) / 0.64, far, 10);
    }

    @Test
    void samplesHaveTheMixtureMeanAndCovariance() {
        GaussianMixture m = threeComponents();
        int n = 20000;
        Batch s = m.sample(n, new Random(42));
        assertEquals(n, s.rows());
        assertEquals(2, s.cols());
        double[] mean = mixtureMean(m);
        // Cov = sum_k w_k (s_k^2 I + mu_k mu_k^T) - m m^T
        double[][] cov = new double[2][2];
        for (int j = 0; j < m.components(); j++) {
            double w = m.weights()[j];
            double[] mu = m.means()[j];
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    cov[a][b] += w * ((a == b ? m.stds()[j] * m.stds()[j] : 0) + mu[a] * mu[b]);
                }
            }
        }
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                cov[a][b] -= mean[a] * mean[b];
            }
        }
        double[] sm = new double[2];
        for (int i = 0; i < n; i++) {
            sm[0] += s.get(i, 0) / n;
            sm[1] += s.get(i, 1) / n;
        }
        double[][] sc = new double[2][2];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    sc[a][b] += (s.get(i, a) - sm[a]) * (s.get(i, b) - sm[b]) / (n - 1);
                }
            }
        }
        // standard errors: sqrt(var/n) <= 0.014 for the means; ~sqrt(2 var^2 / n) <= 0.03 for the covariance
        for (int a = 0; a < 2; a++) {
            assertEquals(mean[a], sm[a], 5 * Math.sqrt(cov[a][a] / n), "mean[" + a + "]");
            for (int b = 0; b < 2; b++) {
                double se = Math.sqrt((cov[a][a] * cov[b][b] + cov[a][b] * cov[a][b]) / n);
                assertEquals(cov[a][b], sc[a][b], 6 * se, "cov[" + a + "][" + b + "]");
            }
        }
        // the component fractions follow the weights (each sample lies nearest its own, well separated, mean)
        int[] counts = new int[3];
        for (int i = 0; i < n; i++) {
            counts[nearestMean(m, s.row(i))]++;
        }
        for (int j = 0; j < 3; j++) {
            double w = m.weights()[j];
            assertEquals(w, counts[j] / (double) n, 5 * Math.sqrt(w * (1 - w) / n) + 0.01, "fraction of component " + j);
        }
    }

    @Test
    void theSameSeedGivesTheSameSamples() {
        GaussianMixture m = threeComponents();
        assertArrayEquals(m.sample(500, new Random(9)).data(), m.sample(500, new Random(9)).data());
        assertFalse(Arrays.equals(m.sample(500, new Random(9)).data(), m.sample(500, new Random(10)).data()));
        DiagonalGaussian g = new DiagonalGaussian(new double[] {1, -0.5}, new double[] {0.5, 2});
        assertArrayEquals(g.sample(500, new Random(9)).data(), g.sample(500, new Random(9)).data());
    }

    @Test
    void diagonalGaussianDensityAndSamples() {
        DiagonalGaussian g = new DiagonalGaussian(new double[] {1, -0.5}, new double[] {0.5, 2});
        Batch x = Batch.of(new double[][] {{1, -0.5}, {0.2, 3}});
        double[] lp = g.logDensity(x);
        assertEquals(-Math.log(2 * Math.PI * 0.5 * 2), lp[0], 1e-14);
        double z0 = (0.2 - 1) / 0.5;
        double z1 = (3 + 0.5) / 2;
        assertEquals(-Math.log(2 * Math.PI * 0.5 * 2) - 0.5 * (z0 * z0 + z1 * z1), lp[1], 1e-14);
        int n = 20000;
        Batch s = g.sample(n, new Random(3));
        double[] sum = new double[2];
        double[] sq = new double[2];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 2; c++) {
                sum[c] += s.get(i, c);
                sq[c] += s.get(i, c) * s.get(i, c);
            }
        }
        double[] std = g.std();
        for (int c = 0; c < 2; c++) {
            double mean = sum[c] / n;
            double var = sq[c] / n - mean * mean;
            assertEquals(g.mean()[c], mean, 5 * std[c] / Math.sqrt(n));
            assertEquals(std[c] * std[c], var, 5 * Math.sqrt(2.0 / n) * std[c] * std[c]);
        }
    }

    private static double[] mixtureMean(GaussianMixture m) {
        double[] mean = new double[m.dim()];
        for (int j = 0; j < m.components(); j++) {
            for (int c = 0; c < mean.length; c++) {
                mean[c] += m.weights()[j] * m.means()[j][c];
            }
        }
        return mean;
    }

    private static int nearestMean(GaussianMixture m, double[] x) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int j = 0; j < m.components(); j++) {
            double d = 0;
            for (int c = 0; c < x.length; c++) {
                d += (x[c] - m.means()[j][c]) * (x[c] - m.means()[j][c]);
            }
            if (d < bestD) {
                bestD = d;
                best = j;
            }
        }
        return best;
    }
}
