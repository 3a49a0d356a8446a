package gw.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.app.charts.Charts;
import gw.app.charts.SamplePanel;
import gw.app.panels.Tours;
import gw.app.state.Scenario;
import gw.app.state.Scenarios;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/** The guided tour (from the scenario's text) and lecture-hall mode. */
class TourAndLectureTest extends WorkbenchFixture {

    /** Lecture-hall mode is global: back to the normal theme after the workbench is shut down. */
    @Override
    protected void stop() {
        super.stop();
        fx(() -> LectureTheme.apply(false));
    }

    @Test
    void everyScenarioAndPresetHasATourOfThreeToFiveSteps() {
        List<Scenario> all = new ArrayList<>(Scenarios.all());
        all.addAll(gw.app.export.ExperimentFiles.presets(Path.of("..", "assets", "presets"), new ArrayList<>()));
        assertTrue(all.size() >= 9, "built-in scenarios and presets found");
        for (Scenario sc : all) {
            int n = Tours.of(sc).size();
            assertTrue(n >= 3 && n <= 5, sc.name() + " has a tour of 3-5 steps, not " + n);
            for (Tours.Step s : Tours.of(sc)) {
                // every step's settings are valid for the engine
                s.settings().apply(sc.defaults()).schemes().forEach(x -> s.settings().apply(sc.defaults())
                        .cellSpec(x));
            }
        }
    }

    @Test
    void theTourStartsFromTheScenarioTextAndSetsTheControls() {
        awaitRunOf(settings());
        clickOn("#tour-link");
        assertTrue(onFx(() -> bench.tour().isVisible()));
        assertEquals("step 1 of 5", lookup("#tour-counter").queryLabeled().getText());
        // step 1: time at the start, the scenario's own settings
        assertEquals(0, onFx(() -> bench.scrubber().current()));
        awaitRunOf(settings());
        assertEquals(bench.controls().scenario().defaults().steps(), settings().steps());
        clickOn("#tour-next");
        assertEquals("step 2 of 5", lookup("#tour-counter").queryLabeled().getText());
        assertTrue(onFx(() -> bench.scrubber().predictions().isSelected()), "step 2 shows the predictions");
        assertEquals(6, onFx(() -> bench.scrubber().current()), "t = 0.3 of N = 20");
        clickOn("#tour-next");
        clickOn("#tour-next");
        assertEquals("tab-error", onFx(() -> bench.tabs().getSelectionModel().getSelectedItem().getId()));
        clickOn("#tour-next");
        assertEquals(8, settings().horizon(), "the last step sets H = 8");
        assertTrue(lookup("#tour-next").queryButton().isDisabled(), "no step after the last");
        clickOn("#tour-end");
        assertFalse(onFx(() -> bench.tour().isVisible()));
    }

    @Test
    void lectureModeEnlargesTextAndPointsAndDarkensTheTheme() {
        awaitRunOf(settings());
        Label section = onFx(() -> (Label) bench.controls().lookup(".section"));
        double before = onFx(() -> section.getFont().getSize());
        SamplePanel p = onFx(() -> bench.samples().panels().get(0));
        float titleBefore = onFx(() -> p.chart().getTitle().getFont().getSize2D());
        fx(() -> bench.lectureProperty().set(true));
        fx(() -> LectureTheme.apply(true));
        fx(() -> bench.root().applyCss());
        double after = onFx(() -> section.getFont().getSize());
        assertTrue(after >= 1.3 * before, "section font " + before + " -> " + after);
        assertEquals(titleBefore * 1.5f, onFx(() -> p.chart().getTitle().getFont().getSize2D()), 1e-3);
        assertEquals(5, onFx(() -> ((org.jfree.chart.renderer.xy.XYDotRenderer) p.plot().getRenderer(0))
                .getDotWidth()), "larger points");
        assertTrue(onFx(() -> javafx.application.Application.getUserAgentStylesheet()).contains("primer-dark"),
                "AtlantaFX Primer Dark is the theme");
        // dark theme: light text (on a dark background)
        assertTrue(onFx(() -> luminance(section.getTextFill())) > 0.6, "light text on the dark theme");
        // the larger text still fits the window (1280 wide): nothing pushes the content past its right edge
        assertTrue(onFx(() -> bench.root().minWidth(-1)) <= 1280, "min width " + onFx(() -> bench.root()
                .minWidth(-1)));
        // high-contrast density: the density's peak is darker than in the soft palette
        assertTrue(onFx(p::showsDensity));
        fx(() -> bench.lectureProperty().set(false));
        assertEquals(titleBefore, onFx(() -> p.chart().getTitle().getFont().getSize2D()), 1e-3);
        assertEquals(Charts.TITLE.getSize2D(), titleBefore, 1e-3);
    }

    private static double luminance(javafx.scene.paint.Paint p) {
        return p instanceof javafx.scene.paint.Color c ? 0.2126 * c.getRed() + 0.7152 * c.getGreen()
                + 0.0722 * c.getBlue() : 1;
    }

    @Test
    void chartsOfATabOpenedInLectureModeAreInLectureStyle() {
        awaitRunOf(settings());
        assertEquals(1, onFx(() -> bench.exportables().size() - bench.samples().panels().size()),
                "only the gradient-error chart is made while the window starts");
        fx(() -> bench.lectureProperty().set(true));
        fx(() -> bench.selectTab("compute"));
        assertEquals(Charts.TITLE.getSize2D() * 1.5f,
                onFx(() -> bench.horizonChart().chart().getTitle().getFont().getSize2D()), 1e-3);
        assertEquals(4, onFx(() -> bench.exportables().size() - bench.samples().panels().size()),
                "the compute tab's charts join the export once made");
        fx(() -> bench.lectureProperty().set(false));
        assertEquals(Charts.TITLE.getSize2D(),
                onFx(() -> bench.horizonChart().chart().getTitle().getFont().getSize2D()), 1e-3);
    }
}
