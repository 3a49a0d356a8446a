package gw.app;

import gw.app.run.LatencyLog;
import gw.app.state.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * Measures change-to-redraw latency the way a person meets it: applies a committed settings change (as a released
 * slider does), waits for the redraw, repeats, and prints the median per configuration, then exits.
 */
final class BenchMode {
    private static final int REPEATS = 7;
    private final Workbench bench;
    private final List<Object[]> plan = new ArrayList<>();
    private int index = -1;
    private int skipFirst;

    BenchMode(Workbench bench) {
        this.bench = bench;
    }

    void start() {
        Settings base = bench.controls().getSettings().withParticles(1024);
        List<String> three = List.of("none", "greedy", "lookahead");
        List<String> all = List.of("none", "greedy", "lookahead", "end-to-end");
        for (int n : new int[] {20, 50}) {
            for (int h : new int[] {1, 5}) {
                addConfig(String.format(Locale.ROOT, "N=%d H=%d none+greedy+lookahead", n, h),
                        base.withSteps(n).withHorizon(h).withSchemes(three));
            }
            addConfig(String.format(Locale.ROOT, "N=%d H=5 + end-to-end", n),
                    base.withSteps(n).withHorizon(5).withSchemes(all));
        }
        bench.addRunAppliedListener(this::next);
        System.out.println("[bench] change-to-redraw latency, 1024 particles, reference mixture; median of "
                + REPEATS + " (first of each config discarded)");
    }

    private void addConfig(String name, Settings s) {
        for (int r = 0; r <= REPEATS; r++) {
            plan.add(new Object[] {name, s.withSeed(r)});
        }
    }

    private final List<Double> current = new ArrayList<>();
    private final List<Double> currentCompute = new ArrayList<>();
    private final List<Double> currentFirst = new ArrayList<>();

    private void next() {
        if (index >= 0) {
            LatencyLog.Entry e = bench.latency().entries().get(bench.latency().entries().size() - 1);
            if (skipFirst > 0) {
                skipFirst--;
            } else {
                current.add(e.totalMs());
                currentCompute.add(e.samplesMs());
                currentFirst.add(e.firstMs());
            }
            boolean endOfConfig = index + 1 >= plan.size() || !plan.get(index + 1)[0].equals(plan.get(index)[0]);
            if (endOfConfig) {
                System.out.printf(Locale.ROOT, "[bench] %-34s first panel %6.1f ms, all samples %6.1f ms, samples + "
                        + "error plot %6.1f ms%n", plan.get(index)[0], median(currentFirst), median(currentCompute),
                        median(current));
                current.clear();
                currentCompute.clear();
                currentFirst.clear();
            }
        }
        index++;
        if (index >= plan.size()) {
            scrub();
            Platform.exit();
            return;
        }
        if (index == 0 || !plan.get(index)[0].equals(plan.get(index - 1)[0])) {
            skipFirst = 1;
        }
        PauseTransition p = new PauseTransition(Duration.millis(80));
        p.setOnFinished(ev -> bench.controls().apply((Settings) plan.get(index)[1], true));
        p.play();
    }

    /**
     * Time-scrubber redraw: every panel of the last run redrawn at each step 0..N, three sweeps, on the FX thread
     * (the charts draw when their data changes; nothing is recomputed).
     */
    private void scrub() {
        int n = bench.lastResult().settings().steps();
        List<Double> ms = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int sweep = 0; sweep < 3; sweep++) {
            for (int k = 0; k <= n; k++) {
                long t0 = System.nanoTime();
                long c0 = threads.getCurrentThreadCpuTime();
                bench.samples().setStep(k);
                cpu.add((threads.getCurrentThreadCpuTime() - c0) / 1e6);
                ms.add((System.nanoTime() - t0) / 1e6);
            }
        }
        ms.subList(0, n + 1).clear(); // the first sweep warms up
        cpu.subList(0, n + 1).clear();
        // the FX thread's CPU time depends far less on other load than the wall time does
        System.out.printf(Locale.ROOT, "[bench] time scrubber, %d panels x %d particles: redraw per step median "
                + "%.1f ms wall (max %.1f), %.1f ms CPU of the FX thread (max %.1f); %d steps%n",
                bench.samples().panels().size(), bench.lastResult().settings().particles(), median(ms),
                ms.stream().mapToDouble(d -> d).max().orElse(Double.NaN), median(cpu),
                cpu.stream().mapToDouble(d -> d).max().orElse(Double.NaN), ms.size());
        bench.samples().setStep(Integer.MAX_VALUE);
    }

    private static double median(List<Double> v) {
        return LatencyLog.median(v.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
