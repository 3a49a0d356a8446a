package gw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import gw.model.LearnedModels;
import gw.model.net.Mlp;
import gw.model.net.Network;
import gw.model.net.UNet;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/** sample-images on a tiny untrained U-Net: a PNG grid of the right size; point models and bad options exit 2. */
class SampleImagesCommandTest {

    private static Path save(Path dir, String name, Network net) throws Exception {
        net.parameters().initialise(1);
        Path d = dir.resolve(name);
        Files.createDirectories(d);
        Files.write(d.resolve(LearnedModels.MODEL_FILE),
                LearnedModels.encode(net, "ot", JsonNodeFactory.instance.objectNode()));
        return d;
    }

    @Test
    void writesAGridOfSamples(@TempDir Path dir) throws Exception {
        Path model = save(dir, "unet", new UNet(new UNet.Config(8, new int[] {4, 8}, 2, 2, 10, 4, DataType.FLOAT)));
        Path png = dir.resolve("grid.png");
        Cli.Result r = Cli.run("sample-images", "--model", model.toString(), "--out", png.toString(), "--count", "3",
                "--steps", "2");
        assertEquals(0, r.code(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        // 3 samples: 2 columns (ceil sqrt 3), 2 rows of 16 x 16 cells (side 8, scale 2) with gaps
        assertEquals(2 * 17 + 1, img.getWidth());
        assertEquals(2 * 17 + 1, img.getHeight());
        Path mlp = save(dir, "mlp", new Mlp(new Mlp.Config(2, 8, 1, 2, 10, DataType.FLOAT)));
        r = Cli.run("sample-images", "--model", mlp.toString(), "--out", png.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--model"), r.err());
        r = Cli.run("sample-images", "--model", model.toString(), "--out", png.toString(), "--steps", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--steps"), r.err());
    }
}
