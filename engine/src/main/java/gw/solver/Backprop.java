package gw.solver;

import gw.model.Prediction;
import gw.tensor.Batch;

/**
 * How backpropagation through N solver steps trades memory for recomputation:
 * <ul>
 * <li>{@link #full()}: keep every step's record; N records, no recomputation.</li>
 * <li>{@link #segments(int)}: keep every k-th state, recompute one segment of records at a time in the backward
 * pass; about N/k states + k records, one extra forward solve.</li>
 * <li>{@link #binomial(int)}: Griewank's binomial (Revolve) schedule with s stored states; at most s states + one
 * record at once whatever N, with the fewest recomputed steps possible for that s.</li>
 * </ul>
 * All three give the same gradient up to rounding (binomial and segments recompute the very same steps).
 */
public interface Backprop {

    /** A short label: "full", "segments(k=8)", "binomial(s=4)". */
    String label();

    /**
     * Solves x from times[0] to the last time and returns what can backpropagate through the solve.
     * {@code first}, when not null, is the model already evaluated at (x, times[0]).
     */
    Trajectory solve(Dynamics f, Step step, double[] times, Batch x, Prediction first);

    static Backprop full() {
        return new Full();
    }

    /** Keep every k-th state (k = 1 is {@link #full()}). */
    static Backprop segments(int every) {
        if (every < 1) {
            throw new IllegalArgumentException("checkpointEvery must be >= 1, got " + every);
        }
        return every == 1 ? new Full() : new Segments(every);
    }

    /** Binomial checkpointing with s >= 1 stored states, the input state included. */
    static Backprop binomial(int snapshots) {
        return new Binomial(snapshots);
    }

    record Full() implements Backprop {
        @Override
        public String label() {
            return "full";
        }

        @Override
        public Trajectory solve(Dynamics f, Step step, double[] times, Batch x, Prediction first) {
            return Rollout.solve(f, step, times, x, first);
        }
    }

    record Segments(int every) implements Backprop {
        @Override
        public String label() {
            return "segments(k=" + every + ")";
        }

        @Override
        public Trajectory solve(Dynamics f, Step step, double[] times, Batch x, Prediction first) {
            return Rollout.solveCheckpointed(f, step, times, x, first, every);
        }
    }

    record Binomial(int snapshots) implements Backprop {
        public Binomial {
            if (snapshots < 1) {
                throw new IllegalArgumentException("binomial checkpointing needs >= 1 snapshot, got " + snapshots);
            }
        }

        @Override
        public String label() {
            return "binomial(s=" + snapshots + ")";
        }

        @Override
        public Trajectory solve(Dynamics f, Step step, double[] times, Batch x, Prediction first) {
            return BinomialCheckpointing.solve(f, step, times, x, first, snapshots);
        }
    }
}
