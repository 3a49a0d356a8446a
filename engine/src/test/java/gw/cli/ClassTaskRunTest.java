package gw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gw.experiment.Npy;
import gw.metric.ClassJudgement;
import gw.model.Classifiers;
import gw.model.TinyModels;
import gw.model.net.ImageClassifier;
import gw.tensor.Batch;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `run` with the "class" task on a tiny seeded U-Net and two tiny classifiers: the judge's verdict written per image is
 * the judge evaluated on the saved sample, the summary's hit rate and p(target) are the means of those, PSNR is absent
 * (no ground truth), the guide's loss drops with guidance; bad class fields exit 2 naming the field, before any work.
 */
class ClassTaskRunTest extends ImageCliFixture {
    static Path guide;
    static Path judge;

    @BeforeAll
    static void tinyClassifiers() throws Exception {
        guide = TinyModels.writeClassifier(shared.resolve("guide"), 7);
        judge = TinyModels.writeClassifier(shared.resolve("judge"), 8);
    }

    /** The shipped example with the tiny networks, two steps, two images. */
    static ObjectNode example() throws Exception {
        ObjectNode s = (ObjectNode) Cli.JSON.readTree(Path.of("..", "assets", "examples", "class-guidance.json")
                .toFile());
        assertEquals("class", s.get("tasks").get(0).asText());
        s.put("model", unet.toString());
        s.put("classifier", guide.toString());
        s.put("judge", judge.toString());
        s.put("steps", 2);
        s.put("scale", 50);
        s.set("images", Cli.JSON.createArrayNode().add(0).add(3));
        s.set("schemes", Cli.JSON.createArrayNode().add("none").add("greedy"));
        return s;
    }

    @Test
    void theJudgesVerdictIsTheJudgeOnTheSavedSample(@TempDir Path dir) throws Exception {
        ObjectNode spec = example();
        int target = spec.get("targetClass").asInt();
        Path out = dir.resolve("out");
        Cli.Result r = run(dir, spec, out);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("hit rate"), r.out());
        JsonNode results = Cli.JSON.readTree(out.resolve("results.json").toFile());
        JsonNode runs = results.get("runs");
        assertEquals(4, runs.size());
        Batch saved = Npy.read(Files.readAllBytes(out.resolve("reconstructions.npy")));
        double[][] samples = new double[saved.rows()][];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = java.util.Arrays.copyOfRange(saved.data(), i * saved.cols(), (i + 1) * saved.cols());
        }
        ImageClassifier judgeNet = Classifiers.load(judge);
        ImageClassifier guideNet = Classifiers.load(guide);
        double[] finalLoss = new double[4];
        for (int i = 0; i < 4; i++) {
            JsonNode run = runs.get(i);
            assertTrue(run.get("psnr").isNull(), run.toString());
            ClassJudgement j = ClassJudgement.of(judgeNet, new Batch(samples[i], 1, samples[i].length));
            assertEquals(j.probabilities(0)[target], run.get("judge").get("targetProbability").asDouble(), 1e-12);
            assertEquals(j.predicted(0), run.get("judge").get("predicted").asInt());
            assertEquals(j.predicted(0) == target, run.get("judge").get("hit").asBoolean());
            // the final loss is the guide's -log p(target) of the saved sample
            double pGuide = ClassJudgement.of(guideNet, new Batch(samples[i], 1, samples[i].length))
                    .probabilities(0)[target];
            finalLoss[i] = run.get("finalLoss").asDouble();
            assertEquals(-Math.log(pGuide), finalLoss[i], 1e-9);
        }
        // greedy guidance from the same noise lowers the guide's loss against unguided sampling
        assertTrue(finalLoss[2] < finalLoss[0] && finalLoss[3] < finalLoss[1], java.util.Arrays.toString(finalLoss));
        JsonNode summary = results.get("summary");
        for (int s = 0; s < 2; s++) {
            JsonNode row = summary.get(s);
            assertTrue(row.get("psnrMean").isNull());
            double hits = 0;
            double p = 0;
            for (int i = 2 * s; i < 2 * s + 2; i++) {
                hits += runs.get(i).get("judge").get("hit").asBoolean() ? 1 : 0;
                p += runs.get(i).get("judge").get("targetProbability").asDouble();
            }
            assertEquals(hits / 2, row.get("judgeHitRate").asDouble(), 1e-12);
            assertEquals(p / 2, row.get("judgeTargetProbabilityMean").asDouble(), 1e-12);
        }
        assertEquals(target, results.get("classTask").get("targetClass").asInt());
    }

    @Test
    void badClassFieldsExit2NamingTheField(@TempDir Path dir) throws Exception {
        Object[][] cases = {
            {"targetClass", 10, "targetClass"},
            {"targetClass", -1, "targetClass"},
            {"classifier", dir.resolve("absent").toString(), "classifier"},
            {"judge", unet.toString(), "judge"},
        };
        for (Object[] c : cases) {
            ObjectNode spec = example();
            if (c[1] instanceof Integer v) {
                spec.put((String) c[0], v);
            } else {
                spec.put((String) c[0], (String) c[1]);
            }
            Path out = dir.resolve("out-" + c[0] + c[1].hashCode());
            Cli.Result r = run(dir, spec, out);
            assertEquals(2, r.code(), c[0] + " " + c[1] + ": " + r.out() + r.err());
            assertTrue(r.err().contains((String) c[2]), r.err());
            assertFalse(Files.exists(out.resolve("results.json")), "no work before the error");
        }
        ObjectNode missing = example();
        missing.remove("judge");
        Cli.Result r = run(dir, missing, dir.resolve("out-missing"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("judge"), r.err());
        ObjectNode stray = example();
        stray.set("tasks", Cli.JSON.createArrayNode().add("denoise"));
        r = run(dir, stray, dir.resolve("out-stray"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("classifier"), r.err());
        assertTrue(r.err().lines().count() == 1, r.err());
    }
}
