package gw.model;

import gw.path.PathPoint;
import gw.tensor.Batch;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A target-prediction model xhat1(x, t) = E[x1 | x_t = x], batched over the rows of x.
 * Closed-form models accept any (alpha, sigma) pair, which the continuous ideal uses through EDM coordinates;
 * learned models read the time t of the path point and must be used on the path they were trained for.
 */
public interface TargetPredictor {

    /** Data dimension D. */
    int dim();

    String kind();

    Prediction predict(Batch x, PathPoint p);

    /** The same for an ND4J array [B, D]. */
    default Prediction predict(INDArray x, PathPoint p) {
        return predict(Batch.of(x), p);
    }

    /** Whether predict accepts arbitrary (alpha, sigma), such as {@link PathPoint#edm(double)}. */
    default boolean acceptsAnyPathPoint() {
        return false;
    }
}
