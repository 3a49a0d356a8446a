package gw.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import gw.data.DataSpec;
import gw.model.LearnedModels;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Flow-matching training on tiny networks: it learns on every data set, repeats bit for bit, and resumes exactly. */
class TrainerTest {

    static TrainSpec tiny(String data, int steps) {
        String dataJson = data.equals("mixture")
                ? "{\"kind\": \"mixture\", \"weights\": [0.5, 0.5], \"means\": [[-2, 0], [2, 1]], \"stds\": [0.3, 0.5],"
                        + " \"samples\": 400, \"seed\": 3}"
                : "{\"kind\": \"" + data + "\", \"samples\": 400, \"seed\": 3}";
        String text = "{\"data\": " + dataJson + ", \"path\": \"ot\","
                + " \"model\": {\"width\": 16, \"depth\": 2, \"frequencies\": 2, \"dtype\": \"float32\"},"
                + " \"training\": {\"steps\": " + steps + ", \"batch\": 64, \"learningRate\": 0.01, \"warmup\": 5,"
                + " \"logEvery\": 10, \"checkpointEvery\": 20, \"validation\": 100, \"seed\": 4}}";
        return TrainSpecReader.parse(text, Path.of("."));
    }

    private static final Trainer.Listener QUIET = (step, steps, loss) -> { };

    @ParameterizedTest
    @ValueSource(strings = {"moons", "circles", "checkerboard", "spirals", "pinwheel", "eight-gaussians", "mixture"})
    void validationLossDecreasesOnEveryDataSet(String data) {
        Trainer t = new Trainer(tiny(data, 60));
        t.run(QUIET);
        List<LossRow> rows = t.rows();
        assertEquals(6, rows.size());
        LossRow first = rows.get(0);
        LossRow last = rows.get(rows.size() - 1);
        assertTrue(last.validationLoss() < 0.9 * first.validationLoss(),
                data + ": validation loss " + first.validationLoss() + " -> " + last.validationLoss());
        assertTrue(last.trainLoss() < first.trainLoss(), data + ": train loss " + first.trainLoss() + " -> "
                + last.trainLoss());
    }

    @Test
    void sameSpecGivesTheSameModelBytes() {
        TrainSpec spec = tiny("moons", 30);
        Trainer a = new Trainer(spec);
        a.run(QUIET);
        Trainer b = new Trainer(spec);
        b.run(QUIET);
        assertArrayEquals(modelBytes(a, spec), modelBytes(b, spec));
        assertEquals(a.rows(), b.rows());
    }

    @Test
    void resumingFromACheckpointEqualsTheUninterruptedRun() {
        TrainSpec spec = tiny("pinwheel", 50);
        Trainer whole = new Trainer(spec);
        whole.run(QUIET);

        byte[][] saved = new byte[1][];
        Trainer first = new Trainer(spec);
        assertThrows(CancellationException.class, () -> first.run(new Trainer.Listener() {
            @Override
            public void onStep(int step, int steps, double loss) {
                if (step == 30) {
                    Thread.currentThread().interrupt(); // Ctrl-C after the checkpoint at step 20
                }
            }

            @Override
            public void onCheckpoint(int step, byte[] checkpoint) {
                saved[0] = checkpoint;
            }
        }));
        Thread.interrupted();
        Trainer resumed = Trainer.resume(spec, saved[0], "checkpoint");
        assertEquals(20, resumed.step());
        resumed.run(QUIET);
        assertArrayEquals(modelBytes(whole, spec), modelBytes(resumed, spec));
        assertEquals(whole.rows(), resumed.rows());
    }

    @Test
    void aCheckpointOfAnotherSpecIsRefused() {
        byte[][] saved = new byte[1][];
        new Trainer(tiny("moons", 40)).run(new Trainer.Listener() {
            @Override
            public void onStep(int step, int steps, double loss) {
            }

            @Override
            public void onCheckpoint(int step, byte[] checkpoint) {
                saved[0] = checkpoint;
            }
        });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.resume(tiny("circles", 40), saved[0], "ck.bin"));
        assertTrue(e.getMessage().contains("different train spec"), e.getMessage());
    }

    @Test
    void proceduralSetsAreSeeded() {
        DataSpec a = DataSpec.procedural("spirals", 50, 9);
        assertArrayEquals(a.load().data(), DataSpec.procedural("spirals", 50, 9).load().data());
        assertTrue(a.load().data()[0] != DataSpec.procedural("spirals", 50, 10).load().data()[0]);
    }

    private static byte[] modelBytes(Trainer t, TrainSpec spec) {
        return LearnedModels.encode(t.emaNetwork(), spec.path(), JsonNodeFactory.instance.objectNode());
    }
}
