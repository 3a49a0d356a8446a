package gw.app;

import gw.app.charts.Charts;
import gw.app.export.ChartExport;
import gw.app.state.Scenario;
import gw.app.state.Scenarios;
import gw.experiment.CellRunner;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Reads the presets, then loads and compiles the chart and engine code, on a background thread while the JavaFX
 * toolkit starts, so the first frame and the first run do not pay for JSON parsing and class loading one after the
 * other on a two-core machine. It touches no JavaFX node: a control made off the FX thread while the FX thread
 * styles the first scene races on the shared user-agent stylesheet (modena), which then fails to resolve its looked-up
 * colours and floods the terminal with ClassCastException warnings. Charts are warmed as plain JFreeChart objects.
 */
final class Warmup {
    private Warmup() {
    }

    private static final CompletableFuture<List<Scenario>> PRESETS = new CompletableFuture<>();
    private static volatile boolean started;

    /** The shipped presets, read on the warm-up thread (or here and now, when there is no warm-up). */
    static CompletableFuture<List<Scenario>> presets() {
        if (!started) {
            PRESETS.complete(WorkbenchApp.presets());
        }
        return PRESETS;
    }

    static void start() {
        started = true;
        Thread t = new Thread(() -> {
            try {
                PRESETS.complete(WorkbenchApp.presets());
            } catch (RuntimeException | Error e) {
                PRESETS.complete(List.of());
            }
            try {
                ChartExport.png(chart(), 200, 150);
                var s = Scenarios.all().get(0).defaults().withParticles(64).withSteps(4);
                CellRunner.run(0, s.samplingSpec("lookahead"), f -> { });
            } catch (RuntimeException | Error e) {
                // warm-up is best effort; the real run reports its own errors
            }
        }, "warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** A small log-axis line chart in the workbench's look: the same JFreeChart and Java2D code the charts use. */
    private static JFreeChart chart() {
        XYSeries s = new XYSeries("warm-up");
        for (int i = 1; i <= 20; i++) {
            s.add(i / 20.0, Math.pow(10, -i / 5.0));
        }
        XYPlot plot = Charts.plot(Charts.number("t"), Charts.log("error"));
        plot.setDataset(new XYSeriesCollection(s));
        plot.setRenderer(Charts.lines(true));
        JFreeChart chart = Charts.chart("warm-up", plot, true);
        Charts.subtitle(chart, "warm-up");
        return chart;
    }
}
