package gw.path;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gw.Numerics;
import gw.model.DiagonalGaussian;
import gw.model.Prediction;
import gw.model.TargetPredictor;
import gw.tensor.Batch;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Round trips between xhat1, xhat0 and u (MATH section 1), checked against closed-form models. */
class ConversionsTest {
    private static final double[] TIMES = {0.0, 0.05, 0.3, 0.5, 0.8, 0.97, 0.999, 1.0};

    private static List<TargetPredictor> models() {
        Random rng = new Random(11);
        return List.of(Numerics.randomMixture(rng, 4, 3), Numerics.randomMixture(rng, 1, 2),
                new DiagonalGaussian(new double[] {1, -0.5, 2}, new double[] {0.5, 2, 1}));
    }

    @Test
    void noisePredictionFromTargetPrediction() {
        Random rng = new Random(1);
        for (TargetPredictor m : models()) {
            Batch x = Numerics.gaussianBatch(rng, 4, m.dim(), 1.5);
            for (String name : Paths.NAMES) {
                AffinePath path = Paths.byName(name);
                for (double t : TIMES) {
                    PathPoint p = path.at(t);
                    Prediction pred = m.predict(x, p);
                    Batch xhat0 = Conversions.xhat0FromXhat1(p, x, pred.xhat1());
                    if (t < 0.999) {
                        // (x - alpha xhat1)/sigma divides by sigma -> 0; compare where it is well conditioned
                        Numerics.assertClose(pred.xhat0(), xhat0, 1e-10, m.kind() + " " + name + " xhat0 at t=" + t);
                    }
                    if (t == 1.0) {
                        assertEquals(0.0, Numerics.maxAbs(xhat0), "E[x0] = 0 at t = 1");
                        assertEquals(0.0, Numerics.maxAbs(pred.xhat0()), 1e-15, "model's xhat0 at t = 1");
                    }
                }
            }
        }
    }

    @Test
    void velocityFromPredictions() {
        Random rng = new Random(2);
        for (TargetPredictor m : models()) {
            Batch x = Numerics.gaussianBatch(rng, 4, m.dim(), 1.5);
            for (String name : Paths.NAMES) {
                AffinePath path = Paths.byName(name);
                for (double t : TIMES) {
                    if (name.equals("vp-linear") && t == 1.0) {
                        // sigmaDot = -inf there and xhat0 = 0, so alphaDot xhat1 + sigmaDot xhat0 is undefined from
                        // (xhat1, xhat0) alone: u(x, 1) = alphaDot xhat1 + (sigma sigmaDot) * score-term, which needs
                        // the model (see velocityAtTheDataEndOfVpLinear below).
                        continue;
                    }
                    PathPoint p = path.at(t);
                    Prediction pred = m.predict(x, p);
                    Numerics.assertClose(pred.velocity(), Conversions.velocity(p, pred.xhat1(), pred.xhat0()), 1e-10,
                            m.kind() + " " + name + " u at t=" + t);
                }
            }
        }
    }

    @Test
    void velocityAtTheDataEndOfVpLinear() {
        // Gaussian data: u = alphaDot xhat1 + sigma sigmaDot (x - alpha mu)/var; at t = 1 (alpha 1, sigma 0, var s^2)
        // xhat1 = x, so u(x, 1) = alphaDot x + sigmaSigmaDot (x - mu)/s^2 with sigmaSigmaDot = -alphaDot = -beta_min/2.
        DiagonalGaussian g = new DiagonalGaussian(new double[] {1, -0.5}, new double[] {0.5, 2});
        AffinePath path = Paths.byName("vp-linear");
        Batch x = Batch.row(0.3, 1.7);
        Batch u = g.predict(x, path.at(1.0)).velocity();
        double ad = path.alphaDot(1.0);
        Batch expected = Batch.row(ad * 0.3 - ad * (0.3 - 1) / 0.25, ad * 1.7 - ad * (1.7 + 0.5) / 4);
        Numerics.assertClose(expected, u, 1e-14, "u(x, 1) on vp-linear");
    }

    @Test
    void targetPredictionFromVelocity() {
        Random rng = new Random(3);
        for (TargetPredictor m : models()) {
            Batch x = Numerics.gaussianBatch(rng, 4, m.dim(), 1.5);
            for (String name : Paths.NAMES) {
                AffinePath path = Paths.byName(name);
                for (double t : TIMES) {
                    PathPoint p = path.at(t);
                    Prediction pred = m.predict(x, p);
                    // MATH section 1: the denominator alphaDot sigma - alpha sigmaDot is non-zero on [0, 1]
                    Numerics.assertClose(pred.xhat1(), Conversions.xhat1FromVelocity(p, x, pred.velocity()), 1e-10,
                            m.kind() + " " + name + " xhat1 from u at t=" + t);
                }
            }
        }
    }
}
