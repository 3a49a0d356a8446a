package gw.model.net;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The image network: a U-Net on one-channel side x side images that enter and leave flattened row-major ([B, D],
 * D = side^2, so it is a point model of dimension D to everything above it) and are viewed as [B, 1, side, side].
 *
 * <pre>
 * 3x3 conv 1 -> c0
 * level l = 0..L-1: ResBlock(c_l); keep as skip l; 3x3 stride-2 conv c_l -> c_{l+1} (not at the bottom)
 * bottom: one more ResBlock(c_{L-1})
 * level l = L-2..0: upsample x2, concatenate skip l, ResBlock(c_{l+1} + c_l -> c_l)
 * GroupNorm, SiLU, 3x3 conv c0 -> 1
 * </pre>
 * Every ResBlock adds a per-channel projection of the time embedding temb = SiLU(W2 SiLU(W1 e(t))), e(t) the
 * sinusoidal features. The side must be divisible by 2^(L-1).
 */
public final class UNet implements Network {
    private final Config config;
    private final Parameters params;
    private final SinusoidalEmbedding embedding;
    private final Sequential timeMlp;
    private final Conv2d inConv;
    private final List<ResBlock> down = new ArrayList<>();
    private final List<Conv2d> downsample = new ArrayList<>();
    private final ResBlock middle;
    private final List<ResBlock> up = new ArrayList<>();
    private final Upsample2x upsample = new Upsample2x();
    private final Sequential outHead;

    /** The architecture: image side, channels per level, GroupNorm groups, time features and width, data type. */
    public record Config(int side, int[] channels, int groups, int frequencies, double maxFrequency, int timeDim,
                         DataType dtype) {
        public static final int MAX_SIDE = 256;
        public static final int MAX_CHANNELS = 1024;
        public static final int MAX_LEVELS = 5;

        public Config {
            channels = channels.clone();
            if (channels.length < 1 || channels.length > MAX_LEVELS) {
                throw new IllegalArgumentException("channels needs 1.." + MAX_LEVELS + " levels, got " + channels.length);
            }
            for (int c : channels) {
                if (c < 1 || c > MAX_CHANNELS || c % groups != 0) {
                    throw new IllegalArgumentException("each channel count must be in 1.." + MAX_CHANNELS
                            + " and divisible by groups " + groups + ", got " + Arrays.toString(channels));
                }
            }
            int scale = 1 << (channels.length - 1);
            if (side < 2 || side > MAX_SIDE || side % scale != 0) {
                throw new IllegalArgumentException("side must be in 2.." + MAX_SIDE + " and divisible by " + scale
                        + " for " + channels.length + " levels, got " + side);
            }
            if (frequencies < 1 || frequencies > 256 || timeDim < 1 || timeDim > 4096) {
                throw new IllegalArgumentException("frequencies must be in 1..256 and timeDim in 1..4096, got "
                        + frequencies + " and " + timeDim);
            }
            if (!(maxFrequency >= 1 && maxFrequency <= 1e4)) {
                throw new IllegalArgumentException("maxFrequency must be in 1..10000, got " + maxFrequency);
            }
            if (dtype != DataType.FLOAT && dtype != DataType.DOUBLE) {
                throw new IllegalArgumentException("dtype must be float32 or float64, got " + dtype);
            }
        }

        @Override
        public int[] channels() {
            return channels.clone();
        }

        public ObjectNode toJson() {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("kind", "unet");
            n.put("side", side);
            ArrayNode c = n.putArray("channels");
            for (int v : channels) {
                c.add(v);
            }
            n.put("groups", groups);
            n.put("frequencies", frequencies);
            n.put("maxFrequency", maxFrequency);
            n.put("timeDim", timeDim);
            n.put("dtype", dtype == DataType.DOUBLE ? "float64" : "float32");
            return n;
        }
    }

    public UNet(Config config) {
        this.config = config;
        int[] c = config.channels();
        int levels = c.length;
        int g = config.groups();
        int td = config.timeDim();
        Parameters.Builder pb = new Parameters.Builder(config.dtype());
        this.embedding = new SinusoidalEmbedding(config.frequencies(), config.maxFrequency(), config.dtype());
        this.timeMlp = new Sequential(List.of(new Dense(pb, "time1", embedding.features(), td), new Silu(),
                new Dense(pb, "time2", td, td), new Silu()));
        this.inConv = new Conv2d(pb, "in", 1, c[0], 3, 1);
        for (int l = 0; l < levels; l++) {
            down.add(new ResBlock(pb, "down" + l, c[l], c[l], td, g));
            if (l < levels - 1) {
                downsample.add(new Conv2d(pb, "downsample" + l, c[l], c[l + 1], 3, 2));
            }
        }
        this.middle = new ResBlock(pb, "middle", c[levels - 1], c[levels - 1], td, g);
        for (int l = levels - 2; l >= 0; l--) {
            up.add(new ResBlock(pb, "up" + l, c[l + 1] + c[l], c[l], td, g));
        }
        this.outHead = new Sequential(List.of(new GroupNorm(pb, "out.norm", c[0], g), new Silu(),
                new Conv2d(pb, "out.conv", c[0], 1, 3, 1)));
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

    @Override
    public INDArray forward(INDArray x, INDArray t, Tape tape) {
        int side = config.side();
        FlatImages.check(x, side);
        if (t.length() != 1 && t.length() != x.size(0)) {
            throw new IllegalArgumentException("t has " + t.length() + " entries for a batch of " + x.size(0));
        }
        boolean train = tape != null && tape.paramGrads();
        INDArray temb = timeMlp.forward(embedding.embed(t), train ? tape : null);
        INDArray h = inConv.forward(FlatImages.view(x, side), tape);
        List<INDArray> skips = new ArrayList<>();
        for (int l = 0; l < down.size(); l++) {
            h = down.get(l).forward(h, temb, tape);
            if (l < downsample.size()) {
                skips.add(h);
                h = downsample.get(l).forward(h, tape);
            }
        }
        h = middle.forward(h, temb, tape);
        for (int i = 0; i < up.size(); i++) {
            INDArray skip = skips.get(skips.size() - 1 - i);
            h = Nd4j.concat(1, upsample.forward(h, tape), skip);
            h = up.get(i).forward(h, temb, tape);
        }
        if (tape != null) {
            tape.push(temb);
        }
        return FlatImages.flatten(outHead.forward(h, tape), x.size(0), side);
    }

    @Override
    public INDArray backward(INDArray gradOut, Tape tape) {
        int side = config.side();
        long batch = gradOut.size(0);
        INDArray g = outHead.backward(FlatImages.view(gradOut, side), tape);
        INDArray temb = tape.pop();
        INDArray gradTemb = tape.paramGrads() ? temb.ulike().assign(0) : null;
        int[] c = config.channels();
        List<INDArray> gradSkips = new ArrayList<>(); // index l: dL/d(skip l) through the concatenation
        for (int i = up.size() - 1; i >= 0; i--) {
            g = up.get(i).backward(g, tape, gradTemb);
            int level = up.size() - 1 - i;
            long upper = c[level + 1];
            gradSkips.add(g.get(NDArrayIndex.all(), NDArrayIndex.interval(upper, g.size(1))));
            g = upsample.backward(g.get(NDArrayIndex.all(), NDArrayIndex.interval(0, upper)), tape);
        }
        g = middle.backward(g, tape, gradTemb);
        for (int l = down.size() - 1; l >= 0; l--) {
            if (l < downsample.size()) {
                g = downsample.get(l).backward(g, tape);
                g.addi(gradSkips.get(l));
            }
            g = down.get(l).backward(g, tape, gradTemb);
        }
        g = inConv.backward(g, tape);
        if (gradTemb != null) {
            timeMlp.backward(gradTemb, tape);
        }
        return FlatImages.flatten(g, batch, side);
    }
}
