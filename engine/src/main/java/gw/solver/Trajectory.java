package gw.solver;

import gw.tensor.Batch;

/**
 * A forward solve through a sequence of times that can pull a cotangent back to its input (the discrete adjoint).
 * How much it keeps for that, and how much it recomputes, is the {@link Backprop} strategy's business.
 */
public interface Trajectory {

    /** The state at the last time. */
    Batch output();

    /** Number of solver steps. */
    int steps();

    /**
     * v^T d output / d input. Single use: the records kept for it are released (in the {@link Cost} accounting too)
     * as they are consumed, as an autodiff tape is freed by its backward pass.
     */
    Batch backward(Batch v);
}
