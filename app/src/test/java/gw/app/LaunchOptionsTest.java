package gw.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The launch options scripts and start-up benchmarks pass. */
class LaunchOptionsTest {
    @Test
    void exitAfterTakesOnlyAStartUpStage() {
        assertNull(LaunchOptions.parse(List.of()).exitAfter());
        for (String stage : LaunchOptions.STAGES) {
            assertEquals(stage, LaunchOptions.parse(List.of("--exit-after", stage)).exitAfter());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--exit-after", "first-pixel")));
        assertTrue(e.getMessage().contains("--exit-after") && e.getMessage().contains("first-frame, first-samples"),
                e.getMessage());
    }

    @Test
    void aScenarioIsANumberOrAName() {
        LaunchOptions byName = LaunchOptions.parse(List.of("--scenario", "learned: moons", "--exit-after",
                "first-frame"));
        assertEquals("learned: moons", byName.scenarioName());
        assertEquals(3, LaunchOptions.parse(List.of("--scenario", "3")).scenario());
        assertNull(LaunchOptions.parse(List.of("--scenario", "3")).scenarioName());
    }
}
