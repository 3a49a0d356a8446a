package gw.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gw.model.net.InvalidModelFileException;
import gw.model.net.Network;
import gw.model.net.NetworkFile;
import gw.path.Paths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Learned point models on disk: a directory holding {@value #MODEL_FILE} (a {@link NetworkFile} whose metadata names
 * the path it was trained on) beside its card.json, spec.json and loss.csv (docs/TRAINING.md).
 */
public final class LearnedModels {
    public static final String MODEL_FILE = "model.bin";
    private static volatile Runnable beforeLoad = () -> { };
    private static volatile boolean deferred;

    private LearnedModels() {
    }

    /**
     * From now on, models named in specs open from their card and load their network on first use
     * ({@link LearnedModel}), and every load first runs {@code gate}. The desktop app sets this at start-up: its
     * first frame needs no network, and ND4J starts on one thread of its own (the gate waits for it). Without it
     * (the command line), a spec's model is loaded and fully validated as the spec is read.
     */
    public static void deferLoading(Runnable gate) {
        beforeLoad = gate;
        deferred = true;
    }

    /** Whether {@link #deferLoading} is on. */
    public static boolean deferring() {
        return deferred;
    }

    /**
     * A model folder (or file) listed from its card, its network loaded on first use.
     * @throws InvalidModelFileException naming the problem found in its header: missing, truncated, foreign
     */
    public static LearnedModel open(Path dirOrFile) {
        return new LearnedModel(ModelCard.read(dirOrFile), () -> beforeLoad.run());
    }

    /** The model file's bytes for a trained network on {@code path}; {@code meta} gains "role" and "path". */
    public static byte[] encode(Network net, String path, ObjectNode meta) {
        ObjectNode m = meta.deepCopy();
        m.put("role", "model");
        m.put("path", path);
        return NetworkFile.encode(net, Map.of(), m);
    }

    /** A model directory's network file, or the file itself when given one. */
    static Path modelFile(Path dirOrFile) {
        return Files.isDirectory(dirOrFile) ? dirOrFile.resolve(MODEL_FILE) : dirOrFile;
    }

    /** Reads and decodes a network file; a missing, unreadable or corrupt file is named in the exception. */
    static NetworkFile.Loaded decode(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidModelFileException(file + " does not exist");
        } catch (IOException e) {
            throw new InvalidModelFileException(file + " cannot be read: " + e.getMessage());
        }
        return NetworkFile.decode(bytes, file.toString());
    }

    /**
     * Loads a model directory (or a model file directly).
     * @throws InvalidModelFileException naming the problem: missing, truncated, foreign, corrupt, not a model
     */
    public static NetworkPredictor load(Path dirOrFile) {
        beforeLoad.run();
        Path file = modelFile(dirOrFile);
        NetworkFile.Loaded loaded = decode(file);
        if (!"model".equals(loaded.meta().path("role").asText())) {
            throw new InvalidModelFileException(file + " is a " + loaded.meta().path("role").asText("non-model")
                    + " file, not a trained model");
        }
        String path = loaded.meta().path("path").asText();
        if (!Paths.NAMES.contains(path)) {
            throw new InvalidModelFileException(file + " names an unknown path '" + path + "'");
        }
        return new NetworkPredictor(loaded.network().architecture().path("kind").asText(), loaded.network(),
                Paths.byName(path), dirOrFile);
    }

    /** Loads and checks the data dimension the caller needs. */
    public static NetworkPredictor load(Path dirOrFile, int expectedDim) {
        NetworkPredictor m = load(dirOrFile);
        if (m.dim() != expectedDim) {
            throw new InvalidModelFileException(dirOrFile + " is a model of dimension " + m.dim() + ", expected "
                    + expectedDim);
        }
        return m;
    }
}
