package gw.app.images;

import java.util.function.DoubleConsumer;

/**
 * What the Images view asks of the engine: the measurement of a test image (before any run, so choosing a task
 * shows its measurement at once) and one scheme's reconstruction of it. Implementations only call the engine; both
 * methods run off the FX thread, and an interrupted thread ends a reconstruction within one step (the engine
 * throws CancellationException).
 */
public interface ImageEngine {

    /** The test image, its class and the measurement y drawn for the settings' task, σ_y and seed. */
    record Measured(int index, String label, double[] groundTruth, double[] picture, String description) {
    }

    /** One scheme's reconstruction with its quality and cost. */
    record Reconstruction(String scheme, double[] image, double psnr, double ssim, double residual, long nfe,
                          long vjps, double wallMs, long peakBytes) {
    }

    /** One line on the model that reconstructs (which network, how far trained), for people. */
    String modelNote();

    /** Side of the square images (28 for Fashion-MNIST). */
    int side();

    /** Number of test images (indices 0 .. count − 1). */
    int count();

    /** The test image alone (for the chooser's thumbnail). */
    double[] image(int index);

    /** The class name of a test image. */
    String label(int index);

    /** The settings' measurement; {@code picture} shows y on the image grid, NaN where a pixel is not seen. */
    Measured measure(ImageSettings s);

    /** Reconstructs the settings' image with one scheme; progress receives the fraction of steps done. */
    Reconstruction reconstruct(ImageSettings s, String scheme, DoubleConsumer progress);
}
