package gw.model;

import gw.model.net.Network;
import gw.path.AffinePath;
import gw.path.PathPoint;
import gw.tensor.Batch;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A learned target predictor xhat1 = f(x, t) on points, trained by flow matching on one path: xhat0 and the velocity
 * follow through {@link gw.path.Conversions}' identities and so do their VJPs, all from one network VJP. It reads t
 * from the path point, so it must be used on the path it was trained for ({@link #path()}).
 */
public final class NetworkPredictor implements TargetPredictor {
    private final Network net;
    private final AffinePath path;
    private final String kind;

    public NetworkPredictor(String kind, Network net, AffinePath path) {
        if (net.inputShape().length != 1) {
            throw new IllegalArgumentException("a point model needs a network on vectors, got input shape rank "
                    + net.inputShape().length);
        }
        this.kind = kind;
        this.net = net;
        this.path = path;
    }

    @Override
    public int dim() {
        return (int) net.inputShape()[0];
    }

    @Override
    public String kind() {
        return kind;
    }

    public Network network() {
        return net;
    }

    /** The path the network was trained on. */
    public AffinePath path() {
        return path;
    }

    @Override
    public Prediction predict(Batch x, PathPoint p) {
        if (x.cols() != dim()) {
            throw new IllegalArgumentException("x has " + x.cols() + " columns, the model has dimension " + dim());
        }
        if (!Double.isFinite(p.t())) {
            throw new IllegalArgumentException("a learned model needs the path time t; it cannot be evaluated at an"
                    + " arbitrary (alpha, sigma)");
        }
        return new NetworkPrediction(net, x, p);
    }

    /** A float64 batch as an array of the network's data type (converted in Java: one allocation, no ND4J op). */
    static INDArray toArray(Batch b, DataType dtype) {
        long[] shape = {b.rows(), b.cols()};
        if (dtype == DataType.DOUBLE) {
            return Nd4j.create(b.data().clone(), shape, DataType.DOUBLE);
        }
        double[] d = b.data();
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return Nd4j.create(f, shape, 'c');
    }

    /** A network output [B, D] as a float64 batch, read straight from its buffer when it is a plain C-order array. */
    static Batch toBatch(INDArray a) {
        if (a.rank() == 2 && a.ordering() == 'c' && !a.isView() && a.data().length() == a.length()) {
            return new Batch(a.data().asDouble(), (int) a.size(0), (int) a.size(1));
        }
        return Batch.of(a);
    }
}
