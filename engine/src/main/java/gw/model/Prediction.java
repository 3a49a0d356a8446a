package gw.model;

import gw.tensor.Batch;

/**
 * A model evaluated at a batch x [B, D] and one path point: the target prediction xhat1, the noise prediction
 * xhat0, the marginal velocity u, and their vector-Jacobian products with respect to x. Implementations keep
 * what the forward pass computed so each VJP reuses it.
 */
public interface Prediction {

    Batch xhat1();

    Batch xhat0();

    Batch velocity();

    /** v^T d xhat1 / dx, row by row: [B, D]. */
    Batch vjpXhat1(Batch v);

    /** v^T d xhat0 / dx. */
    Batch vjpXhat0(Batch v);

    /** v^T du / dx. */
    Batch vjpVelocity(Batch v);

    /** Bytes this evaluation retains for its VJPs (for memory accounting). */
    long retainedBytes();
}
