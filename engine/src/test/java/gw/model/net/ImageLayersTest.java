package gw.model.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The image layers' forward values against direct loops (layouts, padding, stride), float64. */
class ImageLayersTest {

    private static INDArray random(Random rng, long... shape) {
        INDArray a = Nd4j.zeros(DataType.DOUBLE, shape);
        double[] v = new double[(int) a.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian();
        }
        return Nd4j.create(v, shape, DataType.DOUBLE);
    }

    @Test
    void stridedConvolutionMatchesTheDefinition() {
        Parameters.Builder pb = new Parameters.Builder(DataType.DOUBLE);
        Conv2d conv = new Conv2d(pb, "c", 2, 3, 3, 2);
        Parameters p = pb.build();
        p.initialise(1);
        p.list().get(1).value().assign(Nd4j.create(new double[] {0.1, -0.2, 0.3}));
        Random rng = new Random(2);
        INDArray x = random(rng, 2, 2, 6, 6);
        INDArray y = conv.forward(x, null);
        assertArrayEquals(new long[] {2, 3, 3, 3}, y.shape());
        INDArray w = p.list().get(0).value(); // [k, k, in, out]
        for (int b = 0; b < 2; b++) {
            for (int o = 0; o < 3; o++) {
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        double s = p.list().get(1).value().getDouble(o);
                        for (int c = 0; c < 2; c++) {
                            for (int u = 0; u < 3; u++) {
                                for (int v = 0; v < 3; v++) {
                                    int r = 2 * i + u - 1;
                                    int q = 2 * j + v - 1;
                                    if (r >= 0 && r < 6 && q >= 0 && q < 6) {
                                        s += w.getDouble(u, v, c, o) * x.getDouble(b, c, r, q);
                                    }
                                }
                            }
                        }
                        assertEquals(s, y.getDouble(b, o, i, j), 1e-12);
                    }
                }
            }
        }
    }

    @Test
    void groupNormNormalisesEachSampleAndGroup() {
        Parameters.Builder pb = new Parameters.Builder(DataType.DOUBLE);
        GroupNorm norm = new GroupNorm(pb, "n", 4, 2);
        pb.build().initialise(0); // gamma 1, beta 0
        INDArray x = random(new Random(3), 2, 4, 3, 3).muli(3).addi(1);
        INDArray y = norm.forward(x, null);
        for (int b = 0; b < 2; b++) {
            for (int g = 0; g < 2; g++) {
                INDArray group = y.get(org.nd4j.linalg.indexing.NDArrayIndex.point(b),
                        org.nd4j.linalg.indexing.NDArrayIndex.interval(2 * g, 2 * g + 2)).dup();
                assertEquals(0.0, group.meanNumber().doubleValue(), 1e-12);
                double var = group.mul(group).meanNumber().doubleValue();
                double xVar = x.get(org.nd4j.linalg.indexing.NDArrayIndex.point(b),
                        org.nd4j.linalg.indexing.NDArrayIndex.interval(2 * g, 2 * g + 2)).dup().varNumber().doubleValue();
                double biased = xVar * 17 / 18; // 18 values, population variance
                assertEquals(biased / (biased + GroupNorm.EPS), var, 1e-12);
            }
        }
    }

    @Test
    void upsamplingRepeatsEachPixelAndItsBackwardSumsBlocks() {
        INDArray x = Nd4j.create(new double[] {1, 2, 3, 4}, new long[] {1, 1, 2, 2}, DataType.DOUBLE);
        Upsample2x up = new Upsample2x();
        INDArray y = up.forward(x, null);
        assertArrayEquals(new double[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4},
                y.reshape(16).toDoubleVector(), 0.0);
        INDArray g = Nd4j.arange(16).castTo(DataType.DOUBLE).reshape(1, 1, 4, 4);
        assertArrayEquals(new double[] {0 + 1 + 4 + 5, 2 + 3 + 6 + 7, 8 + 9 + 12 + 13, 10 + 11 + 14 + 15},
                up.backward(g, new Tape(false)).reshape(4).toDoubleVector(), 0.0);
    }

    @Test
    void bothStrideOneInputVjpsEqualConv2dBp() {
        Parameters.Builder pb = new Parameters.Builder(DataType.DOUBLE);
        Conv2d conv = new Conv2d(pb, "c", 3, 2, 3, 1);
        pb.build().initialise(4);
        Random rng = new Random(5);
        INDArray x = random(rng, 2, 3, 5, 5);
        INDArray g = random(rng, 2, 2, 5, 5);
        Tape train = new Tape(true);
        conv.forward(x, train);
        INDArray reference = conv.backward(g, train); // conv2d_bp
        assertEquals(0.0, conv.inputVjp(g, true).sub(reference).amaxNumber().doubleValue(), 1e-12, "deconv2d");
        assertEquals(0.0, conv.inputVjp(g, false).sub(reference).amaxNumber().doubleValue(), 1e-12, "flipped conv2d");
    }
}
