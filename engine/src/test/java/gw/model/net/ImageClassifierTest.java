package gw.model.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The classifier's input VJP and parameter gradients against central differences (float64, odd side 7). */
class ImageClassifierTest {

    @Test
    void gradientsMatchCentralDifferences() {
        ImageClassifier net = new ImageClassifier(new ImageClassifier.Config(7, new int[] {4, 6}, 2, 3,
                DataType.DOUBLE));
        net.parameters().initialise(5);
        Random rng = new Random(6);
        INDArray x = UNetTest.gaussian(rng, 2, 49);
        INDArray v = UNetTest.gaussian(rng, 2, 3);
        Parameters p = net.parameters();
        p.zeroGrads();
        Tape tape = new Tape(true);
        INDArray logits = net.forward(x, null, tape);
        assertArrayEquals(new long[] {2, 3}, logits.shape());
        INDArray gx = net.backward(v, tape);
        assertTrue(tape.isEmpty());
        double h = 1e-5;
        for (int k = 0; k < 3; k++) {
            INDArray d = UNetTest.gaussian(rng, 2, 49);
            double fd = (v.mul(net.forward(x.add(d.mul(h)), null, null)).sumNumber().doubleValue()
                    - v.mul(net.forward(x.sub(d.mul(h)), null, null)).sumNumber().doubleValue()) / (2 * h);
            assertEquals(fd, gx.mul(d).sumNumber().doubleValue(), 1e-7 * Math.max(1, Math.abs(fd)));
        }
        INDArray base = p.values().dup();
        INDArray grads = p.grads().dup();
        INDArray dir = UNetTest.gaussian(rng, base.length());
        p.values().assign(base.add(dir.mul(h)));
        double plus = v.mul(net.forward(x, null, null)).sumNumber().doubleValue();
        p.values().assign(base.sub(dir.mul(h)));
        double minus = v.mul(net.forward(x, null, null)).sumNumber().doubleValue();
        double fd = (plus - minus) / (2 * h);
        assertEquals(fd, grads.mul(dir).sumNumber().doubleValue(), 1e-6 * Math.max(1, Math.abs(fd)));
    }
}
