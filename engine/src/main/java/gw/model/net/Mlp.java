package gw.model.net;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The point network: h1 = SiLU(x Wx + e(t) Wt + b) with e(t) the sinusoidal time features, then depth - 1 hidden
 * layers SiLU(h W + b), then a linear read-out to D outputs. Splitting the first layer's weight into x and time
 * parts skips the concatenation, and when the batch shares one time (guidance) e(t) Wt + b is one row computed
 * once and broadcast.
 */
public final class Mlp implements Network {
    private final Config config;
    private final Parameters params;
    private final SinusoidalEmbedding embedding;
    private final Param wx;
    private final Param wt;
    private final Param b0;
    private final Layer body;

    /** The architecture: data dimension, hidden width, hidden layers, time frequencies, float32 or float64. */
    public record Config(int dim, int width, int depth, int frequencies, double maxFrequency, DataType dtype) {
        public static final int MAX_DIM = 64;
        public static final int MAX_WIDTH = 2048;
        public static final int MAX_DEPTH = 16;
        public static final int MAX_FREQUENCIES = 256;

        public Config {
            check("dim", dim, MAX_DIM);
            check("width", width, MAX_WIDTH);
            check("depth", depth, MAX_DEPTH);
            check("frequencies", frequencies, MAX_FREQUENCIES);
            if (!(maxFrequency >= 1 && maxFrequency <= 1e4)) {
                throw new IllegalArgumentException("maxFrequency must be in 1..10000, got " + maxFrequency);
            }
            if (dtype != DataType.FLOAT && dtype != DataType.DOUBLE) {
                throw new IllegalArgumentException("dtype must be float32 or float64, got " + dtype);
            }
        }

        private static void check(String name, int v, int max) {
            if (v < 1 || v > max) {
                throw new IllegalArgumentException(name + " must be in 1.." + max + ", got " + v);
            }
        }

        public ObjectNode toJson() {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("kind", "mlp");
            n.put("dim", dim);
            n.put("width", width);
            n.put("depth", depth);
            n.put("frequencies", frequencies);
            n.put("maxFrequency", maxFrequency);
            n.put("activation", "silu");
            n.put("dtype", Networks.dtypeName(dtype));
            return n;
        }
    }

    public Mlp(Config config) {
        this.config = config;
        Parameters.Builder pb = new Parameters.Builder(config.dtype());
        this.embedding = new SinusoidalEmbedding(config.frequencies(), config.maxFrequency(), config.dtype());
        this.wx = pb.add("in.wx", Param.Init.FAN_IN_UNIFORM, config.dim(), config.width());
        this.wt = pb.add("in.wt", Param.Init.FAN_IN_UNIFORM, embedding.features(), config.width());
        this.b0 = pb.add("in.b", Param.Init.ZEROS, config.width());
        List<Layer> layers = new ArrayList<>();
        layers.add(new Silu());
        for (int i = 1; i < config.depth(); i++) {
            layers.add(new Dense(pb, "hidden" + i, config.width(), config.width()));
            layers.add(new Silu());
        }
        layers.add(new Dense(pb, "out", config.width(), config.dim()));
        this.body = new Sequential(layers);
        this.params = pb.build();
    }

    public Config config() {
        return config;
    }

    SinusoidalEmbedding embedding() {
        return embedding;
    }

    @Override
    public ObjectNode architecture() {
        return config.toJson();
    }

    @Override
    public Parameters parameters() {
        return params;
    }

    @Override
    public long[] inputShape() {
        return new long[] {config.dim()};
    }

    @Override
    public INDArray forward(INDArray x, INDArray t, Tape tape) {
        if (x.rank() != 2 || x.size(1) != config.dim()) {
            throw new IllegalArgumentException("expected x [B, " + config.dim() + "], got " + java.util.Arrays.toString(x.shape()));
        }
        if (t.length() != 1 && t.length() != x.size(0)) {
            throw new IllegalArgumentException("t has " + t.length() + " entries for a batch of " + x.size(0));
        }
        INDArray e = embedding.embed(t);
        INDArray timeRow = e.mmul(wt.value()).addiRowVector(b0.value());
        INDArray h = x.mmul(wx.value());
        if (timeRow.size(0) == 1) {
            h.addiRowVector(timeRow);
        } else {
            h.addi(timeRow);
        }
        if (tape != null && tape.paramGrads()) {
            tape.push(x);
            tape.push(e);
        }
        return body.forward(h, tape);
    }

    @Override
    public INDArray backward(INDArray gradOut, Tape tape) {
        INDArray g = body.backward(gradOut, tape);
        if (tape.paramGrads()) {
            INDArray e = tape.pop();
            INDArray x = tape.pop();
            Nd4j.gemm(x, g, wx.grad(), true, false, 1.0, 1.0);
            INDArray colSum = g.sum(0);
            b0.grad().addi(colSum);
            if (e.size(0) == 1) {
                Nd4j.gemm(e, colSum.reshape(1, colSum.length()), wt.grad(), true, false, 1.0, 1.0);
            } else {
                Nd4j.gemm(e, g, wt.grad(), true, false, 1.0, 1.0);
            }
        }
        return Nd4j.gemm(g, wx.value(), false, true);
    }
}
