package gw.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gw.data.FashionMnist;
import gw.data.FashionMnistDir;
import gw.experiment.image.ImageCosts;
import gw.experiment.image.ReconstructionRequest;
import gw.experiment.image.SchemeChoice;
import gw.model.TinyModels;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * `run` on image experiments: the shipped example spec on a tiny seeded U-Net (N = 2) writes its files, the PNG grid
 * has one row per image and ground truth | measurement | one column per scheme, the NFE and VJP columns are the
 * documented costs, the same spec writes the same bytes, and bad input exits 2 naming the field before any work.
 */
class ImageRunTest extends ImageCliFixture {
    /** The shipped example with the tiny U-Net, two steps, two of its images and its first task (time). */
    static ObjectNode example() throws Exception {
        ObjectNode s = (ObjectNode) Cli.JSON.readTree(Path.of("..", "assets", "examples", "images.json").toFile());
        assertEquals(List.of("inpaint-random", "super-resolution-x2"), List.of(s.get("tasks").get(0).asText(),
                s.get("tasks").get(1).asText()));
        s.put("model", unet.toString());
        s.put("steps", 2);
        s.set("images", Cli.JSON.createArrayNode().add(0).add(3));
        s.set("tasks", Cli.JSON.createArrayNode().add("inpaint-random"));
        return s;
    }

    @Test
    void theExampleWritesItsFilesAndTheSameSpecTheSameBytes(@TempDir Path dir) throws Exception {
        ObjectNode spec = example();
        Path a = dir.resolve("a");
        Cli.Result r = run(dir, spec, a);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("PSNR dB"), r.out());
        JsonNode results = Cli.JSON.readTree(a.resolve("results.json").toFile());
        assertEquals("complete", results.get("status").asText());
        JsonNode runs = results.get("runs");
        assertEquals(3 * 2, runs.size()); // schemes x images
        List<String> csv = Files.readAllLines(a.resolve("results.csv"));
        assertEquals(1 + runs.size(), csv.size());
        assertEquals(3, results.get("summary").size());
        // NFEs and VJPs per image are the documented costs (checkpointed end-to-end: within its bound)
        List<SchemeChoice> schemes = List.of(SchemeChoice.greedy(), SchemeChoice.lookahead(2, "euler"),
                SchemeChoice.endToEndCheckpointed(4));
        for (JsonNode run : runs) {
            int k = run.get("run").asInt() / 2 % 3;
            ReconstructionRequest q = new ReconstructionRequest(run.get("image").asInt(), run.get("task").asText(),
                    0.05, 0, schemes.get(k), 2, 0.01, "euler", true, 12, null);
            assertEquals(ImageCosts.vjps(q), run.get("vjps").asLong(), run.toString());
            if (ImageCosts.exact(q)) {
                assertEquals(ImageCosts.nfe(q), run.get("nfe").asLong(), run.toString());
            } else {
                assertTrue(run.get("nfe").asLong() <= ImageCosts.nfe(q), run.toString());
            }
            assertTrue(run.get("psnr").asDouble() > 0 && run.get("ssim").asDouble() <= 1, run.toString());
        }
        // grid: 2 image rows; ground truth, measurement and 3 schemes; 28 x 28 cells at scale 2 with 1-pixel gaps
        BufferedImage grid = ImageIO.read(a.resolve("grids/inpaint-random.png").toFile());
        assertEquals(5 * (56 + 1) + 1, grid.getWidth());
        assertEquals(2 * (56 + 1) + 1, grid.getHeight());
        // the same spec again: the same reconstructions and pictures, byte for byte
        Path b = dir.resolve("b");
        assertEquals(0, run(dir, spec, b).code());
        for (String f : new String[] {"reconstructions.npy", "measurements.npy", "ground-truth.npy",
                "grids/inpaint-random.png"}) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
        // an existing results.json is not overwritten
        Cli.Result again = run(dir, spec, a);
        assertEquals(2, again.code());
        assertTrue(again.err().startsWith("error: --out:"), again.err());
    }

    /** The spec with one change must exit 2 with one line naming {@code field}, and write no results. */
    private static void assertRefused(Path dir, ObjectNode spec, String field) throws Exception {
        Path out = dir.resolve("out-" + field.replaceAll("[^a-z0-9]", "_"));
        Cli.Result r = run(dir, spec, out);
        assertEquals(2, r.code(), field + ": " + r.err());
        assertTrue(r.err().startsWith("error: " + field + ": "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out.resolve("results.json")), "no work before validation");
    }

    @Test
    void badInputExits2NamingTheField(@TempDir Path dir) throws Exception {
        ObjectNode s = example();
        s.set("images", Cli.JSON.createArrayNode().add(0).add(10_000));
        assertRefused(dir, s, "images[1]");
        s = example();
        s.set("tasks", Cli.JSON.createArrayNode().add("colorize"));
        assertRefused(dir, s, "tasks[0]");
        s = example();
        s.put("noiseStd", 0);
        assertRefused(dir, s, "noiseStd");
        s = example();
        s.put("box", 28);
        assertRefused(dir, s, "box");
        s = example();
        ((ArrayNode) s.get("schemes")).add("simulated-annealing");
        assertRefused(dir, s, "schemes[3]");
        s = example();
        s.set("gradientError", Cli.JSON.createObjectNode().set("steps", Cli.JSON.createArrayNode().add(2)));
        assertRefused(dir, s, "gradientError.steps[0]");
        s = example();
        s.set("sweep", Cli.JSON.createObjectNode().set("scale", Cli.JSON.createArrayNode().add(0.1)));
        ((ArrayNode) s.get("schemes")).set(0, Cli.JSON.createObjectNode().put("scheme", "greedy").put("scale", 1));
        assertRefused(dir, s, "schemes[0].scale");
        s = example();
        s.put("steps", 10_000); // end-to-end through 10 000 steps: ~1e8 network passes
        assertRefused(dir, s, "spec");
        // a 2-D model given to an image task
        s = example();
        s.put("model", TinyModels.write(dir.resolve("mlp"), 2, "ot", DataType.FLOAT, 1).toString());
        assertRefused(dir, s, "model");
        // a U-Net given to a 2-D experiment
        ObjectNode points = Cli.JSON.createObjectNode();
        points.set("model", Cli.JSON.createObjectNode().put("kind", "mlp").put("file", unet.toString()));
        points.set("objective", Cli.JSON.createObjectNode().put("kind", "squared-distance")
                .set("target", Cli.JSON.createArrayNode().add(0).add(0)));
        assertRefused(dir, points, "model.file");
    }

    @Test
    void aMissingDataPackageIsNamed(@TempDir Path dir) throws Exception {
        try (FashionMnistDir missing = FashionMnistDir.pointAt(dir.resolve("nothing-here"))) {
            Cli.Result r = run(dir, example(), dir.resolve("out"));
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().startsWith("error: images: Fashion-MNIST file"), r.err());
            assertTrue(r.err().contains(FashionMnist.PACKAGE), r.err());
        }
    }
}
