package gw.experiment.image;

import gw.objective.Objective;
import java.util.function.ToDoubleFunction;

/**
 * An {@link ImageProblem} of values fixed when it is set up: the loss, the measurement y and its picture (handed
 * out as copies, so callers cannot change them), and the residual of a result.
 */
record FixedProblem(Objective objective, double[] y, double[] picture, ToDoubleFunction<double[]> residuals)
        implements ImageProblem {

    @Override
    public double[] measurement() {
        return y.clone();
    }

    @Override
    public double[] measurementPicture() {
        return picture.clone();
    }

    @Override
    public double residual(double[] x) {
        return residuals.applyAsDouble(x);
    }
}
