package gw.model.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gw.Numerics;
import gw.model.NetworkPredictor;
import gw.model.Prediction;
import gw.path.AffinePath;
import gw.path.PathPoint;
import gw.path.Paths;
import gw.tensor.Batch;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The hand-derived backward pass of the MLP against central finite differences in float64: the input VJPs of
 * xhat1, xhat0 and u a learned model gives guidance (every path, both ends of t included), and the parameter
 * gradient training uses (per-row times, as in a minibatch).
 */
class NetworkGradientTest {
    private static final double[] TIMES = {0.0, 0.3, 0.7, 1.0};

    private static Mlp tinyMlp(int dim, long seed) {
        Mlp net = new Mlp(new Mlp.Config(dim, 8, 3, 3, 20.0, DataType.DOUBLE));
        net.parameters().initialise(seed);
        // larger biases than the initialisation so every SiLU works off its linear part
        INDArray v = net.parameters().values();
        v.addi(Nd4j.randn(DataType.DOUBLE, v.shape()).muli(0.3));
        return net;
    }

    @Test
    void inputVjpsMatchFiniteDifferencesOnEveryPath() {
        Random rng = new Random(3);
        for (String pathName : Paths.NAMES) {
            AffinePath path = Paths.byName(pathName);
            NetworkPredictor m = new NetworkPredictor("mlp", tinyMlp(3, 11), path);
            for (double t : TIMES) {
                PathPoint p = path.at(t);
                Batch x = Numerics.gaussianBatch(rng, 4, 3, 1.5);
                Batch v = Numerics.gaussianBatch(rng, 4, 3, 1.0);
                Prediction pred = m.predict(x, p);
                String what = pathName + " t=" + t;
                Numerics.assertClose(Numerics.vjpByDifferences(y -> m.predict(y, p).xhat1(), x, v, 1e-5),
                        pred.vjpXhat1(v), 1e-7, "xhat1 " + what);
                Numerics.assertClose(Numerics.vjpByDifferences(y -> m.predict(y, p).xhat0(), x, v, 1e-5),
                        pred.vjpXhat0(v), 1e-7, "xhat0 " + what);
                Numerics.assertClose(Numerics.vjpByDifferences(y -> m.predict(y, p).velocity(), x, v, 1e-5),
                        pred.vjpVelocity(v), 1e-7, "u " + what);
            }
        }
    }

    @Test
    void parameterGradientMatchesFiniteDifferences() {
        Mlp net = tinyMlp(2, 5);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 5, 2);
        INDArray t = Nd4j.rand(DataType.DOUBLE, 5);
        INDArray target = Nd4j.randn(DataType.DOUBLE, 5, 2);
        Parameters ps = net.parameters();
        ps.zeroGrads();
        Tape tape = new Tape(true);
        INDArray out = net.forward(x, t, tape);
        net.backward(out.sub(target), tape);
        double[] analytic = ps.grads().toDoubleVector();
        double[] theta = ps.toDoubleArray();
        double h = 1e-6;
        for (int i = 0; i < theta.length; i++) {
            double keep = theta[i];
            theta[i] = keep + h;
            ps.set(theta);
            double up = halfSquaredError(net, x, t, target);
            theta[i] = keep - h;
            ps.set(theta);
            double down = halfSquaredError(net, x, t, target);
            theta[i] = keep;
            assertEquals((up - down) / (2 * h), analytic[i], 1e-6 * (1 + Math.abs(analytic[i])), "parameter " + i);
        }
        ps.set(theta);
    }

    @Test
    void sharedTimeGivesTheSameParameterGradientAsPerRowTimes() {
        Mlp net = tinyMlp(2, 9);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 6, 2);
        INDArray g = Nd4j.randn(DataType.DOUBLE, 6, 2);
        Parameters ps = net.parameters();
        ps.zeroGrads();
        Tape one = new Tape(true);
        net.forward(x, Nd4j.scalar(0.4).reshape(1), one);
        INDArray dxShared = net.backward(g, one);
        double[] shared = ps.grads().toDoubleVector();
        ps.zeroGrads();
        Tape rows = new Tape(true);
        net.forward(x, Nd4j.valueArrayOf(new long[] {6}, 0.4, DataType.DOUBLE), rows);
        INDArray dxRows = net.backward(g, rows);
        double[] perRow = ps.grads().toDoubleVector();
        for (int i = 0; i < shared.length; i++) {
            assertEquals(perRow[i], shared[i], 1e-12, "parameter " + i);
        }
        assertEquals(0.0, dxShared.sub(dxRows).amaxNumber().doubleValue(), 1e-12);
    }

    /** The hand-derived backward pass and SameDiff's autodiff (what the benchmark compares) agree in float64. */
    @Test
    void handDerivedVjpEqualsSameDiffAutodiff() {
        Mlp net = tinyMlp(2, 13);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 5, 2);
        INDArray v = Nd4j.randn(DataType.DOUBLE, 5, 2);
        Tape tape = new Tape(false);
        INDArray out = net.forward(x, Nd4j.scalar(0.3).reshape(1), tape);
        SameDiffMlp sd = new SameDiffMlp(net);
        assertEquals(0.0, out.sub(sd.forward(x, 0.3)).amaxNumber().doubleValue(), 1e-12);
        assertEquals(0.0, net.backward(v, tape).sub(sd.vjp(x, 0.3, v)).amaxNumber().doubleValue(), 1e-12);
    }

    private static double halfSquaredError(Mlp net, INDArray x, INDArray t, INDArray target) {
        INDArray r = net.forward(x, t, null).sub(target);
        return 0.5 * r.mul(r).sumNumber().doubleValue();
    }
}
