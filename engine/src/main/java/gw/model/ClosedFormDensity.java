package gw.model;

import gw.tensor.Batch;
import java.util.Random;

/** A data distribution with a known density: log-likelihood and exact samples. */
public interface ClosedFormDensity {

    /** log p_data(x1) for each row of x1: [B]. */
    double[] logDensity(Batch x1);

    /** n exact samples from p_data: [n, D]; draws come only from rng, so a seed fixes them. */
    Batch sample(int n, Random rng);
}
