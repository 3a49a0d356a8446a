package gw.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gw.model.net.ImageClassifier;
import gw.model.net.InvalidModelFileException;
import gw.model.net.Network;
import gw.model.net.NetworkFile;
import java.nio.file.Path;
import java.util.Map;

/**
 * Trained image classifiers on disk: a directory holding {@value LearnedModels#MODEL_FILE}, a {@link NetworkFile}
 * whose metadata says role "classifier" (so a classifier is never loaded as a flow model, nor the reverse), beside
 * card.json, spec.json and loss.csv (docs/IMAGES.md).
 */
public final class Classifiers {
    public static final String ROLE = "classifier";

    private Classifiers() {
    }

    public static byte[] encode(Network net, ObjectNode meta) {
        ObjectNode m = meta.deepCopy();
        m.put("role", ROLE);
        return NetworkFile.encode(net, Map.of(), m);
    }

    /**
     * Loads a classifier directory (or its model file).
     * @throws InvalidModelFileException naming the problem: missing, corrupt, not a classifier
     */
    public static ImageClassifier load(Path dirOrFile) {
        Path file = LearnedModels.modelFile(dirOrFile);
        NetworkFile.Loaded loaded = LearnedModels.decode(file);
        if (!ROLE.equals(loaded.meta().path("role").asText()) || !(loaded.network() instanceof ImageClassifier c)) {
            throw new InvalidModelFileException(file + " is a " + loaded.meta().path("role").asText("non-model")
                    + " file, not a trained classifier");
        }
        return c;
    }
}
