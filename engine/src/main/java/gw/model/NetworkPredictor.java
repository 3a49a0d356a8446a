package gw.model;

import gw.model.net.Mlp;
import gw.model.net.MlpInference;
import gw.model.net.Network;
import gw.path.AffinePath;
import gw.path.PathPoint;
import gw.tensor.Batch;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A learned target predictor xhat1 = f(x, t) on points, trained by flow matching on one path: xhat0 and the velocity
 * follow through {@link gw.path.Conversions}' identities and so do their VJPs, all from one network VJP. It reads t
 * from the path point, so it must be used on the path it was trained for ({@link #path()}).
 */
public final class NetworkPredictor implements TargetPredictor {
    /**
     * The continuous ideal's step cap for a network (docs/TRAINING.md): its time features (frequencies up to 100)
     * make x̂1 vary fast in t, so its exact flow needs many steps, each a forward pass and a VJP at ND4J's per-op cost;
     * 32 + 64 + 128 + 256 steps is where the refinement stops and says how far it got.
     */
    public static final int IDEAL_MAX_STEPS = 256;
    private final Network net;
    private final MlpInference mlp; // the kept-tape passes of an MLP; null for other networks
    private final AffinePath path;
    private final String kind;
    private final Path source; // the folder or file it was loaded from; null for a network not saved yet
    private volatile double[][] extent;
    private volatile double retained = -1;

    public NetworkPredictor(String kind, Network net, AffinePath path) {
        this(kind, net, path, null);
    }

    /** @param source the model folder or file it was read from, which its spec value names */
    public NetworkPredictor(String kind, Network net, AffinePath path, Path source) {
        if (net.inputShape().length != 1) {
            throw new IllegalArgumentException("a point model needs a network on vectors, got input shape rank "
                    + net.inputShape().length);
        }
        this.kind = kind;
        this.net = net;
        this.mlp = net instanceof Mlp m ? new MlpInference(m) : null;
        this.path = path;
        this.source = source;
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

    /** Where it was loaded from, if it was. */
    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    @Override
    public int idealMaxSteps() {
        return IDEAL_MAX_STEPS;
    }

    @Override
    public Optional<String> requiredPath() {
        return Optional.of(path.name());
    }

    @Override
    public double unitRoundoff() {
        return net.parameters().dtype() == DataType.DOUBLE ? 0x1p-53 : 0x1p-24;
    }

    /** About one multiply-add per weight per point (the matrix products dominate). */
    @Override
    public double evaluationCost() {
        return net.parameters().count();
    }

    /**
     * Measured once: what a one-point evaluation keeps for its VJP, in doubles. An MLP's tapes are not in it: they
     * live in {@link MlpInference}'s reused memory, a fixed budget per batch size however many evaluations are kept.
     */
    @Override
    public double retainedPerEvaluation() {
        if (retained < 0) {
            retained = predict(Batch.zeros(1, dim()), path.at(0.5)).retainedBytes() / 8.0;
        }
        return retained;
    }

    /** From the model's own samples ({@link SampledExtent}), computed on first use. */
    @Override
    public double[][] extent() {
        if (extent == null) {
            extent = SampledExtent.of(this, path);
        }
        double[][] copy = new double[extent.length][];
        for (int c = 0; c < copy.length; c++) {
            copy[c] = extent[c].clone();
        }
        return copy;
    }

    @Override
    public Map<String, Object> specValue() {
        if (source == null) {
            throw new IllegalStateException("this network was trained here and is not saved yet: save it to a "
                    + "folder first, and a spec can name that folder");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", kind);
        out.put("file", source.toAbsolutePath().normalize().toString());
        return out;
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
        return mlp != null ? new NetworkPrediction(mlp, net, x, p) : new NetworkPrediction(net, x, p);
    }

    /**
     * An MLP evaluates rows at different times in one pass ({@link MlpInference#evaluate(Batch, double[])}); rows
     * that share one point take the ordinary pass.
     */
    @Override
    public Prediction predict(Batch x, PathPoint[] points) {
        if (mlp == null || points.length != x.rows() || java.util.Arrays.stream(points).allMatch(points[0]::equals)) {
            return TargetPredictor.super.predict(x, points);
        }
        if (x.cols() != dim()) {
            throw new IllegalArgumentException("x has " + x.cols() + " columns, the model has dimension " + dim());
        }
        double[] t = new double[points.length];
        for (int r = 0; r < t.length; r++) {
            t[r] = points[r].t();
            if (!Double.isFinite(t[r])) {
                throw new IllegalArgumentException("a learned model needs the path time t; it cannot be evaluated"
                        + " at an arbitrary (alpha, sigma)");
            }
        }
        MlpInference.Evaluation e = mlp.evaluate(x, t);
        return new RowTimesPrediction(x, points, e.output(), e::vjp);
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
