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
        READERS.put("mlp", LearnedModelReader::read);
    }

    public static final List<String> KINDS = List.copyOf(READERS.keySet());

    private ModelReader() {
    }

    /** Refuses a path the model cannot run on (a learned model runs only on its training path). */
    static void checkPath(TargetPredictor m, String path, Field where) {
        m.requiredPath().filter(p -> !p.equals(path)).ifPresent(p -> {
            throw where.error("the model was trained on the " + p + " path and runs only there, got " + path
                    + "; use \"path\": \"" + p + "\"");
        });
    }

    /**
     * A model named on a command line: a JSON file holding a model spec ({@code {"kind": ...}}), or a learned
     * model folder (or file), read as {@code {"kind": "mlp", "file": NAME}}; problems are errors on {@code option}.
     */
    public static TargetPredictor fromOption(String option, String name) {
        try {
            if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
                return read(SpecReader.read(java.nio.file.Path.of(name)));
            }
            com.fasterxml.jackson.databind.node.ObjectNode spec =
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            spec.put("kind", "mlp").put("file", name);
            return read(Field.root(spec));
        } catch (SpecException e) {
            throw new SpecException(option, e.problem());
        } catch (java.nio.file.InvalidPathException e) {
            throw new SpecException(option, "not a valid file name: " + e.getReason());
        }
    }

    public static TargetPredictor read(Field f) {
        f.object();
        String kind = f.get("kind").oneOf(KINDS);
        return READERS.get(kind).apply(f);
    }
}
