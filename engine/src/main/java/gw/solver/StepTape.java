package gw.solver;

import gw.tensor.Batch;

/** The record of one solver step: its output and the VJP of the output with respect to the step's input. */
public interface StepTape {

    Batch output();

    /** v^T d output / d input. */
    Batch vjp(Batch v);

    /** Bytes this record keeps alive for {@link #vjp}. */
    long retainedBytes();
}
