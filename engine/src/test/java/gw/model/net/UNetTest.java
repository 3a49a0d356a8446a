package gw.model.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A tiny float64 U-Net: its input VJP and parameter gradients against central differences. */
class UNetTest {
    private static final int SIDE = 8;

    static UNet tiny(long seed) {
        UNet net = new UNet(new UNet.Config(SIDE, new int[] {4, 8}, 2, 3, 100, 8, DataType.DOUBLE));
        net.parameters().initialise(seed);
        // non-trivial norms, so their gradients are exercised away from gamma = 1, beta = 0
        Random rng = new Random(seed + 1);
        for (Param p : net.parameters().list()) {
            if (p.name().endsWith(".gamma") || p.name().endsWith(".beta") || p.name().endsWith(".b")) {
                for (long i = 0; i < p.length(); i++) {
                    p.value().putScalar(i, (p.name().endsWith(".gamma") ? 1 : 0) + 0.3 * rng.nextGaussian());
                }
            }
        }
        return net;
    }

    static INDArray gaussian(Random rng, long... shape) {
        double[] v = new double[(int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian();
        }
        return Nd4j.create(v, shape, DataType.DOUBLE);
    }

    private static double dot(INDArray a, INDArray b) {
        return a.mul(b).sumNumber().doubleValue();
    }

    @Test
    void inputVjpMatchesCentralDifferences() {
        UNet net = tiny(1);
        Random rng = new Random(2);
        INDArray x = gaussian(rng, 2, SIDE * SIDE);
        for (INDArray t : new INDArray[] {Nd4j.create(new double[] {0.3}, new long[] {1}, DataType.DOUBLE),
                Nd4j.create(new double[] {0.2, 0.9}, new long[] {2}, DataType.DOUBLE)}) {
            INDArray v = gaussian(rng, 2, SIDE * SIDE);
            Tape tape = new Tape(false);
            INDArray y = net.forward(x, t, tape);
            assertArrayEquals(new long[] {2, SIDE * SIDE}, y.shape());
            INDArray vjp = net.backward(v, tape);
            for (int k = 0; k < 3; k++) {
                INDArray d = gaussian(rng, 2, SIDE * SIDE);
                double h = 1e-5;
                double fd = (dot(v, net.forward(x.add(d.mul(h)), t, null))
                        - dot(v, net.forward(x.sub(d.mul(h)), t, null))) / (2 * h);
                assertEquals(fd, dot(vjp, d), 1e-7 * Math.max(1, Math.abs(fd)));
            }
        }
    }

    @Test
    void parameterGradientsMatchCentralDifferences() {
        UNet net = tiny(3);
        Random rng = new Random(4);
        INDArray x = gaussian(rng, 3, SIDE * SIDE);
        INDArray t = Nd4j.create(new double[] {0.1, 0.5, 0.8}, new long[] {3}, DataType.DOUBLE);
        INDArray v = gaussian(rng, 3, SIDE * SIDE);
        Parameters p = net.parameters();
        p.zeroGrads();
        Tape tape = new Tape(true);
        net.forward(x, t, tape);
        INDArray gx = net.backward(v, tape);
        assertTrue(tape.isEmpty(), "backward pops exactly what forward pushed");
        INDArray grads = p.grads().dup();
        INDArray base = p.values().dup();
        // one random direction per block (all tensors whose names share the prefix before the first '.'), so no
        // block's gradient can hide behind another's
        java.util.Map<String, INDArray> dirs = new java.util.LinkedHashMap<>();
        for (Param q : p.list()) {
            String block = q.name().substring(0, q.name().indexOf('.'));
            INDArray dir = dirs.computeIfAbsent(block, k -> Nd4j.zeros(DataType.DOUBLE, base.length()));
            dir.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(offset(p, q), offset(p, q) + q.length()))
                    .assign(gaussian(rng, q.length()));
        }
        assertTrue(dirs.size() >= 6, dirs.keySet().toString());
        for (java.util.Map.Entry<String, INDArray> e : dirs.entrySet()) {
            INDArray dir = e.getValue();
            double h = 1e-5;
            p.values().assign(base.add(dir.mul(h)));
            double plus = dot(v, net.forward(x, t, null));
            p.values().assign(base.sub(dir.mul(h)));
            double minus = dot(v, net.forward(x, t, null));
            p.values().assign(base);
            double fd = (plus - minus) / (2 * h);
            assertEquals(fd, dot(grads, dir), 1e-6 * Math.max(1, Math.abs(fd)), e.getKey());
        }
        // the input gradient of a training pass equals the guidance VJP's
        Tape vjpTape = new Tape(false);
        net.forward(x, t, vjpTape);
        assertEquals(0.0, net.backward(v, vjpTape).sub(gx).amaxNumber().doubleValue(), 1e-12);
    }

    private static long offset(Parameters p, Param q) {
        long o = 0;
        for (Param r : p.list()) {
            if (r == q) {
                return o;
            }
            o += r.length();
        }
        throw new IllegalStateException();
    }

    @Test
    void defaultSizeIsAboutOneMillionParameters() {
        UNet net = new UNet(new UNet.Config(28, new int[] {32, 64, 128}, 8, 16, 1000, 128, DataType.FLOAT));
        long n = net.parameters().count();
        assertTrue(n > 900_000 && n < 1_200_000, n + " parameters");
        assertThrows(IllegalArgumentException.class,
                () -> new UNet.Config(28, new int[] {32, 64, 128, 256}, 8, 16, 1000, 128, DataType.FLOAT));
    }
}
