package gw.model.net;

import com.fasterxml.jackson.databind.JsonNode;
import org.nd4j.linalg.api.buffer.DataType;

/** Rebuilds a network from its architecture JSON; add a case per network kind. */
public final class Networks {
    private Networks() {
    }

    public static Network fromArchitecture(JsonNode a) {
        String kind = a.path("kind").asText("");
        if (kind.equals("mlp")) {
            return new Mlp(new Mlp.Config(intField(a, "dim"), intField(a, "width"), intField(a, "depth"),
                    intField(a, "frequencies"), a.path("maxFrequency").asDouble(Double.NaN),
                    dtype(a.path("dtype").asText(""))));
        }
        if (kind.equals("unet")) {
            return new UNet(new UNet.Config(intField(a, "side"), intArray(a, "channels"), intField(a, "groups"),
                    intField(a, "frequencies"), a.path("maxFrequency").asDouble(Double.NaN), intField(a, "timeDim"),
                    dtype(a.path("dtype").asText(""))));
        }
        if (kind.equals("cnn-classifier")) {
            return new ImageClassifier(new ImageClassifier.Config(intField(a, "side"), intArray(a, "channels"),
                    intField(a, "groups"), intField(a, "classes"), dtype(a.path("dtype").asText(""))));
        }
        throw new IllegalArgumentException("unknown network kind '" + kind + "'; known: mlp, unet, cnn-classifier");
    }

    private static int[] intArray(JsonNode a, String name) {
        JsonNode n = a.get(name);
        if (n == null || !n.isArray() || n.isEmpty()) {
            throw new IllegalArgumentException("architecture field '" + name + "' must be a non-empty integer array");
        }
        int[] v = new int[n.size()];
        for (int i = 0; i < v.length; i++) {
            if (!n.get(i).isIntegralNumber() || !n.get(i).canConvertToInt()) {
                throw new IllegalArgumentException("architecture field '" + name + "' must hold integers");
            }
            v[i] = n.get(i).intValue();
        }
        return v;
    }

    private static int intField(JsonNode a, String name) {
        JsonNode n = a.get(name);
        if (n == null || !n.canConvertToInt() || !n.isIntegralNumber()) {
            throw new IllegalArgumentException("architecture field '" + name + "' must be an integer");
        }
        return n.intValue();
    }

    public static DataType dtype(String name) {
        return switch (name) {
            case "float32" -> DataType.FLOAT;
            case "float64" -> DataType.DOUBLE;
            default -> throw new IllegalArgumentException("dtype must be float32 or float64, got '" + name + "'");
        };
    }

    public static String dtypeName(DataType t) {
        return t == DataType.DOUBLE ? "float64" : "float32";
    }
}
