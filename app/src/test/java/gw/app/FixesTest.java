package gw.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.app.export.ExperimentFiles;
import gw.app.state.Numbers;
import gw.app.state.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.concurrent.Worker;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The controls and status fixes of issue 11, each as it was seen broken. */
class FixesTest extends WorkbenchFixture {

    @Test
    void arrowKeysMoveASliderByOne() {
        awaitRunOf(settings());
        assertEquals(3, settings().horizon());
        reveal("#lookahead-horizon-h-slider");
        clickOn("#lookahead-horizon-h-slider");
        fx(() -> bench.controls().horizon().slider().setValue(3));
        type(KeyCode.RIGHT);
        assertEquals(4, settings().horizon(), "H 3 -> 4, not 13");
    }

    @Test
    void inlineErrorsGoWhenTheFieldIsValidAgainAndOnReset() {
        awaitRunOf(settings());
        typeInto("#seed-field", "-1");
        assertTrue(lookup("#seed-error").queryLabeled().isVisible());
        clickOn(bench.samples().panels().get(0));
        typeInto("#seed-field", "5");
        assertFalse(lookup("#seed-error").queryLabeled().isVisible(), "the error went with the valid value");
        assertFalse(lookup("#seed-field").query().getStyleClass().contains("invalid"));
        typeInto("#seed-field", "-1");
        assertTrue(lookup("#seed-error").queryLabeled().isVisible());
        clickOn("#reset-scenario");
        assertFalse(lookup("#seed-error").queryLabeled().isVisible(), "Reset clears the error");
    }

    @Test
    void outOfRangeTargetAndScaleAreRefusedByTheirOwnField() {
        awaitRunOf(settings());
        typeInto("#target-x", "1e6");
        assertTrue(lookup("#target-error").queryLabeled().getText().startsWith("Target x must be from -50 to 50"));
        assertEquals(1.5, settings().targetX());
        typeInto("#guidance-scale-field", "1e9");
        assertEquals("Guidance scale must be at most 10, not 1e9",
                lookup("#guidance-scale-error").queryLabeled().getText());
        assertEquals(0.05, settings().scale());
    }

    @Test
    void resultsShownWhileRecomputingAreMarkedStaleAndRunReRunsAfterCancel() {
        awaitRunOf(settings());
        assertFalse(onFx(() -> bench.samples().panels().get(0).isStale()));
        Settings heavy = settings().withSteps(200).withParticles(8192).withSchemes(List.of("greedy",
                "end-to-end"));
        fx(() -> bench.controls().apply(heavy, true));
        await("marked stale while the new run computes", 10, () -> bench.samples().panels().get(0).isStale());
        await("progress with a percentage", 20, () -> bench.status().progressText().matches("\\d+%.*"));
        clickOn("#cancel");
        await("cancelled", 10, () -> bench.runService().getState() == Worker.State.CANCELLED);
        assertTrue(onFx(() -> bench.status().message()).contains("press Run"));
        Settings light = heavy.withSteps(10).withParticles(64);
        fx(() -> bench.controls().apply(light, false));
        fx(() -> bench.cancel());
        clickOn("#run");
        awaitRunOf(light);
        assertFalse(onFx(() -> bench.samples().panels().get(0).isStale()), "fresh again");
    }

    @Test
    void theInspectorsStepSliderUpdatesWhileDragged() {
        awaitRunOf(settings());
        fx(() -> bench.selectTab("inspector"));
        await("inspected", 20, () -> !bench.inspector().service().isRunning()
                && bench.inspector().stepSlider().getMax() == settings().steps() - 1);
        fx(() -> {
            bench.inspector().stepSlider().setValueChanging(true);
            bench.inspector().stepSlider().setValue(2);
        });
        assertTrue(onFx(() -> bench.inspector().service().isRunning()
                || bench.inspector().service().getState() == Worker.State.SUCCEEDED), "inspects during the drag");
        fx(() -> bench.inspector().stepSlider().setValueChanging(false));
    }

    @Test
    void emptyComputeChartsSayMeasuring() {
        awaitRunOf(settings());
        fx(() -> bench.selectTab("compute"));
        await("measuring shown or done", 10, () -> "Measuring\u2026".equals(bench.horizonChart().message())
                || bench.computeService().getState() == Worker.State.SUCCEEDED);
        await("curves measured", 60, () -> bench.computeService().getState() == Worker.State.SUCCEEDED);
        assertEquals(null, onFx(() -> bench.horizonChart().message()));
    }

    @Test
    void presetsShowTheMetricsTheyPromise() {
        awaitRunOf(settings());
        String sub = onFx(() -> ((org.jfree.chart.title.TextTitle) bench.samples().panels().get(2).chart()
                .getSubtitle(0)).getText());
        assertTrue(sub.contains("log p"), "log-likelihood shown: " + sub);
        assertTrue(sub.contains("kept"), "memory kept for the backward pass shown: " + sub);
    }

    @Test
    void numbersInMessagesAreShort() {
        assertEquals("Diverged: guided sampling at t=0.9333", Numbers.times("Diverged: guided sampling at "
                + "t=0.9333333333333333"));
        assertEquals("N = 20 at t=0.5", Numbers.times("N = 20 at t=0.5"));
        assertEquals("x 1.235e-05", Numbers.times("x 1.23456789e-05"));
    }

    @Test
    void aTruncatedFileIsReportedAsNotValidJson(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("cut.json");
        Files.writeString(f, "{\"name\": \"x\", \"model\": {\"kind\": \"gmm\", \"weights\": [0.5, 0.5], \"means\"");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExperimentFiles.read(f));
        assertTrue(e.getMessage().startsWith("cut.json is not valid JSON"), e.getMessage());
        assertFalse(e.getMessage().contains("steps"));
    }
}
