package gw.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gw.model.net.ImageClassifier;
import gw.tensor.Batch;
import gw.tensor.Noise;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Probabilities are the softmax of the logits; histogram, hit rate and confidences follow from them. */
class ClassJudgementTest {

    @Test
    void histogramHitRateAndConfidenceFollowFromTheSoftmax() {
        ImageClassifier net = new ImageClassifier(new ImageClassifier.Config(6, new int[] {4}, 2, 3, DataType.DOUBLE));
        net.parameters().initialise(2);
        Batch x = Noise.gaussian(300, 36, 7).scaled(3);
        ClassJudgement j = ClassJudgement.of(net, x);
        INDArray z = net.forward(Nd4j.create(x.data(), new long[] {300, 36}, DataType.DOUBLE), null, null);
        int[] expected = new int[3];
        double confidence = 0;
        double p1 = 0;
        for (int i = 0; i < 300; i++) {
            double[] zi = z.getRow(i).toDoubleVector();
            double norm = Math.exp(zi[0]) + Math.exp(zi[1]) + Math.exp(zi[2]);
            double[] p = {Math.exp(zi[0]) / norm, Math.exp(zi[1]) / norm, Math.exp(zi[2]) / norm};
            assertArrayEquals(p, j.probabilities(i), 1e-12);
            int best = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
            expected[best]++;
            confidence += p[best] / 300;
            p1 += p[1] / 300;
        }
        assertArrayEquals(expected, j.histogram());
        assertEquals(expected[1] / 300.0, j.hitRate(1), 1e-15);
        assertEquals(confidence, j.meanConfidence(), 1e-12);
        assertEquals(p1, j.meanProbability(1), 1e-12);
    }
}
