package gw.objective.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gw.model.net.ImageClassifier;
import gw.tensor.Batch;
import gw.tensor.Noise;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** -log p(c | x) of a tiny float64 classifier: a probability distribution over c, and its gradient by differences. */
class ClassGuidanceTest {

    private static ImageClassifier tiny() {
        ImageClassifier net = new ImageClassifier(new ImageClassifier.Config(6, new int[] {4, 4}, 2, 3,
                DataType.DOUBLE));
        net.parameters().initialise(11);
        return net;
    }

    @Test
    void lossesAreMinusLogProbabilitiesThatSumToOne() {
        ImageClassifier net = tiny();
        Batch x = Noise.gaussian(2, 36, 3);
        double[] total = new double[2];
        for (int c = 0; c < 3; c++) {
            double[] l = new ClassGuidance(net, c).loss(x);
            for (int i = 0; i < 2; i++) {
                total[i] += Math.exp(-l[i]);
            }
        }
        assertEquals(1.0, total[0], 1e-12);
        assertEquals(1.0, total[1], 1e-12);
    }

    @Test
    void gradientMatchesCentralDifferencesPerRowTarget() {
        ImageClassifier net = tiny();
        ClassGuidance loss = new ClassGuidance(net, 2, 0, 1);
        Batch x = Noise.gaussian(3, 36, 4);
        Batch g = loss.gradient(x);
        Batch dir = Noise.gaussian(3, 36, 5);
        double h = 1e-5;
        double[] plus = loss.loss(x.copy().addScaled(dir, h));
        double[] minus = loss.loss(x.copy().addScaled(dir, -h));
        double[] analytic = g.rowDot(dir);
        for (int i = 0; i < 3; i++) {
            double fd = (plus[i] - minus[i]) / (2 * h);
            assertEquals(fd, analytic[i], 1e-7 * Math.max(1, Math.abs(fd)), "row " + i);
        }
    }

    @Test
    void badTargetsAreRefused() {
        ImageClassifier net = tiny();
        assertThrows(IllegalArgumentException.class, () -> new ClassGuidance(net, 3));
        assertThrows(IllegalArgumentException.class, () -> new ClassGuidance(net, 0, 1).loss(Noise.gaussian(3, 36, 1)));
    }
}
