package gw.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gw.cli.Main;
import gw.model.LearnedModels;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --resume --export: a run still in progress ships its EMA weights and keeps its checkpoint. */
class TrainExportTest {

    @Test
    void exportWritesTheCheckpointsEmaWeightsAndKeepsTheCheckpoint(@TempDir Path dir) throws Exception {
        TrainSpec spec = TrainerTest.tiny("moons", 60);
        Path specFile = dir.resolve("spec.json");
        Files.writeString(specFile, spec.source());
        Path out = dir.resolve("run");
        Files.createDirectories(out);
        Trainer partial = new Trainer(spec);
        assertThrows(CancellationException.class, () -> partial.run(new Trainer.Listener() {
            @Override
            public void onStep(int step, int steps, double loss) {
            }

            @Override
            public void onCheckpoint(int step, byte[] checkpoint) {
                try {
                    TrainRun.writeCheckpoint(out, checkpoint);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                throw new CancellationException("stop after the first checkpoint");
            }
        }));
        assertEquals(20, partial.step());
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(new String[] {"train", specFile.toString(), "--out", out.toString(), "--resume", "--export"},
                new PrintWriter(o), new PrintWriter(e));
        assertEquals(0, code, e.toString());
        assertTrue(Files.exists(out.resolve(TrainRun.CHECKPOINT)), "the checkpoint stays for --resume");
        JsonNode card = new ObjectMapper().readTree(out.resolve("card.json").toFile());
        assertFalse(card.get("complete").asBoolean());
        assertEquals(20, card.path("training").path("steps").asInt());
        assertTrue(card.get("status").asText().contains("step 20 of 60"), card.toString());
        double[] exported = LearnedModels.load(out).network().parameters().toDoubleArray();
        assertArrayEquals(partial.emaNetwork().parameters().toDoubleArray(), exported, 0.0);
        // without --resume there is nothing to export
        code = Main.run(new String[] {"train", specFile.toString(), "--out", dir.resolve("x").toString(), "--export"},
                new PrintWriter(o), new PrintWriter(e));
        assertEquals(2, code);
    }
}
