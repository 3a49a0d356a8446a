package gw.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.app.export.ExperimentFiles;
import gw.app.state.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped presets open in the workbench as scenarios with at least one scheme and their own words. */
class PresetsTest {

    @Test
    void everyShippedPresetOpens() throws Exception {
        Path dir = Path.of("..", "assets", "presets");
        long files;
        try (var s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).count();
        }
        List<String> skipped = new ArrayList<>();
        List<Scenario> presets = ExperimentFiles.presets(dir, skipped);
        assertEquals(List.of(), skipped);
        assertEquals(files, presets.size());
        for (Scenario sc : presets) {
            assertFalse(sc.name().isBlank());
            assertFalse(sc.description().isBlank(), sc.name());
            assertFalse(sc.defaults().schemes().isEmpty(), sc.name());
            double[] b = sc.bounds();
            assertTrue(b[0] < sc.defaults().targetX() && sc.defaults().targetX() < b[1], sc.name());
        }
    }

    /**
     * The shipped networks are listed from their cards: seven 2-D scenarios (the 784-dimensional U-Net left out),
     * none of whose networks is loaded, each plotted over the box of its training data.
     */
    @Test
    void theShippedModelsAreListedWithoutLoadingANetwork() {
        List<String> skipped = new ArrayList<>();
        List<Scenario> learned = gw.app.state.LearnedScenarios.in(Path.of("..", "assets", "models"), skipped);
        assertEquals(List.of(), skipped);
        assertEquals(List.of("checkerboard", "circles", "eight-gaussians", "gmm3", "moons", "pinwheel", "spirals"),
                learned.stream().map(s -> s.name().replaceAll("Learned: (.*) \\(MLP\\)", "$1")).toList());
        for (Scenario sc : learned) {
            gw.model.LearnedModel m = (gw.model.LearnedModel) sc.model();
            assertFalse(m.isLoaded(), sc.name());
            double[][] data = m.card().extent();
            double[] b = sc.bounds();
            for (int c = 0; c < 2; c++) {
                assertTrue(b[2 * c] <= data[c][0] && data[c][1] <= b[2 * c + 1], sc.name() + " shows its data");
            }
            assertEquals(m.requiredPath().orElseThrow(), sc.defaults().path(), sc.name());
        }
    }
}
