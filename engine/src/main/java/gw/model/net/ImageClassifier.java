package gw.model.net;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A small CNN classifier on flattened one-channel images [B, side^2] -> class logits [B, classes], no time input:
 * 3x3 conv 1 -> c0, GroupNorm, SiLU, then per further width c_l a 3x3 stride-2 conv, GroupNorm, SiLU, then a dense
 * read-out of the flattened feature map. Used to judge samples (class histogram, confidence) and, through its input
 * VJP, for class guidance: d log p(class | x) / dx.
 */
public final class ImageClassifier implements Network {
    private final Config config;
    private final Parameters params;
    private final Sequential features;
    private final Dense readout;
    private final long flat;

    /** The architecture: image side, channels per stage (each after the first halves the side), groups, classes. */
    public record Config(int side, int[] channels, int groups, int classes, DataType dtype) {
        public Config {
            channels = channels.clone();
            if (channels.length < 1 || channels.length > 4) {
                throw new IllegalArgumentException("channels needs 1..4 stages, got " + channels.length);
            }
            for (int c : channels) {
                if (c < 1 || c > 1024 || groups < 1 || c % groups != 0) {
                    throw new IllegalArgumentException("each channel count must be in 1..1024 and divisible by groups "
                            + groups + ", got " + Arrays.toString(channels));
                }
            }
            if (side < 4 || side > 256 || classes < 2 || classes > 1000) {
                throw new IllegalArgumentException("side must be in 4..256 and classes in 2..1000, got " + side
                        + " and " + classes);
            }
            if (dtype != DataType.FLOAT && dtype != DataType.DOUBLE) {
                throw new IllegalArgumentException("dtype must be float32 or float64, got " + dtype);
            }
        }

        @Override
        public int[] channels() {
            return channels.clone();
        }

        /** Side of the last feature map: each stride-2 conv (padding 1, kernel 3) maps s to ceil(s / 2). */
        int featureSide() {
            int s = side;
            for (int l = 1; l < channels.length; l++) {
                s = (s + 1) / 2;
            }
            return s;
        }

        public ObjectNode toJson() {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("kind", "cnn-classifier");
            n.put("side", side);
            ArrayNode c = n.putArray("channels");
            for (int v : channels) {
                c.add(v);
            }
            n.put("groups", groups);
            n.put("classes", classes);
            n.put("dtype", dtype == DataType.DOUBLE ? "float64" : "float32");
            return n;
        }
    }

    public ImageClassifier(Config config) {
        this.config = config;
        int[] c = config.channels();
        Parameters.Builder pb = new Parameters.Builder(config.dtype());
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < c.length; l++) {
            layers.add(new Conv2d(pb, "conv" + l, l == 0 ? 1 : c[l - 1], c[l], 3, l == 0 ? 1 : 2));
            layers.add(new GroupNorm(pb, "norm" + l, c[l], config.groups()));
            layers.add(new Silu());
        }
        this.features = new Sequential(layers);
        long s = config.featureSide();
        this.flat = c[c.length - 1] * s * s;
        this.readout = new Dense(pb, "readout", (int) flat, config.classes());
        this.params = pb.build();
    }

    public Config config() {
        return config;
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
        return FlatImages.shape(config.side());
    }

    /** Logits [B, classes]; t is ignored (may be null). */
    @Override
    public INDArray forward(INDArray x, INDArray t, Tape tape) {
        int side = config.side();
        FlatImages.check(x, side);
        INDArray h = features.forward(FlatImages.view(x, side), tape);
        if (tape != null) {
            tape.push(h);
        }
        return readout.forward(h.reshape('c', x.size(0), flat), tape);
    }

    @Override
    public INDArray backward(INDArray gradOut, Tape tape) {
        INDArray g = readout.backward(gradOut, tape);
        INDArray h = tape.pop();
        g = features.backward(g.reshape('c', h.shape()), tape);
        return FlatImages.flatten(g, gradOut.size(0), config.side());
    }
}
