package gw.app.images;

import gw.data.ImageGrid;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/**
 * A flattened grey-scale image in [−1, 1] as a JavaFX image, each pixel drawn as a zoom × zoom square (nearest
 * neighbour: the pixels stay crisp, never blurred by the scaling). A NaN pixel is one the measurement does not see
 * (hidden by an inpainting mask) and is drawn in {@link #HIDDEN}, a colour no grey image has.
 */
public final class Pixels {
    /** Teal-blue for the pixels a measurement does not see. */
    public static final int HIDDEN = 0xFF2E6F8E;

    private Pixels() {
    }

    public static WritableImage render(double[] image, int side, int zoom) {
        if (image.length != side * side || zoom < 1) {
            throw new IllegalArgumentException("need " + side * side + " pixels and zoom >= 1, got " + image.length
                    + " and " + zoom);
        }
        WritableImage img = new WritableImage(side * zoom, side * zoom);
        PixelWriter w = img.getPixelWriter();
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                int argb = argb(image[r * side + c]);
                for (int dy = 0; dy < zoom; dy++) {
                    for (int dx = 0; dx < zoom; dx++) {
                        w.setArgb(c * zoom + dx, r * zoom + dy, argb);
                    }
                }
            }
        }
        return img;
    }

    /** Opaque grey of a value (clipped to [−1, 1], as the engine's PNG grids do), or {@link #HIDDEN} for NaN. */
    public static int argb(double v) {
        if (Double.isNaN(v)) {
            return HIDDEN;
        }
        int g = ImageGrid.grey(v);
        return 0xFF000000 | g << 16 | g << 8 | g;
    }
}
