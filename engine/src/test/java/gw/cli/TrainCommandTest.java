package gw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.experiment.Npy;
import gw.model.LearnedModels;
import gw.model.NetworkPredictor;
import gw.model.net.InvalidModelFileException;
import gw.tensor.Batch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The train command: a tiny run writes a loadable model with its card, spec and losses; every train-spec rule fails
 * with exit 2, one line naming the field, and nothing written; damaged model files are refused with the reason.
 */
class TrainCommandTest {
    static final String VALID_DATA = "{\"kind\": \"moons\", \"samples\": 200}";
    static final String VALID_MODEL = "{\"width\": 8, \"depth\": 2, \"frequencies\": 2}";
    static final String VALID_TRAINING = "{\"steps\": 20, \"batch\": 32, \"logEvery\": 10, \"checkpointEvery\": 10,"
            + " \"validation\": 50}";

    @TempDir
    Path dir;

    static String spec(String data, String model, String training) {
        return "{\"data\": " + data + ", \"path\": \"vp-cosine\", \"model\": " + model + ", \"training\": " + training + "}";
    }

    @Test
    void aTinyRunWritesALoadableModelWithCardAndLosses() throws IOException {
        Path s = write("spec.json", spec(VALID_DATA, VALID_MODEL, VALID_TRAINING));
        Path out = dir.resolve("run");
        Cli.Result r = Cli.run("train", s.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("trained 20 steps"), r.out());
        for (String f : new String[] {"model.bin", "card.json", "spec.json", "loss.csv"}) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        assertFalse(Files.exists(out.resolve("checkpoint.bin")));
        assertEquals(3, Files.readAllLines(out.resolve("loss.csv")).size());
        var card = Cli.JSON.readTree(out.resolve("card.json").toFile());
        assertEquals("vp-cosine", card.get("path").asText());
        assertEquals(8, card.get("architecture").get("width").asInt());
        assertEquals(20, card.get("training").get("steps").asInt());
        NetworkPredictor m = LearnedModels.load(out);
        assertEquals(2, m.dim());
        assertEquals("vp-cosine", m.path().name());
        // the listing fields: a chooser lists the model and plots it without loading the network
        assertEquals(2, card.get("dim").asInt());
        assertEquals(m.retainedPerEvaluation(), card.get("retainedPerPoint").asDouble(), 0.0);
        double[][] box = gw.data.DataExtent.of(gw.data.DataSpec.procedural("moons", 200, 0).load());
        var listed = gw.model.LearnedModels.open(out);
        assertFalse(listed.isLoaded());
        for (int c = 0; c < 2; c++) {
            assertEquals(box[c][0], card.get("extent").get(c).get(0).asDouble(), 0.0, "the training data's box");
            assertEquals(box[c][1], listed.extent()[c][1], 0.0);
        }
        assertFalse(listed.isLoaded(), "listing and plotting never load the network");

        Cli.Result again = Cli.run("train", s.toString(), "--out", out.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("already holds a training run"), again.err());
        assertEquals(2, Cli.run("train", s.toString(), "--out", out.toString(), "--resume").code());
    }

    static Stream<Arguments> badSpecs() {
        String t = VALID_TRAINING;
        return Stream.of(
                Arguments.of("unknown data set", spec("{\"kind\": \"swirls\"}", VALID_MODEL, t), "data.kind"),
                Arguments.of("missing CSV", spec("{\"kind\": \"csv\", \"file\": \"nope.csv\"}", VALID_MODEL, t), "does not exist"),
                Arguments.of("malformed CSV", spec("{\"kind\": \"csv\", \"file\": \"bad.csv\"}", VALID_MODEL, t), "line 3"),
                Arguments.of("ragged CSV", spec("{\"kind\": \"csv\", \"file\": \"ragged.csv\"}", VALID_MODEL, t), "expected 2"),
                Arguments.of("NaN in data", spec("{\"kind\": \"csv\", \"file\": \"nan.csv\"}", VALID_MODEL, t), "NaN"),
                Arguments.of("truncated npy", spec("{\"kind\": \"npy\", \"file\": \"cut.npy\"}", VALID_MODEL, t), "truncated"),
                Arguments.of("foreign npy", spec("{\"kind\": \"npy\", \"file\": \"bad.csv\"}", VALID_MODEL, t), ".npy"),
                Arguments.of("too many dimensions", spec("{\"kind\": \"mixture\", \"weights\": [1], \"means\": [["
                        + "0" + ",0".repeat(64) + "]], \"stds\": [1]}", VALID_MODEL, t), "at most 64"),
                Arguments.of("zero learning rate", spec(VALID_DATA, VALID_MODEL, "{\"learningRate\": 0}"), "training.learningRate"),
                Arguments.of("negative batch", spec(VALID_DATA, VALID_MODEL, "{\"batch\": -4}"), "training.batch"),
                Arguments.of("zero steps", spec(VALID_DATA, VALID_MODEL, "{\"steps\": 0}"), "training.steps"),
                Arguments.of("steps over the limit", spec(VALID_DATA, VALID_MODEL, "{\"steps\": 2000000}"), "training.steps"),
                Arguments.of("width over the limit", spec(VALID_DATA, "{\"width\": 4096}", t), "model.width"),
                Arguments.of("samples over the limit", spec("{\"kind\": \"moons\", \"samples\": 2000000}", VALID_MODEL, t),
                        "data.samples"),
                Arguments.of("unknown field", spec(VALID_DATA, VALID_MODEL, "{\"epochs\": 3}"), "training.epochs"),
                Arguments.of("unknown path", "{\"data\": " + VALID_DATA + ", \"path\": \"ve\"}", "path"),
                Arguments.of("not JSON", "{\"data\": ", "not valid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void everyTrainSpecRuleExitsTwoWithOneLineAndWritesNothing(String name, String specText, String expected)
            throws IOException {
        write("bad.csv", "x,y\n1,2\n3,oops\n");
        write("ragged.csv", "1,2\n3,4,5\n");
        write("nan.csv", "1,2\nNaN,4\n");
        byte[] npy = Npy.write(Batch.of(new double[][] {{1, 2}, {3, 4}}));
        Files.write(dir.resolve("cut.npy"), Arrays.copyOf(npy, npy.length - 5));
        Path s = write("spec.json", specText);
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("train", s.toString(), "--out", out.toString());
        assertEquals(2, r.code(), name + ": " + r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(expected), name + ": " + r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void anUnwritableOutIsRefusedBeforeAnyWork() throws IOException {
        Path s = write("spec.json", spec(VALID_DATA, VALID_MODEL, VALID_TRAINING));
        Path file = write("plain.txt", "not a directory");
        Cli.Result r = Cli.run("train", s.toString(), "--out", file.resolve("sub").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--out"), r.err());
        assertEquals(2, Cli.run("train", s.toString(), "--out", file.toString()).code());
    }

    @Test
    void damagedModelFilesAreRefusedWithTheReason() throws IOException {
        Path s = write("spec.json", spec(VALID_DATA, VALID_MODEL, "{\"steps\": 2, \"logEvery\": 1, \"checkpointEvery\": 1}"));
        Path out = dir.resolve("m");
        assertEquals(0, Cli.run("train", s.toString(), "--out", out.toString()).code());
        byte[] good = Files.readAllBytes(out.resolve("model.bin"));
        assertRefused(Arrays.copyOf(good, good.length - 4), "truncated");
        assertRefused("{\"kind\": \"gmm\"}".getBytes(StandardCharsets.UTF_8), "not a Guidance Workbench network file");
        byte[] flipped = good.clone();
        flipped[flipped.length - 1] ^= 1;
        assertRefused(flipped, "SHA-256");
        String text = new String(good, StandardCharsets.ISO_8859_1).replace("\"width\" : 8", "\"width\" : 9");
        assertRefused(text.getBytes(StandardCharsets.ISO_8859_1), "architecture needs");
        InvalidModelFileException dim = org.junit.jupiter.api.Assertions.assertThrows(InvalidModelFileException.class,
                () -> LearnedModels.load(out, 3));
        assertTrue(dim.getMessage().contains("dimension 2, expected 3"), dim.getMessage());

        Files.write(out.resolve("model.bin"), Arrays.copyOf(good, 100));
        Cli.Result r = Cli.run("bench", "--model", "mlp", "--model-file", out.toString(), "--runs", "1",
                "--warmup", "0", "--particles", "4", "--steps", "2");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("truncated"), r.err());
    }

    private void assertRefused(byte[] bytes, String reason) throws IOException {
        Path f = dir.resolve("damaged.bin");
        Files.write(f, bytes);
        InvalidModelFileException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidModelFileException.class,
                () -> LearnedModels.load(f));
        assertTrue(e.getMessage().contains(reason), reason + " / " + e.getMessage());
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }
}
