package gw.app;

import gw.app.charts.GradientErrorChart;
import gw.app.export.ChartExport;
import gw.app.state.Scenarios;
import gw.experiment.CellRunner;

/**
 * Loads and compiles the chart and engine code on a background thread while the JavaFX toolkit starts, so the first
 * frame and the first run do not pay for class loading one after the other on a two-core machine.
 */
final class Warmup {
    private Warmup() {
    }

    static void start() {
        Thread t = new Thread(() -> {
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
