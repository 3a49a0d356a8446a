package gw.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gw.data.FashionMnist;
import gw.model.Classifiers;
import gw.model.LearnedModels;
import gw.model.net.ImageClassifier;
import gw.model.net.InvalidModelFileException;
import gw.spec.SpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cross-entropy training of the CNN classifier: the loss's gradient, learning, resume, files, spec rules. */
class ClassifierTrainingTest {
    private static final Trainer.Listener QUIET = (step, steps, loss) -> { };

    static String spec(String model, int steps, String objective) {
        return "{\"objective\": \"" + objective + "\", \"data\": {\"kind\": \"fashion-mnist\", \"samples\": 2000},"
                + " \"model\": " + model + ", \"training\": {\"steps\": " + steps + ", \"batch\": 32, \"learningRate\":"
                + " 0.01, \"warmup\": 2, \"ema\": 0.5, \"logEvery\": 10, \"checkpointEvery\": 10, \"validation\": 300,"
                + " \"seed\": 3}}";
    }

    private static final String TINY = "{\"kind\": \"cnn-classifier\", \"channels\": [4, 8], \"groups\": 2}";

    private static TrainSpec tiny(int steps) {
        return TrainSpecReader.parse(spec(TINY, steps, "cross-entropy"), Path.of("."));
    }

    @Test
    void aTinyClassifierLearnsAndResumesExactly(@TempDir Path dir) throws Exception {
        assumeTrue(FashionMnist.available(FashionMnist.Split.TEST), "dataset-fashion-mnist is not installed");
        TrainSpec spec = tiny(30);
        Trainer whole = new Trainer(spec);
        whole.run(QUIET);
        List<LossRow> rows = whole.rows();
        assertEquals(3, rows.size());
        // ten classes: chance is 10 % and log 10 = 2.30 nats; 30 steps of 32 images are far above chance
        assertTrue(rows.get(2).accuracy() > 0.4, rows.toString());
        assertTrue(rows.get(2).validationLoss() < Math.log(10), rows.toString());

        byte[][] saved = new byte[1][];
        Trainer first = new Trainer(spec);
        assertThrows(CancellationException.class, () -> first.run(new Trainer.Listener() {
            @Override
            public void onStep(int step, int steps, double loss) {
                if (step == 15) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void onCheckpoint(int step, byte[] checkpoint) {
                saved[0] = checkpoint;
            }
        }));
        Thread.interrupted();
        Trainer resumed = Trainer.resume(spec, saved[0], "checkpoint");
        assertEquals(10, resumed.step());
        resumed.run(QUIET);
        assertEquals(whole.rows(), resumed.rows());
        assertArrayEquals(whole.emaNetwork().parameters().toDoubleArray(),
                resumed.emaNetwork().parameters().toDoubleArray());

        TrainRun.finish(dir, spec, whole, 1.0);
        JsonNode card = new ObjectMapper().readTree(dir.resolve("card.json").toFile());
        assertEquals(rows.get(2).accuracy(), card.get("testAccuracy").asDouble(), 0);
        assertEquals(300, card.get("testImages").asInt());
        assertTrue(card.path("path").isMissingNode(), "a classifier has no path");
        List<String> csv = Files.readAllLines(dir.resolve("loss.csv"));
        assertEquals("step,train_loss,test_loss,test_accuracy,learning_rate", csv.get(0));
        assertEquals(rows.get(2).accuracy(), Double.parseDouble(csv.get(3).split(",")[3]), 0);
        ImageClassifier loaded = Classifiers.load(dir);
        assertArrayEquals(whole.emaNetwork().parameters().toDoubleArray(), loaded.parameters().toDoubleArray());
        assertThrows(InvalidModelFileException.class, () -> LearnedModels.load(dir), "a classifier is no flow model");
    }

    @Test
    void specRulesNameTheField() {
        assumeTrue(FashionMnist.available(FashionMnist.Split.TRAIN), "dataset-fashion-mnist is not installed");
        assertField("objective", spec(TINY, 4, "regression"));
        assertField("model.kind", spec(TINY, 4, "flow-matching"));
        assertField("model.kind", spec("{\"kind\": \"unet\"}", 4, "cross-entropy"));
        assertField("model.groups", spec("{\"kind\": \"cnn-classifier\", \"channels\": [6], \"groups\": 4}", 4,
                "cross-entropy"));
        assertField("data.kind", "{\"objective\": \"cross-entropy\", \"data\": {\"kind\": \"moons\"}}");
        assertField("training.validation", spec(TINY, 10, "cross-entropy").replace("\"validation\": 300",
                "\"validation\": 10001"));
    }

    private static void assertField(String field, String text) {
        SpecException e = assertThrows(SpecException.class, () -> TrainSpecReader.parse(text, Path.of(".")));
        assertEquals(field, e.field(), e.getMessage());
    }
}
