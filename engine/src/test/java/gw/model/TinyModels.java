package gw.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import gw.model.net.ImageClassifier;
import gw.model.net.Mlp;
import gw.model.net.UNet;
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
        return save(dir, LearnedModels.encode(net, path, JsonNodeFactory.instance.objectNode()));
    }

    /** A 28 x 28 float32 U-Net, channels 4/8, seeded weights: big enough for Fashion-MNIST, fast enough for tests. */
    public static UNet unet(long seed) {
        UNet net = new UNet(new UNet.Config(28, new int[] {4, 8}, 2, 2, 10, 4, DataType.FLOAT));
        net.parameters().initialise(seed);
        return net;
    }

    /** {@link #unet} on the ot path, saved as {@code dir}/model.bin. */
    public static Path writeUnet(Path dir, long seed) throws IOException {
        return save(dir, LearnedModels.encode(unet(seed), "ot", JsonNodeFactory.instance.objectNode()));
    }

    /** A 28 x 28 float64 classifier of 10 classes, channels 4/4, seeded weights, saved as {@code dir}/model.bin. */
    public static Path writeClassifier(Path dir, long seed) throws IOException {
        ImageClassifier c = new ImageClassifier(new ImageClassifier.Config(28, new int[] {4, 4}, 2, 10,
                DataType.DOUBLE));
        c.parameters().initialise(seed);
        return save(dir, Classifiers.encode(c, JsonNodeFactory.instance.objectNode()));
    }

    private static Path save(Path dir, byte[] model) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(LearnedModels.MODEL_FILE), model);
        return dir;
    }
}
