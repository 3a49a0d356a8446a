package gw.spec;

import gw.model.LearnedModels;
import gw.model.TargetPredictor;
import gw.model.net.InvalidModelFileException;
import java.util.List;

/**
 * The learned model kind: {@code {"kind": "mlp", "file": F}}, F a model folder written by {@code train} (or its
 * model.bin). A relative F resolves against the spec file's folder, then the working directory
 * ({@link Field#file()}). The file is validated as it loads; any problem is an error on {@code model.file}.
 */
final class LearnedModelReader {
    private LearnedModelReader() {
    }

    static TargetPredictor read(Field f) {
        f.object(List.of("kind", "file"));
        Field file = f.get("file");
        TargetPredictor m;
        try {
            m = LearnedModels.load(file.file());
        } catch (InvalidModelFileException e) {
            throw file.error(e.getMessage());
        }
        file.require(!"unet".equals(m.kind()), "holds a U-Net image model (dimension " + m.dim() + "); point "
                + "experiments need an mlp, and image tasks run from a spec with \"kind\": \"image-experiment\" "
                + "(docs/IMAGES.md)");
        f.get("kind").require(m.kind().equals(f.get("kind").string()), "the file holds a '" + m.kind()
                + "' network, not '" + f.get("kind").string() + "'");
        return m;
    }
}
