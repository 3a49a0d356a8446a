package gw.objective;

import gw.tensor.Batch;

/** A loss L(x1) on final samples, row by row, and its gradient. Implement this to add a guidance target. */
public interface Objective {

    String kind();

    int dim();

    /** L for each row: [B]. */
    double[] loss(Batch x1);

    /** grad L for each row: [B, D]. */
    Batch gradient(Batch x1);
}
