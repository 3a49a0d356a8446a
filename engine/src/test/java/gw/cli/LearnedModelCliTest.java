package gw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gw.model.TinyModels;
import gw.spec.ExperimentJsonTest;
import gw.spec.ProbeSpec;
import gw.spec.SpecReader;
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
 * A learned model everywhere a model goes: {@code run} with every scheme, and {@code demo}; the model
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
        s.put("scheme", scheme).put("particles", 8).put("steps", 4).put("horizon", 2).put("scale", 0.2);
        // no per-step ideal here (IdealFlowTimeFormTest covers the t form): a network call is costly next to a
        // closed form's, and the suite must stay quick
        s.putObject("metrics").put("particles", 0);
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
        assertTrue(summary.get("guidanceVjps").asLong() > 0, "guidance differentiated the network: " + summary);
    }

    @Test
    void aTruncatedModelFileIsExit2NamingTheFile() throws IOException {
        Path spec = write("t.json", runSpec("greedy"));
        Path file = dir.resolve("models/tiny/model.bin");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        Cli.Result r = Cli.run("run", spec.toString(), "--out", dir.resolve("out2").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: model.file: ") && r.err().contains("model.bin"), r.err());
        assertEquals(1, r.err().strip().split("\n").length, "one line: " + r.err());
        assertTrue(!Files.exists(dir.resolve("out2")), "nothing written");
    }

    @Test
    void aMissingModelIsExit2NamingWhereItWasLooked() throws IOException {
        ObjectNode s = runSpec("greedy");
        ((ObjectNode) s.get("model")).put("file", "no-such-model");
        Cli.Result r = Cli.run("run", write("m.json", s).toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: model.file: no such file") && r.err().contains("no-such-model"), r.err());
    }

    @Test
    void anotherPathThanTheTrainingOneIsExit2() throws IOException {
        ObjectNode s = runSpec("greedy").put("path", "vp-cosine");
        Cli.Result r = Cli.run("run", write("p.json", s).toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: path: the model was trained on the ot path"), r.err());
    }

    @Test
    void aProbeSpecReadsALearnedModelAndChecksItsPath() throws IOException {
        TinyModels.write(dir.resolve("tiny"), 2, "ot", DataType.FLOAT, 4);
        ObjectNode s = Cli.validSpec();
        s.putObject("model").put("kind", "mlp").put("file", dir.resolve("tiny").toString());
        ProbeSpec spec = ProbeSpec.read(SpecReader.parse(Cli.JSON.writeValueAsBytes(s), "probe"));
        assertEquals("mlp", spec.model().kind());
        assertEquals("ot", spec.model().requiredPath().orElseThrow());
        s.put("path", "vp-linear");
        Cli.Result r = Cli.probe(dir, s);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: path: the model was trained on the ot path"), r.err());
    }

    @Test
    void demoRefusesAModelOfAnotherDimensionOrPath() throws IOException {
        Path three = TinyModels.write(dir.resolve("three"), 3, "ot", DataType.FLOAT, 5);
        Cli.Result r = Cli.run("demo", "--model", three.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: --model: ") && r.err().contains("dimension 3"), r.err());
        Path two = TinyModels.write(dir.resolve("two"), 2, "vp-cosine", DataType.FLOAT, 5);
        r = Cli.run("demo", "--model", two.toString(), "--path", "ot");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: --path: the model was trained on the vp-cosine path"), r.err());
        r = Cli.run("demo", "--model", dir.resolve("none").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: --model: no such file"), r.err());
    }
}
