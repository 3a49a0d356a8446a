package gw.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import gw.app.charts.SamplePanel;
import gw.app.charts.SamplesView;
import gw.tensor.Batch;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * The time scrubber: every panel shows its particles at x_t (the recorded states, not recomputed), the inspector's
 * step follows, play reaches the end, and a clicked particle is highlighted in every panel.
 */
class TimeScrubberTest extends WorkbenchFixture {

    @Test
    void scrubbingShowsEachSchemesStatesAtThatStep() {
        awaitRunOf(settings());
        int n = settings().steps();
        assertEquals(n, onFx(() -> (int) bench.scrubber().slider().getMax()), "the scrubber spans steps 0..N");
        fx(() -> bench.scrubber().slider().setValue(4));
        for (SamplePanel p : onFx(() -> bench.samples().panels())) {
            Batch x4 = bench.lastResult().outcomes().get(p.scheme()).result().trajectories().get(4);
            double[][] shown = onFx(p::shown);
            assertEquals(x4.rows(), shown[0].length, p.scheme() + ": every particle at step 4");
            for (int i = 0; i < x4.rows(); i++) {
                assertEquals(x4.get(i, 0), shown[0][i], 0, p.scheme() + " particle " + i);
                assertEquals(x4.get(i, 1), shown[1][i], 0);
            }
            assertEquals(0.4, onFx(p::time), 1e-12);
        }
        // all schemes start from the same noise: at step 0 every panel shows the same points
        fx(() -> bench.scrubber().slider().setValue(0));
        List<SamplePanel> panels = onFx(() -> bench.samples().panels());
        double[][] first = onFx(panels.get(0)::shown);
        for (SamplePanel p : panels) {
            assertArrayEquals(first[0], onFx(p::shown)[0], 0, p.scheme() + " starts from the same noise");
        }
        // the arrow keys step by one
        clickOn("#time-slider");
        fx(() -> bench.scrubber().slider().setValue(3));
        type(KeyCode.RIGHT);
        assertEquals(4, onFx(() -> bench.model().stepProperty().get()));
        // the end shows the samples themselves
        fx(() -> bench.scrubber().slider().setValue(n));
        SamplePanel greedy = panels.get(1);
        Batch samples = bench.lastResult().outcomes().get(greedy.scheme()).result().samples();
        assertEquals(samples.get(7, 0), onFx(greedy::shown)[0][7], 0);
    }

    @Test
    void theInspectorsStepFollowsTheScrubber() {
        awaitRunOf(settings());
        fx(() -> bench.selectTab("inspector"));
        await("inspector has the run", 10, () -> bench.inspector().stepSlider().getMax() == settings().steps() - 1);
        fx(() -> bench.scrubber().slider().setValue(3));
        assertEquals(3, onFx(() -> (int) bench.inspector().stepSlider().getValue()));
        fx(() -> bench.scrubber().slider().setValue(settings().steps()));
        assertEquals(settings().steps() - 1, onFx(() -> (int) bench.inspector().stepSlider().getValue()),
                "at t = 1 the inspector shows the last step");
    }

    @Test
    void playRunsToTheEndAndStops() {
        awaitRunOf(settings());
        fx(() -> bench.scrubber().slider().setValue(0));
        clickOn("#time-play");
        await("played to the end", 10, () -> bench.scrubber().current() == settings().steps()
                && !bench.scrubber().isPlaying());
        assertEquals(1.0, onFx(() -> bench.samples().panels().get(0).time()), 0);
    }

    @Test
    void predictionsAreTheModelsXhat1AtTheShownStep() {
        awaitRunOf(settings());
        fx(() -> bench.scrubber().slider().setValue(2));
        clickOn("#time-predictions");
        SamplePanel p = onFx(() -> bench.samples().panels().get(0));
        var ds = p.plot().getDataset(1);
        assertEquals(1, ds.getSeriesCount(), "predictions drawn");
        Batch x2 = bench.lastResult().outcomes().get(p.scheme()).result().trajectories().get(2);
        var pt = gw.path.Paths.byName(settings().path()).at(0.2);
        Batch xhat = settings().model().predict(x2, pt).xhat1();
        assertEquals(xhat.get(5, 0), ds.getXValue(0, 5), 1e-12);
        assertEquals(xhat.get(5, 1), ds.getYValue(0, 5), 1e-12);
    }

    @Test
    void guidanceArrowsSitOnTheGuidedPanelsMidSolve() {
        awaitRunOf(settings());
        fx(() -> bench.scrubber().slider().setValue(3));
        clickOn("#time-arrows");
        for (SamplePanel p : onFx(() -> bench.samples().panels())) {
            assertEquals(p.scheme().equals("none") ? 0 : gw.app.state.Settings.TRACED, onFx(p::arrowCount),
                    p.scheme());
        }
        fx(() -> bench.scrubber().slider().setValue(settings().steps()));
        assertEquals(0, onFx(() -> bench.samples().panels().get(1).arrowCount()), "no step after the end");
    }

    @Test
    void clickingAParticleHighlightsItsTrajectoryInEveryPanel() {
        awaitRunOf(settings());
        fx(() -> bench.scrubber().slider().setValue(settings().steps()));
        SamplePanel first = onFx(() -> bench.samples().panels().get(0));
        // the particle farthest from the others is easy to hit
        double[][] xy = onFx(first::shown);
        int pick = isolated(xy);
        double[] screen = onFx(() -> SamplesView.toScreen(first, xy[0][pick], xy[1][pick]));
        assertNotNull(screen);
        int expect = onFx(() -> first.particleAt(screen[0], screen[1], 5));
        clickOn(first.canvas().localToScreen(screen[0], screen[1]));
        await("particle highlighted", 5, () -> bench.model().particleProperty().get() == expect);
        for (SamplePanel p : onFx(() -> bench.samples().panels())) {
            assertEquals(expect, p.highlighted());
            var path = p.plot().getDataset(3);
            assertEquals(1, path.getSeriesCount(), p.scheme() + " draws the highlighted path");
            assertEquals(settings().steps() + 1, path.getItemCount(0), "x_0 .. x_N");
            Batch x0 = bench.lastResult().outcomes().get(p.scheme()).result().trajectories().get(0);
            assertEquals(x0.get(expect, 0), path.getXValue(0, 0), 0);
        }
        assertEquals(1.5, onFx(() -> settings().targetX()), 0, "a click on a particle leaves the target");
    }

    /** Index of the particle whose nearest neighbour is farthest away. */
    static int isolated(double[][] xy) {
        int best = 0;
        double bestD = -1;
        for (int i = 0; i < xy[0].length; i++) {
            double d = Double.MAX_VALUE;
            for (int j = 0; j < xy[0].length; j++) {
                if (j != i) {
                    d = Math.min(d, Math.hypot(xy[0][i] - xy[0][j], xy[1][i] - xy[1][j]));
                }
            }
            if (d > bestD && Math.abs(xy[0][i]) < 4 && Math.abs(xy[1][i]) < 4) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }
}
