package gw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import gw.model.Classifiers;
import gw.model.LearnedModels;
import gw.model.net.ImageClassifier;
import gw.model.net.UNet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * sample-quality on a tiny untrained U-Net and tiny classifiers (side 8): the histogram counts every sample, guidance
 * through classifier A raises A's probability of the target on the same noise, B judges; bad options exit 2.
 */
class SampleQualityCommandTest {

    private static Path classifier(Path dir, String name, int[] channels, long seed) throws Exception {
        ImageClassifier c = new ImageClassifier(new ImageClassifier.Config(8, channels, 2, 10, DataType.FLOAT));
        c.parameters().initialise(seed);
        Path d = dir.resolve(name);
        Files.createDirectories(d);
        Files.write(d.resolve(LearnedModels.MODEL_FILE), Classifiers.encode(c, JsonNodeFactory.instance.objectNode()));
        return d;
    }

    @Test
    void reportsHistogramAndGuidedHitRate(@TempDir Path dir) throws Exception {
        UNet unet = new UNet(new UNet.Config(8, new int[] {4, 8}, 2, 2, 10, 4, DataType.FLOAT));
        unet.parameters().initialise(1);
        Path model = dir.resolve("unet");
        Files.createDirectories(model);
        Files.write(model.resolve(LearnedModels.MODEL_FILE),
                LearnedModels.encode(unet, "ot", JsonNodeFactory.instance.objectNode()));
        Path a = classifier(dir, "a", new int[] {4, 4}, 2);
        Path b = classifier(dir, "b", new int[] {2, 4, 4}, 3);
        Path json = dir.resolve("q.json");
        Cli.Result r = Cli.run("sample-quality", "--model", model.toString(), "--classifier", a.toString(), "--judge",
                b.toString(), "--count", "6", "--steps", "3", "--target", "Bag", "--scheme", "end-to-end", "--scale", "2", "--json",
                json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("hit rate"), r.out());
        JsonNode q = Cli.JSON.readTree(json.toFile());
        int total = 0;
        for (JsonNode v : q.get("unguided").get("histogramA")) {
            total += v.asInt();
        }
        assertEquals(6, total);
        JsonNode g = q.get("guided");
        assertEquals(8, g.get("target").asInt());
        double hit = g.get("hitRateB").asDouble();
        assertTrue(hit >= 0 && hit <= 1 && Math.round(hit * 6) == hit * 6, "a share of 6 samples: " + hit);
        // end-to-end descends the guide's -log p(Bag | x1) of the final samples: A's probability of Bag rises
        assertTrue(g.get("meanTargetProbabilityA").asDouble() > g.get("unguidedMeanTargetProbabilityA").asDouble(),
                g.toString());

        r = Cli.run("sample-quality", "--model", model.toString(), "--classifier", a.toString(), "--target", "12",
                "--judge", b.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--target"), r.err());
        r = Cli.run("sample-quality", "--model", model.toString(), "--classifier", a.toString(), "--target", "Bag");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--judge"), r.err());
        r = Cli.run("sample-quality", "--model", a.toString(), "--classifier", a.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--model"), r.err());
        r = Cli.run("sample-quality", "--model", model.toString(), "--classifier", model.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--classifier"), r.err());
    }
}
