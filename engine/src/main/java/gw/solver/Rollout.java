package gw.solver;

import gw.model.Prediction;
import gw.tensor.Batch;

/**
 * A solve through a sequence of times with the discrete adjoint: backward() chains the step VJPs in reverse.
 * With checkpointEvery = 1 every step's record is kept; with k > 1 only every k-th state is kept and each
 * segment's records are recomputed during the backward pass (memory ~ N/k + k records, one more forward solve).
 * See {@link BinomialCheckpointing} for memory that does not grow with N.
 */
public final class Rollout extends RecordedSolve {
    private final int every;
    private final StepTape[] tapes;
    private final Batch[] checkpoints;

    private Rollout(Dynamics f, Step step, double[] times, int every, Batch x, Prediction first) {
        super(f, step, times, first);
        this.every = every;
        int n = times.length - 1;
        this.tapes = new StepTape[n];
        this.checkpoints = new Batch[n];
        Batch state = x;
        for (int j = 0; j < n; j++) {
            Interruption.check();
            StepTape tape = take(j, state);
            if (every == 1) {
                tapes[j] = tape;
                f.cost().retain(tape.retainedBytes());
            } else if (j % every == 0) {
                checkpoints[j] = state;
                f.cost().retain(state.bytes());
            }
            state = finite(tape, j);
        }
        setOutput(state);
    }

    /** Solves from times[0] to the last time, keeping every step's record. */
    public static Rollout solve(Dynamics f, Step step, double[] times, Batch x, Prediction first) {
        return new Rollout(f, step, times, 1, x, first);
    }

    /** Solves keeping only every k-th state; backward() recomputes the rest. */
    public static Rollout solveCheckpointed(Dynamics f, Step step, double[] times, Batch x, int k) {
        return solveCheckpointed(f, step, times, x, null, k);
    }

    /** The same, reusing {@code first} (the model at (x, times[0])) whenever step 0 is taken. */
    public static Rollout solveCheckpointed(Dynamics f, Step step, double[] times, Batch x, Prediction first, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("checkpointEvery must be >= 1, got " + k);
        }
        return new Rollout(f, step, times, k, x, first);
    }

    /**
     * Drops the records kept for {@link #backward} without using them and takes them off the memory account
     * (backward() releases them itself); backward() must not be called afterwards.
     */
    public void release() {
        if (!consume()) {
            return;
        }
        for (int j = 0; j < tapes.length; j++) {
            if (tapes[j] != null) {
                f.cost().retain(-tapes[j].retainedBytes());
                tapes[j] = null;
            }
            if (checkpoints[j] != null) {
                f.cost().retain(-checkpoints[j].bytes());
                checkpoints[j] = null;
            }
        }
    }

    /** v^T d output / d input; single use, each record is released once consumed. */
    @Override
    public Batch backward(Batch v) {
        consumeOrThrow("a rollout's records are released by its backward pass; solve again");
        int n = tapes.length;
        Batch bar = v;
        if (every == 1) {
            for (int j = n - 1; j >= 0; j--) {
                Interruption.check();
                bar = tapes[j].vjp(bar);
                f.cost().retain(-tapes[j].retainedBytes());
                tapes[j] = null;
            }
            return bar;
        }
        return SegmentedBackward.run(checkpoints, every, this::take, f.cost(), bar);
    }
}
