package gw.experiment.image;

import java.util.List;

/**
 * The result of one image reconstruction. Images are side x side pixels in [-1, 1], flattened row-major
 * (784 values for Fashion-MNIST); arrays are the record's own copies.
 *
 * @param request what was run
 * @param label the test image's class (0..9)
 * @param side the image side in pixels
 * @param reconstruction the guided sample x1
 * @param groundTruth the clean test image
 * @param measurement y, the M measured values (empty for a task without a measurement)
 * @param measurementPicture a side x side picture of y ({@link ImageProblem#measurementPicture()})
 * @param psnr PSNR of the reconstruction against the ground truth, dB, data range 2 (NaN for a task without a
 *             measurement, such as class guidance: it generates, there is nothing to compare with)
 * @param ssim SSIM of the reconstruction against the ground truth (Gaussian window 11, sigma 1.5, data range 2)
 * @param residual |A x1 - y| (NaN without a measurement)
 * @param finalLoss the guidance loss at x1
 * @param nfe forward model evaluations of the whole run (sampling and guidance)
 * @param vjps vector-Jacobian products of the whole run
 * @param wallMs wall time of the run, ms (without the gradient-error measurement)
 * @param peakRetainedBytes the most memory kept at once for a backward pass (what grows with N or H)
 * @param gradientErrors the gradient against the fine-grid end-to-end gradient at the requested steps (empty when
 *                       not requested, or at steps that were not guided)
 */
public record Reconstruction(ReconstructionRequest request, int label, int side, double[] reconstruction,
                             double[] groundTruth, double[] measurement, double[] measurementPicture, double psnr,
                             double ssim, double residual, double finalLoss, long nfe, long vjps, double wallMs,
                             long peakRetainedBytes, List<StepError> gradientErrors) {
    public Reconstruction {
        reconstruction = reconstruction.clone();
        groundTruth = groundTruth.clone();
        measurement = measurement.clone();
        measurementPicture = measurementPicture.clone();
        gradientErrors = List.copyOf(gradientErrors);
    }

    @Override
    public double[] reconstruction() {
        return reconstruction.clone();
    }

    @Override
    public double[] groundTruth() {
        return groundTruth.clone();
    }

    @Override
    public double[] measurement() {
        return measurement.clone();
    }

    @Override
    public double[] measurementPicture() {
        return measurementPicture.clone();
    }

    /** The scheme's label (tables, grids, file names). */
    public String schemeLabel() {
        return request.scheme().label();
    }

    /** Mean relative gradient error over the measured steps; NaN when none were measured. */
    public double meanRelativeError() {
        return gradientErrors.stream().mapToDouble(StepError::relativeError).average().orElse(Double.NaN);
    }

    /** Mean cosine against the fine-grid gradient over the measured steps; NaN when none were measured. */
    public double meanCosine() {
        return gradientErrors.stream().mapToDouble(StepError::cosine).average().orElse(Double.NaN);
    }
}
