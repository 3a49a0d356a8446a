package gw.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.app.controls.ValueSlider;
import gw.spec.CellSpec;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Moving a control changes the spec the next run uses; invalid typed input is shown next to the field. */
class ControlsTest extends WorkbenchFixture {

    /** Moves a slider to a new position and checks that the run service's next cell spec changed as expected. */
    private void moveAndCheck(Function<Workbench, ValueSlider> slider, double position, String scheme,
                              Function<CellSpec, Object> field, Object expected) {
        awaitRunOf(settings());
        Object before = field.apply(bench.runService().getSettings().cellSpec(scheme));
        fx(() -> slider.apply(bench).slider().setValue(position));
        await("run started with the moved slider", 10,
                () -> expected.equals(field.apply(bench.runService().getSettings().cellSpec(scheme))));
        assertNotEquals(before, expected, "the test must move the slider to a different value");
        awaitRunOf(settings());
        assertEquals(expected, field.apply(bench.lastResult().settings().cellSpec(scheme)));
    }

    @Test
    void everySliderChangesTheRunsSpec() {
        moveAndCheck(w -> w.controls().steps(), 14, "greedy", CellSpec::steps, 14);
        moveAndCheck(w -> w.controls().horizon(), 4, "lookahead", CellSpec::horizon, 4);
        moveAndCheck(w -> w.controls().particles(), 5, "greedy", CellSpec::particles, 32);
        moveAndCheck(w -> w.controls().seed(), 7, "greedy", CellSpec::seed, 7L);
        moveAndCheck(w -> w.controls().scale(), 0, "greedy", CellSpec::scale, 0.0);
    }

    @Test
    void horizonAtTheTopOfItsSliderIsEndToEnd() {
        awaitRunOf(settings());
        fx(() -> bench.controls().horizon().slider().setValue(bench.controls().horizon().slider().getMax()));
        await("lookahead run as end-to-end", 10,
                () -> "end-to-end".equals(bench.runService().getSettings().cellSpec("lookahead").scheme()));
        assertEquals("end-to-end", bench.controls().horizon().field().getText());
    }

    @Test
    void badInputShowsAnInlineErrorAndKeepsTheSettings() {
        awaitRunOf(settings());
        int steps = settings().steps();
        typeInto("#steps-n-field", "abc");
        assertTrue(lookup("#steps-n-error").queryLabeled().isVisible());
        assertTrue(lookup("#steps-n-error").queryLabeled().getText().contains("whole number"));
        assertEquals(steps, settings().steps());
        typeInto("#steps-n-field", "500");
        assertTrue(lookup("#steps-n-error").queryLabeled().getText().contains("2 to 200"));
        typeInto("#steps-n-field", "12");
        assertFalse(lookup("#steps-n-error").queryLabeled().isVisible());
        assertEquals(12, settings().steps());
        typeInto("#target-x", "left");
        assertTrue(lookup("#target-error").queryLabeled().isVisible());
        assertTrue(lookup("#target-x").query().getStyleClass().contains("invalid"), "bad field outlined");
        assertEquals(1.5, settings().targetX());
        typeInto("#target-x", "1");
        assertFalse(lookup("#target-x").query().getStyleClass().contains("invalid"));
        typeInto("#guidance-scale-field", "-1");
        assertEquals("Guidance scale must be 0 or more, not -1", lookup("#guidance-scale-error").queryLabeled().getText());
        typeInto("#lookahead-horizon-h-field", "99");
        assertTrue(lookup("#lookahead-horizon-h-error").queryLabeled().getText().endsWith("or end-to-end"));
    }

    @Test
    void resetGoesBackToTheScenariosOwnSettings() {
        awaitRunOf(settings());
        var own = bench.controls().scenario().defaults();
        assertNotEquals(own, settings(), "the fixture shrinks the scenario's settings");
        clickOn("#reset-scenario");
        await("scenario settings back", 10, () -> own.equals(bench.runService().getSettings()));
        assertEquals(own, settings());
    }

    @Test
    void cancelStaysWhereItIsWhateverTheStatusSays() {
        awaitRunOf(settings());
        double short1 = onFx(() -> {
            bench.model().say("Sampling");
            bench.status().applyCss();
            bench.status().layout();
            return bench.status().cancelButton().getLayoutX();
        });
        double long1 = onFx(() -> {
            bench.model().say("Measuring each scheme's gradient error against the ideal, a long message");
            bench.status().layout();
            return bench.status().cancelButton().getLayoutX();
        });
        assertEquals(short1, long1, "the Cancel button moved with the message");
    }

    @Test
    void clickingOnASamplePlotMovesTheTarget() {
        awaitRunOf(settings());
        var panel = bench.samples().panels().get(0);
        // a point with no particle near it: a click on a particle follows it instead of moving the target
        double[] spot = onFx(() -> emptySpot(panel));
        clickOn(panel.canvas().localToScreen(spot[0], spot[1]));
        await("target moved by the click", 10, () -> Math.abs(settings().targetX() - 1.5) > 1e-9
                || Math.abs(settings().targetY() - 0.5) > 1e-9);
        assertEquals(settings().targetX(), bench.runService().getSettings().targetX());
    }

    /** A screen point on the panel's plot at least 12 pixels from every particle drawn. */
    static double[] emptySpot(gw.app.charts.SamplePanel p) {
        var area = p.canvas().getRenderingInfo().getPlotInfo().getDataArea();
        for (double fy = 0.1; fy < 0.95; fy += 0.05) {
            for (double fx = 0.1; fx < 0.95; fx += 0.05) {
                double sx = area.getX() + fx * area.getWidth();
                double sy = area.getY() + fy * area.getHeight();
                if (p.particleAt(sx, sy, 12) < 0) {
                    return new double[] {sx, sy};
                }
            }
        }
        throw new AssertionError("no empty spot on the plot");
    }
}
