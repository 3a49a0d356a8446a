package gw.app;

import gw.app.charts.GradientErrorChart;
import gw.app.export.ChartExport;
import gw.app.state.Scenario;
import gw.app.state.Scenarios;
import gw.experiment.CellRunner;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the presets, then loads and compiles the chart and engine code, on a background thread while the JavaFX
 * toolkit starts, so the first frame and the first run do not pay for JSON parsing and class loading one after the
 * other on a two-core machine.
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
                ChartExport.png(GradientErrorChart.create().chart(), 200, 150);
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
}
