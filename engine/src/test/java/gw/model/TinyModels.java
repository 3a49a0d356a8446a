package gw.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import gw.model.net.Mlp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nd4j.linalg.api.buffer.DataType;

/** Tiny untrained networks written as model folders, for tests of everything that takes a learned model. */
public final class TinyModels {
    private TinyModels() {
    }

    /** A width-8, depth-2 MLP on {@code dim} coordinates, seeded weights, saved as {@code dir}/model.bin. */
    public static Path write(Path dir, int dim, String path, DataType dtype, long seed) throws IOException {
        Mlp net = new Mlp(new Mlp.Config(dim, 8, 2, 4, 100, dtype));
        net.parameters().initialise(seed);
        Files.createDirectories(dir);
        Files.write(dir.resolve(LearnedModels.MODEL_FILE),
                LearnedModels.encode(net, path, JsonNodeFactory.instance.objectNode()));
        return dir;
    }
}
