package gw.train;

import gw.model.net.Network;
import gw.path.AffinePath;
import gw.path.PathPoint;
import gw.tensor.Batch;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The held-out loss: each validation point with one fixed noise draw at a stratified time in [0, 0.99]. */
final class Validation {
    private static final double T_MAX = 0.99;
    private final Batch x1;
    private final AffinePath path;
    private final double[] xt;
    private final double[] ts;

    Validation(Batch x1, AffinePath path, long seed) {
        this.x1 = x1;
        this.path = path;
        int n = x1.rows();
        int d = x1.cols();
        this.xt = new double[n * d];
        this.ts = new double[n];
        SplittableRandom r = new SplittableRandom(seed ^ 0x7F4A7C159E3779B9L);
        for (int i = 0; i < n; i++) {
            double t = T_MAX * (i + r.nextDouble()) / n;
            ts[i] = t;
            for (int c = 0; c < d; c++) {
                xt[i * d + c] = path.alpha(t) * x1.data()[i * d + c] + path.sigma(t) * gaussian(r);
            }
        }
    }

    LossRow evaluate(Network net, int step, double trainLoss, double lr) {
        double[] out = gw.model.net.Scratch.run(() -> predict(net));
        int n = x1.rows();
        int d = x1.cols();
        double loss = 0;
        double velocityLoss = 0;
        for (int i = 0; i < n; i++) {
            PathPoint p = path.at(ts[i]);
            double c = p.sigmaSigmaDot() / (p.sigma() * p.sigma());
            double w = p.alphaDot() - c * p.alpha();
            for (int k = i * d; k < (i + 1) * d; k++) {
                double e = out[k] - x1.data()[k];
                loss += e * e;
                velocityLoss += w * w * e * e;
            }
        }
        return new LossRow(step, trainLoss, loss / (n * d), velocityLoss / (n * d), lr);
    }

    /** The network's outputs on the validation inputs, as float64 (a Java array: it outlives the scratch memory). */
    private double[] predict(Network net) {
        int n = x1.rows();
        int d = x1.cols();
        DataType dt = net.parameters().dtype();
        INDArray x = Nd4j.create(xt, new long[] {n, d}, DataType.DOUBLE).castTo(dt);
        INDArray t = Nd4j.create(ts, new long[] {n}, DataType.DOUBLE).castTo(dt);
        return net.forward(x, t, null).castTo(DataType.DOUBLE).data().asDouble();
    }

    /** Box-Muller, spelled out so the bits do not depend on the JDK. */
    static double gaussian(SplittableRandom r) {
        double u = 1.0 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
