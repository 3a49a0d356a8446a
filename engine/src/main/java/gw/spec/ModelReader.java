package gw.spec;

import gw.model.TargetPredictor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a model spec {@code {"kind": K, ...}} through a registry of kinds: a new model is one reader entry here
 * and its class's {@link TargetPredictor#specValue()}, which writes the same members back.
 */
public final class ModelReader {
    private static final Map<String, Function<Field, TargetPredictor>> READERS = new LinkedHashMap<>();

    static {
        READERS.put("gmm", ClosedFormReaders::mixture);
        READERS.put("gaussian", ClosedFormReaders::gaussian);
    }

    public static final List<String> KINDS = List.copyOf(READERS.keySet());

    private ModelReader() {
    }

    public static TargetPredictor read(Field f) {
        f.object();
        String kind = f.get("kind").oneOf(KINDS);
        return READERS.get(kind).apply(f);
    }
}
