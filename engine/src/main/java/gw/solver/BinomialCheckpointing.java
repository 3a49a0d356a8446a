package gw.solver;

import gw.model.Prediction;
import gw.tensor.Batch;
import java.util.ArrayList;
import java.util.List;

/**
 * Backpropagation through N solver steps keeping at most s states (the input state included) and one step record
 * at a time, by Griewank's binomial checkpointing: the schedule of Revolve (Griewank and Walther, "Algorithm 799:
 * Revolve", ACM TOMS 26(1), 2000). Reversing N steps takes the fewest forward re-steps any s-state schedule can:
 * t(N, s) = r N - C(s + r, r - 1), r the least integer with C(s + r, s) >= N (see {@link #minimalAdvances}),
 * plus the N recorded steps of the backward sweep. Memory does not grow with N; time grows like N log N for fixed
 * s >= 2 (r ~ log N), like N^2/2 for s = 1, and is 2N - 1 steps once s >= N - 1 (every step run once without and
 * once with its record, since only states, not records, are kept).
 * <p>
 * The schedule is computed up front (integers only), then run: the constructor runs it up to the first recorded
 * step, whose output is the solve's output, and {@link #backward} runs the rest.
 * Memory accounting ({@link Cost#retain}): stored states while stored, the one live step record while alive.
 */
public final class BinomialCheckpointing extends RecordedSolve {

    /** One instruction of the schedule: advance from..to without records, store/restore/free the state at 'from',
     * or take step 'from' with its record and pull the cotangent back through it. */
    record Action(Kind kind, int from, int to) {
    }

    enum Kind { ADVANCE, STORE, RESTORE, FREE, RECORD }

    private final List<Action> schedule;
    private final Batch[] stored;
    private int next;
    private Batch working;
    private StepTape pending;

    private BinomialCheckpointing(Dynamics f, Step step, double[] times, Batch x, Prediction first, int snapshots) {
        super(f, step, times, first);
        int n = times.length - 1;
        if (n < 1) {
            throw new IllegalArgumentException("a solve needs at least 2 times, got " + times.length);
        }
        this.schedule = schedule(n, snapshots);
        this.stored = new Batch[n];
        this.working = x;
        run(null);
        setOutput(finite(pending, n - 1));
    }

    /** Solves x from times[0] to the last time storing at most {@code snapshots} states (>= 1). */
    public static BinomialCheckpointing solve(Dynamics f, Step step, double[] times, Batch x, Prediction first,
                                              int snapshots) {
        if (snapshots < 1) {
            throw new IllegalArgumentException("binomial checkpointing needs >= 1 snapshot, got " + snapshots);
        }
        return new BinomialCheckpointing(f, step, times, x, first, snapshots);
    }

    @Override
    public Batch backward(Batch v) {
        consumeOrThrow("a binomial rollout can be pulled back once; solve again");
        return run(v);
    }

    /**
     * Runs the schedule from where it stopped. Without a cotangent (the forward sweep) it stops after the first
     * recorded step and keeps that record pending; with one it pulls it back through every record to the input.
     */
    private Batch run(Batch bar) {
        if (bar != null) {
            bar = release(pending, bar);
        }
        while (next < schedule.size()) {
            Action a = schedule.get(next++);
            switch (a.kind()) {
                case ADVANCE -> {
                    for (int j = a.from(); j < a.to(); j++) {
                        Interruption.check();
                        working = finite(take(j), j);
                    }
                }
                case STORE -> {
                    stored[a.from()] = working;
                    f.cost().retain(working.bytes());
                }
                case RESTORE -> working = stored[a.from()];
                case FREE -> {
                    f.cost().retain(-stored[a.from()].bytes());
                    stored[a.from()] = null;
                }
                case RECORD -> {
                    Interruption.check();
                    StepTape tape = take(a.from());
                    f.cost().retain(tape.retainedBytes());
                    if (bar == null) {
                        pending = tape;
                        return null;
                    }
                    bar = release(tape, bar);
                }
            }
        }
        return bar;
    }

    private StepTape take(int j) {
        // step 0 always starts from the input state, so the caller's model evaluation there is valid every time
        return take(j, working);
    }

    private Batch release(StepTape tape, Batch bar) {
        Batch out = tape.vjp(bar);
        f.cost().retain(-tape.retainedBytes());
        return out;
    }

    /** The schedule for n steps and s snapshots: store x_0, reverse (0, n) with s snapshots, free x_0. */
    static List<Action> schedule(int n, int snapshots) {
        List<Action> out = new ArrayList<>();
        out.add(new Action(Kind.STORE, 0, 0));
        reverse(out, 0, n, Math.min(snapshots, n));
        out.add(new Action(Kind.FREE, 0, 0));
        return out;
    }

    /**
     * Reverses steps a..b-1, given x_a stored and c snapshots (x_a's included): advance m steps to x_{a+m}, store
     * it and reverse (a+m, b) with c - 1 snapshots, free it, then reverse (a, a+m) with c; a right part of one step
     * needs no snapshot, its state is recorded at once. m minimises m + t(n - m, c - 1) + t(m, c).
     */
    private static void reverse(List<Action> out, int a, int b, int c) {
        while (b - a > 1) {
            int m = c == 1 ? b - a - 1 : split(b - a, c);
            out.add(new Action(Kind.RESTORE, a, a));
            out.add(new Action(Kind.ADVANCE, a, a + m));
            if (b - (a + m) == 1) {
                out.add(new Action(Kind.RECORD, a + m, a + m + 1));
            } else {
                out.add(new Action(Kind.STORE, a + m, a + m));
                reverse(out, a + m, b, c - 1);
                out.add(new Action(Kind.FREE, a + m, a + m));
            }
            b = a + m;
        }
        out.add(new Action(Kind.RESTORE, a, a));
        out.add(new Action(Kind.RECORD, a, a + 1));
    }

    /** The optimal split for c >= 2: the cost is convex in m (t is convex piecewise linear), so bisect its slope. */
    private static int split(int n, int c) {
        int lo = 1;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (splitCost(n, c, mid + 1) >= splitCost(n, c, mid)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static long splitCost(int n, int c, int m) {
        return m + minimalAdvances(n - m, c - 1) + minimalAdvances(m, c);
    }

    /**
     * Griewank's minimal number of forward steps without records to reverse n steps with s stored states:
     * t(n, s) = r n - C(s + r, r - 1), r least with beta(s, r) = C(s + r, s) >= n (t(1, s) = 0, t(n, 1) = n(n-1)/2).
     */
    public static long minimalAdvances(int n, int snapshots) {
        if (n < 1 || snapshots < 1) {
            throw new IllegalArgumentException("need n >= 1 and snapshots >= 1, got " + n + ", " + snapshots);
        }
        long c = Math.min(snapshots, n);
        long r = 0;
        long beta = 1;
        while (beta < n) {
            r++;
            beta = beta * (c + r) / r;
        }
        long below = 0;
        if (r >= 1) {
            // C(c + r, r - 1) built up as C(c + 1 + j, j), j = 0..r-1
            below = 1;
            for (long j = 1; j < r; j++) {
                below = below * (c + 1 + j) / j;
            }
        }
        return r * n - below;
    }
}
