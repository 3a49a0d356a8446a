package gw.solver;

import gw.model.Prediction;
import gw.tensor.Batch;

/**
 * What the backpropagation strategies ({@link Rollout}, {@link BinomialCheckpointing}) share: the solve's setting,
 * its output, taking step j (reusing the first model evaluation at step 0), and the single use of its records.
 */
abstract class RecordedSolve implements Trajectory {
    protected final Dynamics f;
    protected final Step step;
    protected final double[] times;
    private final Prediction first;
    private Batch output;
    private boolean consumed;

    RecordedSolve(Dynamics f, Step step, double[] times, Prediction first) {
        this.f = f;
        this.step = step;
        this.times = times;
        this.first = first;
    }

    /** Step j from {@code state}, with its record; step 0 reuses the model evaluation given at construction. */
    protected final StepTape take(int j, Batch state) {
        return step.forward(f, state, times[j], times[j + 1], j == 0 ? first : null);
    }

    /** The output of step j, checked for NaN/Inf. */
    protected final Batch finite(StepTape tape, int j) {
        return tape.output().requireFinite("the " + step.name() + " solve at t=" + times[j + 1]);
    }

    protected final void setOutput(Batch output) {
        this.output = output;
    }

    @Override
    public final Batch output() {
        return output;
    }

    @Override
    public final int steps() {
        return times.length - 1;
    }

    /** Marks the records used; false when they already were. */
    protected final boolean consume() {
        boolean fresh = !consumed;
        consumed = true;
        return fresh;
    }

    /** {@link #consume()}, throwing with {@code message} when the records were used already. */
    protected final void consumeOrThrow(String message) {
        if (!consume()) {
            throw new IllegalStateException(message);
        }
    }
}
