package gw.solver;

import gw.model.Prediction;
import gw.tensor.Batch;
import java.util.Arrays;

/**
 * A solve through a sequence of times with the discrete adjoint: backward() chains the step VJPs in reverse.
 * With checkpointEvery = 1 every step's record is kept; with k > 1 only every k-th state is kept and each
 * segment's records are recomputed during the backward pass (memory ~ N/k + k records, one more forward solve).
 */
public final class Rollout {
    private final Dynamics f;
    private final Step step;
    private final double[] times;
    private final int every;
    private final StepTape[] tapes;
    private final Batch[] checkpoints;
    private final Batch output;
    private long retained;

    private Rollout(Dynamics f, Step step, double[] times, int every, Batch x, Prediction first) {
        this.f = f;
        this.step = step;
        this.times = times;
        this.every = every;
        int n = times.length - 1;
        this.tapes = new StepTape[n];
        this.checkpoints = new Batch[n];
        Batch state = x;
        for (int j = 0; j < n; j++) {
            Interruption.check();
            StepTape tape = step.forward(f, state, times[j], times[j + 1], j == 0 ? first : null);
            if (every == 1) {
                tapes[j] = tape;
                retained += tape.retainedBytes();
                f.cost().retain(tape.retainedBytes());
            } else if (j % every == 0) {
                checkpoints[j] = state;
                retained += state.bytes();
                f.cost().retain(state.bytes());
            }
            state = tape.output().requireFinite("the " + step.name() + " solve at t=" + times[j + 1]);
        }
        this.output = state;
    }

    /** Solves from times[0] to the last time, keeping every step's record. */
    public static Rollout solve(Dynamics f, Step step, double[] times, Batch x, Prediction first) {
        return new Rollout(f, step, times, 1, x, first);
    }

    /** Solves keeping only every k-th state; backward() recomputes the rest. */
    public static Rollout solveCheckpointed(Dynamics f, Step step, double[] times, Batch x, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("checkpointEvery must be >= 1, got " + k);
        }
        return new Rollout(f, step, times, k, x, null);
    }

    public Batch output() {
        return output;
    }

    public int steps() {
        return times.length - 1;
    }

    /**
     * Drops the records kept for {@link #backward} and takes them off the memory account, so that a caller running
     * several solves in turn reports the peak of one, not their sum. backward() must not be called afterwards.
     */
    public void release() {
        f.cost().retain(-retained);
        retained = 0;
        Arrays.fill(tapes, null);
        Arrays.fill(checkpoints, null);
    }

    /** v^T d output / d input. */
    public Batch backward(Batch v) {
        int n = tapes.length;
        Batch bar = v;
        if (every == 1) {
            for (int j = n - 1; j >= 0; j--) {
                Interruption.check();
                bar = tapes[j].vjp(bar);
            }
            return bar;
        }
        for (int start = ((n - 1) / every) * every; start >= 0; start -= every) {
            int end = Math.min(start + every, n);
            StepTape[] segment = new StepTape[end - start];
            Batch state = checkpoints[start];
            long bytes = 0;
            for (int j = start; j < end; j++) {
                segment[j - start] = step.forward(f, state, times[j], times[j + 1], null);
                bytes += segment[j - start].retainedBytes();
                state = segment[j - start].output();
            }
            f.cost().retain(bytes);
            for (int j = end - 1; j >= start; j--) {
                Interruption.check();
                bar = segment[j - start].vjp(bar);
            }
            f.cost().retain(-bytes);
        }
        return bar;
    }
}
