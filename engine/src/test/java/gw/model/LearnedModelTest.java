package gw.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.model.net.InvalidModelFileException;
import gw.path.Paths;
import gw.tensor.Batch;
import gw.tensor.Noise;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A model listed from its card ({@link ModelCard}, {@link LearnedModel}): the listing reads the header only, the
 * network loads once on first use (after the gate) and predicts what the eagerly loaded one does; a card that
 * disagrees with its network, and a truncated file, are refused naming the problem.
 */
class LearnedModelTest {
    @TempDir
    Path dir;

    @Test
    void listsFromTheHeaderAndLoadsOnceOnFirstUse() throws IOException {
        Path folder = TinyModels.write(dir.resolve("m"), 2, "vp-cosine", DataType.DOUBLE, 4);
        AtomicInteger gate = new AtomicInteger();
        LearnedModel m = new LearnedModel(ModelCard.read(folder), gate::incrementAndGet);
        assertEquals(2, m.dim());
        assertEquals("mlp", m.kind());
        assertEquals("vp-cosine", m.requiredPath().orElseThrow());
        assertEquals(0x1p-53, m.unitRoundoff());
        // no card: no extent (the standard normal's bulk until loaded), an upper estimate of what a VJP keeps
        assertNull(m.card().extent());
        assertArrayEquals(new double[] {-4.5, 4.5}, m.extent()[1]);
        assertTrue(m.retainedPerEvaluation() > 0);
        assertFalse(m.isLoaded());
        assertEquals(0, gate.get(), "listing runs no gate and loads nothing");

        NetworkPredictor eager = LearnedModels.load(folder);
        assertEquals(eager.evaluationCost(), m.evaluationCost(), "parameter count from the header");
        assertTrue(m.retainedPerEvaluation() >= eager.retainedPerEvaluation(), "the estimate bounds the measure");
        Batch x = Noise.gaussian(5, 2, 1);
        Batch lazy = m.predict(x, Paths.byName("vp-cosine").at(0.4)).xhat1();
        assertTrue(m.isLoaded());
        assertArrayEquals(eager.predict(x, Paths.byName("vp-cosine").at(0.4)).xhat1().data(), lazy.data(), 0.0);
        m.predict(x, Paths.byName("vp-cosine").at(0.6));
        assertEquals(1, gate.get(), "loaded once, after the gate");
        assertEquals(m.specValue().get("file"), folder.toAbsolutePath().normalize().toString());
    }

    @Test
    void aCardThatDisagreesWithItsNetworkIsRefusedOnLoad() throws IOException {
        Path folder = TinyModels.write(dir.resolve("m"), 2, "ot", DataType.FLOAT, 4);
        Files.writeString(folder.resolve("card.json"), "{\"dim\": 3, \"extent\": [[0, 1], [0, 1], [0, 1]]}");
        LearnedModel m = LearnedModels.open(folder);
        assertEquals(3, m.dim());
        assertArrayEquals(new double[] {0, 1}, m.extent()[2]);
        InvalidModelFileException e = assertThrows(InvalidModelFileException.class, m::load);
        assertTrue(e.getMessage().contains("differs from its card"), e.getMessage());
    }

    @Test
    void aTruncatedFileIsRefusedFromItsHeaderAlone() throws IOException {
        Path folder = TinyModels.write(dir.resolve("m"), 2, "ot", DataType.FLOAT, 4);
        Path file = folder.resolve(LearnedModels.MODEL_FILE);
        byte[] b = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(b, b.length - 1));
        InvalidModelFileException e = assertThrows(InvalidModelFileException.class, () -> LearnedModels.open(folder));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        Files.write(file, Arrays.copyOf(b, 10));
        e = assertThrows(InvalidModelFileException.class, () -> LearnedModels.open(folder));
        assertTrue(e.getMessage().contains("GWNET01") || e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void anOlderCardOnAProceduralSetGetsItsBoxRegenerated() throws IOException {
        Path folder = TinyModels.write(dir.resolve("m"), 2, "ot", DataType.FLOAT, 4);
        Files.writeString(folder.resolve("card.json"), "{\"data\": {\"kind\": \"moons\", \"seed\": 1}}");
        double[][] box = ModelCard.read(folder).extent();
        double[][] moons = gw.data.DataExtent.of(gw.data.DataSpec.procedural("moons", 4096, 1).load());
        assertArrayEquals(moons[0], box[0], 0.0);
        assertArrayEquals(moons[1], box[1], 0.0);
    }
}
