package gw.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gw.data.FashionMnist;
import gw.spec.SpecException;
import gw.model.net.ImageClassifier;
import gw.model.net.Networks;
import gw.model.net.UNet;
import java.util.Set;

/** The image networks' fields of a train spec (docs/IMAGES.md), validated into an architecture JSON. */
final class ImageSpecs {
    /** The default U-Net: channels 32/64/128, 8 groups, 16 time frequencies up to 1000, time width 128. */
    static final int[] CHANNELS = {32, 64, 128};

    private ImageSpecs() {
    }

    static ObjectNode unet(JsonNode node) {
        JsonFields f = new JsonFields(node, "model", Set.of("kind", "channels", "groups", "frequencies",
                "maxFrequency", "timeDim", "dtype"));
        int[] channels = CHANNELS;
        if (f.has("channels")) {
            JsonNode c = f.get("channels");
            if (!c.isArray() || c.size() < 1 || c.size() > 3) {
                throw new SpecException("model.channels", "must be an array of 1..3 channel counts (28 = 4 * 7 allows"
                        + " at most two halvings)");
            }
            channels = new int[c.size()];
            for (int i = 0; i < channels.length; i++) {
                if (!c.get(i).isIntegralNumber() || c.get(i).asInt() < 1 || c.get(i).asInt() > 512) {
                    throw new SpecException("model.channels", "entries must be integers in 1..512, got " + c.get(i));
                }
                channels[i] = c.get(i).asInt();
            }
        }
        int groups = (int) f.integer("groups", 8, 1, 512);
        int freqs = (int) f.integer("frequencies", 16, 1, 256);
        double maxFreq = f.number("maxFrequency", 1000, 1, false, 1e4);
        int timeDim = (int) f.integer("timeDim", 128, 1, 4096);
        String dtype = f.text("dtype", "float32");
        if (!dtype.equals("float32") && !dtype.equals("float64")) {
            throw new SpecException("model.dtype", "must be float32 or float64, got '" + dtype + "'");
        }
        for (int c : channels) {
            if (c % groups != 0) {
                throw new SpecException("model.groups", groups + " groups do not divide channel count " + c);
            }
        }
        return new UNet.Config(FashionMnist.SIDE, channels, groups, freqs, maxFreq, timeDim, Networks.dtype(dtype))
                .toJson();
    }

    /** The CNN classifier: channels per stage (default 16/32/64: 28, 14, 7 pixels), groups (default 8), float32. */
    static ObjectNode classifier(JsonNode node) {
        JsonFields f = new JsonFields(node, "model", Set.of("kind", "channels", "groups", "dtype"));
        int[] channels = {16, 32, 64};
        if (f.has("channels")) {
            JsonNode c = f.get("channels");
            if (!c.isArray() || c.size() < 1 || c.size() > 4) {
                throw new SpecException("model.channels", "must be an array of 1..4 channel counts");
            }
            channels = new int[c.size()];
            for (int i = 0; i < channels.length; i++) {
                if (!c.get(i).isIntegralNumber() || c.get(i).asInt() < 1 || c.get(i).asInt() > 512) {
                    throw new SpecException("model.channels", "entries must be integers in 1..512, got " + c.get(i));
                }
                channels[i] = c.get(i).asInt();
            }
        }
        int groups = (int) f.integer("groups", 8, 1, 512);
        for (int c : channels) {
            if (c % groups != 0) {
                throw new SpecException("model.groups", groups + " groups do not divide channel count " + c);
            }
        }
        String dtype = f.text("dtype", "float32");
        if (!dtype.equals("float32") && !dtype.equals("float64")) {
            throw new SpecException("model.dtype", "must be float32 or float64, got '" + dtype + "'");
        }
        return new ImageClassifier.Config(FashionMnist.SIDE, channels, groups, FashionMnist.CLASSES.size(),
                Networks.dtype(dtype)).toJson();
    }
}
