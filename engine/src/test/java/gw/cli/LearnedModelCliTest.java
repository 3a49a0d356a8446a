package gw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gw.model.TinyModels;
import gw.spec.ExperimentJsonTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A learned model everywhere a model goes: {@code run} with every scheme, {@code probe}, {@code demo}; the model
 * named relative to the spec file; bad files, wrong paths and wrong dimensions refused with exit 2 before any work.
 */
class LearnedModelCliTest {
    @TempDir
    Path dir;

    /** A run spec on the tiny float32 model in dir/models/tiny, named relative to dir/specs/. */
    ObjectNode runSpec(String scheme) throws IOException {
        TinyModels.write(dir.resolve("models/tiny"), 2, "ot", DataType.FLOAT, 3);
        ObjectNode s = ExperimentJsonTest.minimalSpec();
        s.putObject("model").put("kind", "mlp").put("file", "../models/tiny");
        s.put("scheme", scheme).put("particles", 12).put("steps", 6).put("horizon", 2).put("scale", 0.2);
        s.putObject("metrics").put("particles", 2).put("idealTolerance", 1e-4);
        return s;
    }

    Path write(String name, JsonNode spec) throws IOException {
        Path f = dir.resolve("specs").resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, Cli.JSON.writeValueAsString(spec));
        return f;
    }

    @ParameterizedTest
    @ValueSource(strings = {"greedy", "lookahead", "end-to-end", "adjoint", "noise-optimization"})
    void everySchemeRunsOnALearnedModel(String scheme) throws IOException {
        ObjectNode s = runSpec(scheme);
        if (scheme.equals("end-to-end")) {
            s.putObject("checkpoint").put("mode", "binomial").put("param", 2);
        }
        if (scheme.equals("greedy")) {
            s.put("dpsNormalize", true);
        }
        if (scheme.equals("noise-optimization")) {
            s.putObject("noiseOptimization").put("iterations", 2);
        }
        Path out = dir.resolve("out-" + scheme);
        Cli.Result r = Cli.run("run", write(scheme + ".json", s).toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode cell = Cli.JSON.readTree(out.resolve("results.json").toFile()).get("cells").get(0);
        assertEquals("complete", cell.get("status").asText(), cell.toString());
        JsonNode summary = cell.get("summary");
        assertTrue(Double.isFinite(summary.get("meanLoss").asDouble()), summary.toString());
        assertTrue(summary.get("meanLogLikelihood").isNull(), "a learned model has no density: " + summary);
        if (!scheme.equals("noise-optimization")) {
            // the per-step error against the continuous ideal (RK4 in t for this model) is measured
            assertTrue(summary.get("meanCosine").isNumber(), summary.toString());
        }
    }

    @Test
    void probeGivesFiniteGradientsAndTheIdeal() throws IOException {
        TinyModels.write(dir.resolve("tiny"), 2, "ot", DataType.FLOAT, 4);
        ObjectNode s = Cli.validSpec();
        s.putObject("model").put("kind", "mlp").put("file", dir.resolve("tiny").toString());
        Cli.Result r = Cli.probe(dir, s);
        assertEquals(0, r.code(), r.err());
        JsonNode out = r.json();
        assertTrue(out.toString().contains("ideal"), out.toString());
        assertTrue(!out.toString().contains("NaN") && !out.toString().contains("null"), out.toString());
    }

    @Test
    void aTruncatedModelFileIsExit2NamingTheFile() throws IOException {
        Path spec = write("t.json", runSpec("greedy"));
        Path file = dir.resolve("models/tiny/model.bin");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        Cli.Result r = Cli.run("run", spec.toString(), "--out", dir.resolve("out2").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("model.file: ") && r.err().contains("model.bin"), r.err());
        assertEquals(1, r.err().strip().split("\n").length, "one line: " + r.err());
        assertTrue(!Files.exists(dir.resolve("out2")), "nothing written");
    }

    @Test
    void aMissingModelIsExit2NamingWhereItWasLooked() throws IOException {
        ObjectNode s = runSpec("greedy");
        ((ObjectNode) s.get("model")).put("file", "no-such-model");
        Cli.Result r = Cli.run("run", write("m.json", s).toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("model.file: no such file") && r.err().contains("no-such-model"), r.err());
    }

    @Test
    void anotherPathThanTheTrainingOneIsExit2() throws IOException {
        ObjectNode s = runSpec("greedy").put("path", "vp-cosine");
        Cli.Result r = Cli.run("run", write("p.json", s).toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("path: the model was trained on the ot path"), r.err());
    }

    @Test
    void demoRunsOnALearnedModelAndRefusesOtherDimensions() throws IOException {
        Path two = TinyModels.write(dir.resolve("two"), 2, "vp-cosine", DataType.FLOAT, 5);
        Cli.Result r = Cli.run("demo", "--model", two.toString(), "--points", "16");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("mlp model") && r.out().contains("path vp-cosine"), r.out());
        Path three = TinyModels.write(dir.resolve("three"), 3, "ot", DataType.FLOAT, 5);
        r = Cli.run("demo", "--model", three.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("--model: ") && r.err().contains("dimension 3"), r.err());
    }
}
