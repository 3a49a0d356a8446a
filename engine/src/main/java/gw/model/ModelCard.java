package gw.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gw.data.DataExtent;
import gw.data.DataSpec;
import gw.data.Procedural;
import gw.model.net.InvalidModelFileException;
import gw.model.net.NetworkHeader;
import gw.path.Paths;
import gw.tensor.Batch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a learned model says about itself without loading its network (no ND4J, no payload read): its kind, path,
 * data dimension, dtype and parameter count from the model file's header, and the listing fields a chooser and a
 * plot need ({@value #DIM}, {@value #EXTENT}: the training data's box, {@value #RETAINED}: what one evaluation keeps
 * per point for its VJP), which {@code train} writes into both the file's metadata and card.json. Older folders
 * without them still read: the dimension follows from the architecture, the box of a procedural set is regenerated,
 * and the rest is left unknown (null, NaN) for the loaded network to answer.
 *
 * @param source the folder (or file) as named, which a spec value writes back
 * @param extent {lo, hi} per coordinate, or null when unknown
 * @param retainedPerPoint doubles per point, or NaN when unknown
 */
public record ModelCard(Path source, String kind, String path, int dim, String dtype, long parameters,
                        double[][] extent, double retainedPerPoint, JsonNode card) {
    public static final String DIM = "dim";
    public static final String EXTENT = "extent";
    public static final String RETAINED = "retainedPerPoint";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads the header of the folder's model.bin (or the file) and its card.json if there is one.
     * @throws InvalidModelFileException naming the problem: missing, truncated, foreign, not a model
     */
    public static ModelCard read(Path dirOrFile) {
        Path file = Files.isDirectory(dirOrFile) ? dirOrFile.resolve(LearnedModels.MODEL_FILE) : dirOrFile;
        JsonNode header = NetworkHeader.read(file);
        JsonNode meta = header.path("meta");
        if (!"model".equals(meta.path("role").asText())) {
            throw new InvalidModelFileException(file + " is a " + meta.path("role").asText("non-model")
                    + " file, not a trained model");
        }
        String path = meta.path("path").asText();
        if (!Paths.NAMES.contains(path)) {
            throw new InvalidModelFileException(file + " names an unknown path '" + path + "'");
        }
        JsonNode card = readCard(file.resolveSibling("card.json"));
        JsonNode arch = header.path("architecture");
        int dim = field(card, meta, DIM).asInt(architectureDim(arch));
        if (dim <= 0) {
            throw new InvalidModelFileException(file + ": the architecture gives no data dimension");
        }
        double[][] extent = extent(field(card, meta, EXTENT), dim);
        if (extent == null) {
            extent = proceduralBox(card.path("data"), dim);
        }
        return new ModelCard(dirOrFile, arch.path("kind").asText(), path, dim, header.path("dtype").asText(),
                NetworkHeader.tensorLength(header, "params"), extent,
                field(card, meta, RETAINED).asDouble(Double.NaN), card);
    }

    /** The listing fields for a trained point network on {@code data}, for its card and file metadata. */
    public static ObjectNode listing(NetworkPredictor model, Batch data) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put(DIM, model.dim());
        if (data != null && data.cols() == model.dim()) {
            var box = n.putArray(EXTENT);
            for (double[] c : DataExtent.of(data)) {
                box.addArray().add(c[0]).add(c[1]);
            }
        }
        n.put(RETAINED, model.retainedPerEvaluation());
        return n;
    }

    /** The folder's name (or the file's), for choosers and messages. */
    public String name() {
        Path f = source.getFileName();
        return f == null ? source.toString() : f.toString();
    }

    private static JsonNode field(JsonNode card, JsonNode meta, String name) {
        return card.has(name) ? card.get(name) : meta.path(name);
    }

    private static JsonNode readCard(Path file) {
        if (!Files.isRegularFile(file)) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode c = JSON.readTree(file.toFile());
            return c != null && c.isObject() ? c : JsonNodeFactory.instance.objectNode();
        } catch (IOException e) {
            return JsonNodeFactory.instance.objectNode(); // the card is documentation: the model file decides
        }
    }

    /** mlp: its "dim"; image networks: side x side pixels; 0 when unknown. */
    private static int architectureDim(JsonNode arch) {
        if (arch.has("dim")) {
            return arch.path("dim").asInt(0);
        }
        int side = arch.path("side").asInt(0);
        return side * side;
    }

    private static double[][] extent(JsonNode n, int dim) {
        if (!n.isArray() || n.size() != dim) {
            return null;
        }
        double[][] box = new double[dim][];
        for (int c = 0; c < dim; c++) {
            JsonNode r = n.get(c);
            if (!r.isArray() || r.size() != 2 || !(r.get(0).asDouble() < r.get(1).asDouble())) {
                return null;
            }
            box[c] = new double[] {r.get(0).asDouble(), r.get(1).asDouble()};
        }
        return box;
    }

    /** An older card on a procedural set: the set regenerated from its card (no network call). */
    private static double[][] proceduralBox(JsonNode data, int dim) {
        String kind = data.path("kind").asText();
        if (Procedural.byName(kind) == null) {
            return null;
        }
        try {
            Batch b = DataSpec.procedural(kind, 4096, data.path("seed").asLong()).load();
            return b.cols() == dim ? DataExtent.of(b) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
