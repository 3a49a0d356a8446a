package gw.app.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times of interactive updates: from the change (slider released, choice made) to samples and plots redrawn, with
 * the compute and drawing parts. Printed on standard output when {@code -Dgw.app.latencyLog=true}.
 */
public final class LatencyLog {
    /**
     * @param samplesMs change to all sample panels redrawn
     * @param totalMs change to sample panels and gradient-error plot redrawn
     * @param firstMs change to the first panel redrawn (the fast schemes, before the slow ones finish)
     */
    public record Entry(double samplesMs, double totalMs, double samplingMs, double errorMs, double firstMs) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final boolean print = Boolean.getBoolean("gw.app.latencyLog");

    public synchronized Entry add(double samplesMs, double totalMs, double samplingMs, double errorMs,
                                  double firstMs) {
        Entry e = new Entry(samplesMs, totalMs, samplingMs, errorMs, firstMs);
        entries.add(e);
        if (print) {
            System.out.printf(Locale.ROOT, "[latency] first panel %.1f ms, samples %.1f ms, all plots %.1f ms "
                    + "(sampling %.1f, error %.1f)%n", firstMs, samplesMs, totalMs, samplingMs, errorMs);
        }
        return e;
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public synchronized void clear() {
        entries.clear();
    }

    /** Median of total times, NaN when empty. */
    public synchronized double medianTotal() {
        return median(entries.stream().mapToDouble(Entry::totalMs).toArray());
    }

    public static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
