package gw.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.app.charts.SamplePanel;
import gw.app.state.Settings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every plot shows one panel or series per enabled scheme, and failures are shown on the affected panel. */
class PlotsTest extends WorkbenchFixture {

    @Test
    void samplesAndGradientErrorHaveOneEntryPerScheme() {
        Settings s = settings().withSchemes(List.of("none", "greedy", "lookahead", "end-to-end", "adjoint"));
        fx(() -> bench.controls().apply(s, true));
        awaitRunOf(s);
        List<SamplePanel> panels = bench.samples().panels();
        assertEquals(List.of("none", "greedy", "lookahead", "end-to-end", "adjoint"),
                panels.stream().map(SamplePanel::scheme).toList());
        for (SamplePanel p : panels) {
            assertEquals(64, p.particleCount(), p.scheme() + " draws every particle");
            assertNull(p.message(), p.scheme() + " shows no error");
        }
        // "none" has no gradient: one error series per guided scheme, each with a point per measured step
        assertEquals(4, bench.errorChart().seriesCount());
        assertNull(bench.errorChart().message(), "no scheme failed to measure");
        assertEquals(List.of(10, 10, 10, 10), bench.errorChart().pointCounts());

        Settings fewer = s.withSchemes(List.of("greedy", "end-to-end"));
        fx(() -> bench.controls().apply(fewer, true));
        awaitRunOf(fewer);
        assertEquals(2, bench.samples().panels().size());
        assertEquals(2, bench.errorChart().seriesCount());
    }

    @Test
    void aLearnedScenarioMeasuresItsGradientErrorAtFewerStepsAndParticles() {
        gw.app.state.Scenario moons = gw.app.state.LearnedScenarios.in(java.nio.file.Path.of("..", "assets",
                "models"), new java.util.ArrayList<>()).stream().filter(sc -> sc.name().contains("moons"))
                .findFirst().orElseThrow();
        assertTrue(gw.app.run.ErrorProfiles.costlyIdeal(moons.model()), "a network's ideal is solved in t");
        assertEquals(gw.app.run.ErrorProfiles.NETWORK_STEPS, gw.app.run.ErrorProfiles.maxSteps(moons.model()));
        fx(() -> bench.openScenario(moons));
        // N = 3 and one guided scheme: the network's ideal takes seconds per measured step on a loaded machine
        Settings s = onFx(() -> bench.controls().getSettings().withParticles(64).withSteps(3)
                .withSchemes(List.of("none", "greedy")));
        fx(() -> bench.controls().apply(s, true));
        awaitRunOf(s, 300);
        assertTrue(bench.samples().panels().stream().allMatch(p -> p.particleCount() == 64), "samples are drawn");
        String sub = onFx(() -> ((org.jfree.chart.title.TextTitle) bench.samples().panels().get(1).chart()
                .getSubtitle(0)).getText());
        assertTrue(sub.contains("median") && !sub.contains("log p"), "the median stays, no log p without a density: " + sub);
        assertNull(bench.errorChart().message(), "measured, no note or failure");
        assertEquals(List.of(3), bench.errorChart().pointCounts(), "greedy at each of the 3 steps");
        var records = onFx(() -> bench.model().errorsProperty().get().steps().get("greedy"));
        for (var r : records) {
            assertTrue(r.cosineMean() > -1 && r.cosineMean() <= 1 && r.relErrorMean() > 0, r.toString());
        }
        String chartSub = onFx(() -> bench.errorChart().subtitleText());
        assertTrue(chartSub.contains("network's own flow") && chartSub.contains("first "
                + gw.app.run.ErrorProfiles.NETWORK_PARTICLES + " particles"), chartSub);

        // back on an analytic scenario: the full probe set, and its subtitle
        gw.app.state.Scenario analytic = gw.app.state.Scenarios.all().get(0);
        assertFalse(gw.app.run.ErrorProfiles.costlyIdeal(analytic.model()));
        fx(() -> bench.controls().load(analytic));
        Settings back = onFx(() -> bench.controls().getSettings().withParticles(64).withSteps(10));
        fx(() -> bench.controls().apply(back, true));
        awaitRunOf(back);
        assertTrue(bench.errorChart().seriesCount() > 0);
        assertNull(bench.errorChart().message());
        assertFalse(onFx(() -> bench.errorChart().subtitleText()).contains("network"));
    }

    @Test
    void theFirstFrameShowsTheDensityAndTargetBeforeAnyRun() {
        // as the window opens: runs held until the first frame is painted, the scenario loaded
        Workbench held = onFx(() -> {
            Workbench w = new Workbench(gw.app.state.Scenarios.all());
            w.holdRuns(true);
            w.controls().load(gw.app.state.Scenarios.all().get(0));
            return w;
        });
        try {
            assertNull(held.lastResult());
            assertFalse(onFx(() -> held.runService().isRunning()), "nothing runs before the frame is painted");
            List<SamplePanel> panels = held.samples().panels();
            assertEquals(4, panels.size(), "a panel per scheme of the scenario");
            for (SamplePanel p : panels) {
                assertTrue(p.showsDensity(), p.scheme());
                assertEquals("Sampling\u2026", p.message());
                assertTrue(p.messageIsNote(), "waiting is not an error: neutral style, not the red one");
            }
        } finally {
            fx(held::shutdown);
        }
    }

    @Test
    void densityStaysBehindTheSamplesAfterEveryRun() {
        awaitRunOf(settings());
        for (double x : new double[] {-1.0, 0.5}) {
            Settings moved = settings().withTarget(x, 2.0);
            fx(() -> bench.controls().apply(moved, true));
            awaitRunOf(moved);
            // JFreeChart's annotation equality made removing the old target marker remove the heat map too
            for (SamplePanel p : bench.samples().panels()) {
                assertTrue(p.showsDensity(), p.scheme() + " still shows the data density");
            }
        }
    }

    @Test
    void aRunThatEndsFarAwaySaysSoOnItsPanel() {
        awaitRunOf(settings());
        // strong enough to throw every guided particle far off, not strong enough to overflow to NaN (beyond the
        // field's range of 0-10: as an opened experiment file may set it)
        fx(() -> bench.controls().apply(settings().withScale(1e6), true));
        await("scale applied", 10, () -> bench.runService().getSettings().scale() == 1e6);
        awaitRunOf(settings());
        for (SamplePanel p : bench.samples().panels()) {
            if (p.scheme().equals("none")) {
                assertNull(p.message());
                assertEquals(0, onFx(p::outsideCount));
            } else {
                assertEquals(64, onFx(p::outsideCount), p.scheme());
                assertNotNull(p.message(), p.scheme() + " explains its empty plot");
                assertTrue(p.message().startsWith("All 64 particles ended outside the plot"), p.message());
            }
        }
    }

    @Test
    void computeChartsHaveOneSeriesPerScheme() {
        Settings s = settings().withSchemes(List.of("none", "greedy", "lookahead")).withParticles(32);
        fx(() -> bench.controls().apply(s, true));
        awaitRunOf(s);
        fx(() -> bench.selectTab("compute"));
        await("cost curves for the current settings", 60, () -> !bench.computeService().isRunning()
                && bench.computeService().getValue() != null
                && bench.computeService().getValue().settings().equals(s));
        assertEquals(3, bench.stepsChart().seriesCount(), "one cost-vs-steps series per enabled scheme");
        assertEquals(2, bench.horizonChart().seriesCount(), "wall time and NFE against H");
        // lookahead's horizon sweep plus one step sweep per other guided scheme
        assertEquals(2, bench.frontierChart().seriesCount());
        // the labels at the current setting and the two ends of the sweep are drawn apart, inside the plot
        var labels = onFx(() -> {
            gw.app.export.ChartExport.png(bench.frontierChart().chart(), 420, 480);
            return bench.frontierChart().labels();
        });
        var boxes = labels.placed();
        assertEquals(3, boxes.size(), "current H = 3, H = 1 and end-to-end");
        for (int i = 0; i < boxes.size(); i++) {
            assertTrue(labels.lastArea().contains(boxes.get(i)));
            for (int j = i + 1; j < boxes.size(); j++) {
                assertFalse(boxes.get(i).intersects(boxes.get(j)), "labels " + i + " and " + j + " overlap");
            }
        }
    }

    @Test
    void aDivergingRunShowsItsMessageOnTheAffectedPanel() {
        awaitRunOf(settings());
        fx(() -> bench.controls().apply(settings().withScale(1e300), true));
        await("scale applied", 10, () -> bench.runService().getSettings().scale() == 1e300);
        awaitRunOf(settings());
        SamplePanel greedy = bench.samples().panels().stream().filter(p -> p.scheme().equals("greedy"))
                .findFirst().orElseThrow();
        assertNotNull(greedy.message());
        assertTrue(greedy.message().startsWith("Diverged"), greedy.message());
        assertEquals(0, greedy.particleCount());
        SamplePanel none = bench.samples().panels().get(0);
        assertEquals("none", none.scheme());
        assertNull(none.message(), "unguided sampling is unaffected");
        assertNotNull(bench.errorChart().message());
        assertTrue(bench.errorChart().message().contains("Diverged"));
    }

    @Test
    void inspectorShowsEveryGradientForOneParticle() {
        awaitRunOf(settings());
        fx(() -> bench.selectTab("inspector"));
        await("inspection", 30, () -> bench.inspector().chart().last() != null);
        var in = bench.inspector().chart().last();
        assertEquals(List.of("greedy", "lookahead", "end-to-end", "adjoint", "ideal"),
                List.copyOf(in.views().keySet()));
        assertEquals(0.0, in.ideal().relativeError(), 1e-15);
    }
}
