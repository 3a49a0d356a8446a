package gw.experiment.image;

import gw.objective.Objective;
import gw.objective.image.AveragePooling;
import gw.objective.image.ImageMeasurement;
import gw.objective.image.ImageOperator;
import gw.objective.image.ImageTasks;
import gw.objective.image.Masking;
import gw.tensor.Batch;

/**
 * What one image task asks of a reconstruction: the loss guidance follows, the measurement y it was given, a picture
 * of that measurement for grids and the app, and the residual |A x - y| of a result. An inverse problem
 * ({@link #inverse}) is the measurement loss |A x - y|^2 / (2 sigma_y^2) of an operator of {@link ImageTasks}; a task
 * without a measurement (class guidance: {@link ImageProblems#register}) has an empty measurement and NaN residuals.
 */
public interface ImageProblem {

    /** The loss on final samples that guidance follows. */
    Objective objective();

    /** The measured values y (M of them); empty for a task without a measurement. */
    double[] measurement();

    /**
     * A side x side picture of the measurement in [-1, 1]: the observed pixels with hidden ones at 0 (mid-grey) for
     * inpainting, the low-resolution image blown up by pixel replication for super-resolution, y itself for
     * deblurring and denoising; the ground truth's shape in mid-grey for a task without a measurement.
     */
    double[] measurementPicture();

    /** |A x - y| of an image (NaN without a measurement). */
    double residual(double[] x);

    /**
     * The inverse problem of {@code operator} on a clean image: y = A x + sigma_y eps, eps drawn from
     * {@code noiseSeed}.
     */
    static ImageProblem inverse(ImageOperator operator, double[] clean, double noiseStd, long noiseSeed) {
        ImageMeasurement loss = ImageMeasurement.observe(operator, new Batch(clean.clone(), 1, clean.length),
                noiseStd, noiseSeed);
        double[] y = loss.measured().data();
        return new FixedProblem(loss, y, picture(operator, y),
                x -> loss.residual(new Batch(x.clone(), 1, x.length)).rowNorms()[0]);
    }

    /** The picture of a measurement y of {@code operator} (see {@link #measurementPicture()}). */
    static double[] picture(ImageOperator operator, double[] y) {
        Batch row = new Batch(y.clone(), 1, y.length);
        if (operator instanceof AveragePooling pool) {
            // A^T spreads y / k^2 over each block; k^2 A^T y repeats each low-resolution value over its block
            return operator.adjoint(row).scaled((double) pool.factor() * pool.factor()).data();
        }
        if (operator instanceof Masking || operator.outputSize() != operator.inputSize()) {
            return operator.adjoint(row).data();
        }
        return y.clone();
    }
}
