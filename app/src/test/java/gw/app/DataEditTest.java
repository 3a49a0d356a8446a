package gw.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.app.charts.SamplePanel;
import gw.app.charts.SamplesView;
import gw.model.GaussianMixture;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;

/** Touching the data: drag a component's mean, scroll to change its width, add and remove components; zoom. */
class DataEditTest extends WorkbenchFixture {

    private GaussianMixture mixture() {
        return (GaussianMixture) settings().model();
    }

    @Test
    void draggingAComponentMovesItsMeanAndReruns() {
        awaitRunOf(settings());
        SamplePanel p = onFx(() -> bench.samples().panels().get(0));
        double[] from = onFx(() -> SamplesView.toScreen(p, -2.0, 0.0));
        double[] to = onFx(() -> SamplesView.toScreen(p, -1.0, -1.0));
        assertNotNull(from);
        moveTo(p.canvas().localToScreen(from[0], from[1]));
        press(MouseButton.PRIMARY);
        moveTo(p.canvas().localToScreen(0.5 * (from[0] + to[0]), 0.5 * (from[1] + to[1])));
        moveTo(p.canvas().localToScreen(to[0], to[1]));
        release(MouseButton.PRIMARY);
        double[] m = mixture().means()[0];
        assertEquals(-1.0, m[0], 0.06, "mean x follows the drag");
        assertEquals(-1.0, m[1], 0.06, "mean y follows the drag");
        assertEquals(1.5, settings().targetX(), 0, "dragging a component does not move the target");
        awaitRunOf(settings());
        assertEquals(mixture(), bench.lastResult().settings().model(), "the run used the edited data");
        // the panels' density follows: the rings sit on the new means
        assertEquals(0, onFx(() -> p.handleAt(to[0], to[1], 3)));
    }

    @Test
    void scrollingOverAComponentChangesItsWidthElsewhereZooms() {
        awaitRunOf(settings());
        SamplePanel p = onFx(() -> bench.samples().panels().get(0));
        double before = mixture().stds()[2];
        double[] at = onFx(() -> SamplesView.toScreen(p, 0.0, -2.5));
        moveTo(p.canvas().localToScreen(at[0], at[1]));
        scroll(javafx.geometry.VerticalDirection.UP);
        await("std changed", 5, () -> mixture().stds()[2] != before);
        assertTrue(Math.abs(mixture().stds()[2] / before - 1.15) < 1e-9 || Math.abs(mixture().stds()[2] / before
                - 1 / 1.15) < 1e-9, "one wheel notch changes the width by 15%");
        double[] w0 = onFx(() -> bench.samples().window());
        double[] empty = onFx(() -> ControlsTest.emptySpot(p));
        moveTo(p.canvas().localToScreen(empty[0], empty[1]));
        scroll(javafx.geometry.VerticalDirection.UP);
        double[] w1 = onFx(() -> bench.samples().window());
        assertTrue(Math.abs((w1[1] - w1[0]) - (w0[1] - w0[0])) > 0.1, "the window zoomed");
        clickOn("#fit-view");
        double[] w2 = onFx(() -> bench.samples().window());
        assertTrue(w2[1] - w2[0] >= 9 - 1e-9, "Fit shows at least the scenario's window again");
    }

    @Test
    void addAndRemoveComponents() {
        awaitRunOf(settings());
        int k = mixture().components();
        clickOn("#add-component");
        assertEquals(k + 1, mixture().components());
        assertEquals(1.0, java.util.Arrays.stream(mixture().weights()).sum(), 1e-9);
        awaitRunOf(settings());
        // one ring per component, plus the target marker
        assertEquals(k + 2, onFx(() -> markers(bench.samples().panels().get(0))));
        clickOn("#remove-component");
        assertEquals(k, mixture().components());
        awaitRunOf(settings());
        assertFalse(bench.lastResult().outcomes().isEmpty());
    }

    @Test
    void hoverShowsAParticlesCoordinatesAndLoss() {
        awaitRunOf(settings());
        SamplePanel p = onFx(() -> bench.samples().panels().get(1));
        double[][] xy = onFx(p::shown);
        int i = TimeScrubberTest.isolated(xy);
        double[] at = onFx(() -> SamplesView.toScreen(p, xy[0][i], xy[1][i]));
        moveTo(p.canvas().localToScreen(at[0], at[1]));
        String text = onFx(p::hoverText);
        assertNotNull(text);
        double loss = bench.lastResult().outcomes().get(p.scheme()).result().loss()[i];
        assertTrue(text.startsWith("particle " + i + " \u00b7 x = ("
                + String.format(java.util.Locale.ROOT, "%.3f, %.3f", xy[0][i], xy[1][i])), text);
        assertTrue(text.endsWith(String.format(java.util.Locale.ROOT, "final loss %.3g", loss)), text);
    }

    @Test
    void particlesCollapsedUnderTheTargetGetANotice() {
        awaitRunOf(settings());
        // strong guidance pulls every particle onto the target, which the ring then hides
        gw.app.state.Settings s = settings().withScale(0.3).withSteps(40).withSchemes(java.util.List.of("none",
                "greedy"));
        fx(() -> bench.controls().apply(s, true));
        awaitRunOf(s);
        SamplePanel none = onFx(() -> bench.samples().panels().get(0));
        SamplePanel guided = onFx(() -> bench.samples().panels().get(1));
        assertEquals(null, onFx(none::notice), "unguided particles spread over the data");
        String notice = onFx(guided::notice);
        assertNotNull(notice, "mean loss " + bench.lastResult().outcomes().get("greedy").result().summary()
                .meanLoss());
        assertTrue(notice.contains("under the target ring"), notice);
    }

    @Test
    void editsKeepWeightsNormalised() {
        var e = gw.app.state.DataEdits.of(gw.app.state.Scenarios.referenceMixture()).orElseThrow();
        GaussianMixture w = e.setWeight(0, 0.6);
        assertEquals(0.6, w.weights()[0], 1e-12);
        // the others keep their proportions (0.3 : 0.4)
        assertEquals(0.3 / 0.7 * 0.4, w.weights()[1], 1e-12);
        assertEquals(0.4 / 0.7 * 0.4, w.weights()[2], 1e-12);
        assertEquals(gw.app.state.DataEdits.MIN_STD, e.scaleStd(0, 1e-6).stds()[0], 0, "width kept positive");
        assertEquals(2, e.remove(1).components());
        assertTrue(gw.app.state.DataEdits.of(new gw.model.DiagonalGaussian(new double[] {0, 0},
                new double[] {1, 1})).isEmpty(), "a single Gaussian has no handles");
    }

    private static long markers(SamplePanel p) {
        return ((org.jfree.chart.renderer.xy.AbstractXYItemRenderer) p.plot().getRenderer(0)).getAnnotations()
                .stream().filter(a -> a instanceof gw.app.charts.MarkerAnnotation).count();
    }
}
