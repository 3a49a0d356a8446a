package gw.model;

import gw.Numerics;
import gw.path.AffinePath;
import gw.path.PathPoint;
import gw.path.Paths;
import gw.tensor.Batch;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The closed-form posteriors against MATH sections 1 and 4, written out independently of the engine's kernels. */
class PredictionIdentitiesTest {
    private static final double[] TIMES = {0.0, 0.05, 0.3, 0.5, 0.8, 0.97, 1.0};

    @Test
    void predictionsRecombineToX() {
        Random rng = new Random(21);
        List<TargetPredictor> models = List.of(Numerics.randomMixture(rng, 4, 5), Numerics.randomMixture(rng, 1, 2),
                new DiagonalGaussian(new double[] {1, -0.5}, new double[] {0.5, 2}));
        for (TargetPredictor m : models) {
            Batch x = Numerics.gaussianBatch(rng, 5, m.dim(), 2.0);
            for (String name : Paths.NAMES) {
                for (double t : TIMES) {
                    PathPoint p = Paths.byName(name).at(t);
                    Prediction pred = m.predict(x, p);
                    // alpha xhat1 + sigma xhat0 = x, always
                    Numerics.assertClose(x, pred.xhat1().combine(p.alpha(), pred.xhat0(), p.sigma()), 1e-13,
                            m.kind() + " " + name + " alpha xhat1 + sigma xhat0 at t=" + t);
                }
            }
        }
    }

    @Test
    void gaussianPosteriorIsTheMathFormula() {
        double[] mu = {1, -0.5, 3};
        double[] s = {0.5, 2, 1e-3};
        DiagonalGaussian g = new DiagonalGaussian(mu, s);
        Batch x = Batch.of(new double[][] {{0.3, -1.2, 2}, {-0.8, 0.9, 0}});
        for (String name : Paths.NAMES) {
            for (double t : TIMES) {
                PathPoint p = Paths.byName(name).at(t);
                double a = p.alpha();
                Batch expected = x.copy();
                for (int i = 0; i < 2; i++) {
                    for (int c = 0; c < 3; c++) {
                        double var = a * a * s[c] * s[c] + p.sigma() * p.sigma();
                        expected.data()[i * 3 + c] = mu[c] + a * s[c] * s[c] / var * (x.get(i, c) - a * mu[c]);
                    }
                }
                Numerics.assertClose(expected, g.predict(x, p).xhat1(), 1e-14, name + " xhat1 at t=" + t);
            }
        }
    }

    @Test
    void mixturePosteriorIsTheMathFormula() {
        GaussianMixture m = new GaussianMixture(new double[] {0.3, 0.7},
                new double[][] {{-1, 0.5, 0}, {1, -1, 2}}, new double[] {0.6, 1.2});
        Batch x = Numerics.gaussianBatch(new Random(4), 4, 3, 1.5);
        for (String name : Paths.NAMES) {
            for (double t : TIMES) {
                PathPoint p = Paths.byName(name).at(t);
                double a = p.alpha();
                Batch xhat1 = x.copy();
                Batch xhat0 = x.copy();
                for (int i = 0; i < x.rows(); i++) {
                    double[] dens = new double[2];
                    double total = 0;
                    for (int k = 0; k < 2; k++) {
                        double var = a * a * m.stds()[k] * m.stds()[k] + p.sigma() * p.sigma();
                        double sq = 0;
                        for (int c = 0; c < 3; c++) {
                            double diff = x.get(i, c) - a * m.means()[k][c];
                            sq += diff * diff;
                        }
                        dens[k] = m.weights()[k] * Math.exp(-0.5 * sq / var) / Math.pow(2 * Math.PI * var, 1.5);
                        total += dens[k];
                    }
                    for (int c = 0; c < 3; c++) {
                        double e1 = 0;
                        double e0 = 0;
                        for (int k = 0; k < 2; k++) {
                            double r = dens[k] / total;
                            double s2 = m.stds()[k] * m.stds()[k];
                            double var = a * a * s2 + p.sigma() * p.sigma();
                            double centred = x.get(i, c) - a * m.means()[k][c];
                            e1 += r * (m.means()[k][c] + a * s2 / var * centred);
                            e0 += r * p.sigma() / var * centred;
                        }
                        xhat1.data()[i * 3 + c] = e1;
                        xhat0.data()[i * 3 + c] = e0;
                    }
                }
                Prediction pred = m.predict(x, p);
                Numerics.assertClose(xhat1, pred.xhat1(), 1e-13, name + " xhat1 at t=" + t);
                Numerics.assertClose(xhat0, pred.xhat0(), 1e-13, name + " xhat0 at t=" + t);
            }
        }
    }

    @Test
    void oneComponentMixtureIsAnIsotropicGaussian() {
        GaussianMixture m = new GaussianMixture(new double[] {1}, new double[][] {{0.5, -1, 2}}, new double[] {0.7});
        DiagonalGaussian g = new DiagonalGaussian(new double[] {0.5, -1, 2}, new double[] {0.7, 0.7, 0.7});
        Random rng = new Random(8);
        Batch x = Numerics.gaussianBatch(rng, 4, 3, 1.5);
        Batch v = Numerics.gaussianBatch(rng, 4, 3, 1.0);
        for (String name : Paths.NAMES) {
            for (double t : TIMES) {
                PathPoint p = Paths.byName(name).at(t);
                Prediction a = m.predict(x, p);
                Prediction b = g.predict(x, p);
                String at = name + " t=" + t;
                Numerics.assertClose(b.xhat1(), a.xhat1(), 1e-14, at + " xhat1");
                Numerics.assertClose(b.xhat0(), a.xhat0(), 1e-14, at + " xhat0");
                Numerics.assertClose(b.velocity(), a.velocity(), 1e-14, at + " u");
                Numerics.assertClose(b.vjpXhat1(v), a.vjpXhat1(v), 1e-14, at + " vjp xhat1");
                Numerics.assertClose(b.vjpXhat0(v), a.vjpXhat0(v), 1e-14, at + " vjp xhat0");
                Numerics.assertClose(b.vjpVelocity(v), a.vjpVelocity(v), 1e-14, at + " vjp u");
            }
        }
    }

    /**
     * EDM coordinates (MATH section 1): z = x/alpha = x1 + kappa x0 carries the same information as x_t, so the
     * posterior means at the pseudo point (alpha 1, sigma kappa) equal those at (x, t), and dz/dkappa = xhat0.
     */
    @Test
    void edmPseudoPointGivesTheSamePosterior() {
        Random rng = new Random(13);
        List<TargetPredictor> models = List.of(Numerics.randomMixture(rng, 4, 3),
                new DiagonalGaussian(new double[] {1, -0.5, 0}, new double[] {0.5, 2, 1}));
        for (TargetPredictor m : models) {
            Batch x = Numerics.gaussianBatch(rng, 4, 3, 1.5);
            for (String name : Paths.NAMES) {
                AffinePath path = Paths.byName(name);
                for (double t : new double[] {0.05, 0.3, 0.7, 0.99, 1.0}) {
                    PathPoint p = path.at(t);
                    Prediction inT = m.predict(x, p);
                    Prediction inKappa = m.predict(x.scaled(1 / p.alpha()), PathPoint.edm(p.sigma() / p.alpha()));
                    String at = m.kind() + " " + name + " t=" + t;
                    Numerics.assertClose(inT.xhat1(), inKappa.xhat1(), 1e-12, at + " xhat1");
                    Numerics.assertClose(inT.xhat0(), inKappa.xhat0(), 1e-12, at + " xhat0");
                    Numerics.assertClose(inKappa.xhat0(), inKappa.velocity(), 1e-15, at + " dz/dkappa");
                }
            }
        }
    }
}
