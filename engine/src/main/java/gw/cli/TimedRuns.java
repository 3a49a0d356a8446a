package gw.cli;

import gw.metric.Stats;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The --runs/--warmup options of the benchmark commands and their timing loop: the median of timed runs. */
final class TimedRuns {
    @Option(names = "--runs", description = "Timed runs per measurement (default ${DEFAULT-VALUE}).",
            defaultValue = "5")
    int runs;

    @Option(names = "--warmup", description = "Untimed warm-up runs (default ${DEFAULT-VALUE}).", defaultValue = "2")
    int warmup;

    /** A measurement: the last run's result and the median wall time of the timed runs. */
    record Timed<T>(T last, double medianMs) {
    }

    void validate(CommandLine cl) {
        if (runs < 1 || runs > 1000 || warmup < 0 || warmup > 1000) {
            throw new ParameterException(cl, "--runs must be in 1..1000 and --warmup in 0..1000");
        }
    }

    /** Runs {@code work} warmup times untimed, then runs times timed. */
    <T> Timed<T> measure(Supplier<T> work) {
        double[] ms = new double[runs];
        T last = null;
        for (int r = -warmup; r < runs; r++) {
            long start = System.nanoTime();
            last = work.get();
            if (r >= 0) {
                ms[r] = (System.nanoTime() - start) / 1e6;
            }
        }
        return new Timed<>(last, Stats.median(ms));
    }
}
