package gw.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The softmax cross-entropy of classifier training and class guidance: its gradient and its overflow guard. */
class SoftmaxTest {

    @Test
    void crossEntropyGradientMatchesCentralDifferences() {
        double[] z = {0.3, -1.2, 2.5, 0.0};
        double[] g = z.clone();
        double loss = Softmax.minusOneHot(g, 0, 4, 1);
        double h = 1e-6;
        for (int c = 0; c < 4; c++) {
            double[] p = z.clone();
            double[] m = z.clone();
            p[c] += h;
            m[c] -= h;
            double fd = (Softmax.minusOneHot(p, 0, 4, 1) - Softmax.minusOneHot(m, 0, 4, 1)) / (2 * h);
            assertEquals(fd, g[c], 1e-8);
        }
        double norm = Math.exp(0.3) + Math.exp(-1.2) + Math.exp(2.5) + 1;
        assertEquals(Math.log(norm) + 1.2, loss, 1e-12);
        // large logits do not overflow
        assertEquals(1000.0, Softmax.minusOneHot(new double[] {1000, 0}, 0, 2, 1), 1e-9);
    }
}
