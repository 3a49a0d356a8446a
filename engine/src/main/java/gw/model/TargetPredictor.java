package gw.model;

import gw.path.PathPoint;
import gw.tensor.Batch;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A target-prediction model xhat1(x, t) = E[x1 | x_t = x], batched over the rows of x.
 * Closed-form models accept any (alpha, sigma) pair, which the continuous ideal uses through EDM coordinates;
 * learned models read the time t of the path point and must be used on the path they were trained for.
 * <p>
 * Each model states what readers, estimators and views need to know about it (its cost, extent, density, spec
 * form), so adding a model touches no reader or view: one class plus one entry in the spec's model-kind registry.
 */
public interface TargetPredictor {

    /** Data dimension D. */
    int dim();

    /** The spec's name for this kind of model ("gmm", "gaussian", "mlp", ...). */
    String kind();

    Prediction predict(Batch x, PathPoint p);

    /**
     * The prediction with row r at its own path point {@code points[r]}, for solvers that advance rows at different
     * times together. Each row's values are those of {@link #predict(Batch, PathPoint)} at its point, to float
     * rounding; by default one evaluation per distinct point (a network overrides it with one pass).
     */
    default Prediction predict(Batch x, PathPoint[] points) {
        if (points.length != x.rows()) {
            throw new IllegalArgumentException(points.length + " path points for " + x.rows() + " rows");
        }
        if (java.util.Arrays.stream(points).allMatch(points[0]::equals)) {
            return predict(x, points[0]);
        }
        return new GroupedPrediction(this, x, points);
    }

    /** The same for an ND4J array [B, D]. */
    default Prediction predict(INDArray x, PathPoint p) {
        return predict(Batch.of(x), p);
    }

    /** Whether predict accepts arbitrary (alpha, sigma), such as {@link PathPoint#edm(double)}. */
    default boolean acceptsAnyPathPoint() {
        return false;
    }

    /**
     * The relative rounding error of the model's arithmetic: 2^-53 for float64, 2^-24 for a float32 network.
     * Iterations that compare two results (the continuous ideal's step doubling) cannot resolve changes below a
     * few hundred times this.
     */
    default double unitRoundoff() {
        return 0x1p-53;
    }

    /**
     * The most RK4 steps the continuous ideal's refinement may take for this model (gw.solver.IdealFlow): a closed
     * form's evaluations are cheap and smooth in time; a network's are neither ({@link NetworkPredictor}).
     */
    default int idealMaxSteps() {
        return 1 << 16;
    }

    /** The path the model must be used on (a learned model's training path), or empty when any path will do. */
    default Optional<String> requiredPath() {
        return Optional.empty();
    }

    /** Multiply-adds per point of one evaluation or one VJP, for the work estimates checked before a run. */
    double evaluationCost();

    /** Doubles per point that one evaluation keeps for its VJP, for the memory estimates. */
    double retainedPerEvaluation();

    /** The data density, where the model has one in closed form (log-likelihood metrics, density plots). */
    default Optional<ClosedFormDensity> density() {
        return Optional.empty();
    }

    /**
     * A box that holds nearly all of the data's mass, {lo, hi} per coordinate: [D][2]. Plots start from it; for a
     * closed form it is mean +- 3.5 std, for a learned model the box of its training data.
     */
    double[][] extent();

    /**
     * The spec value that reads back to this model: a JSON-ready map whose "kind" is {@link #kind()}.
     * @throws IllegalStateException for a model that has no spec form yet (a network trained but not saved)
     */
    Map<String, Object> specValue();
}
