package gw.data;

import gw.tensor.Batch;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * A grid of grey-scale images as PNG bytes: each row of the batch (side * side values in [-1, 1], clipped) one cell,
 * {@code columns} cells per grid row, each pixel drawn {@code scale} x {@code scale}, one-pixel mid-grey gaps.
 */
public final class ImageGrid {
    private static final int GAP = 0x80;

    private ImageGrid() {
    }

    /** Byte value of a pixel in [-1, 1] (values outside are clipped): (v + 1) * 127.5 rounded. */
    public static int grey(double v) {
        double c = Math.max(-1, Math.min(1, Double.isNaN(v) ? -1 : v));
        return (int) Math.round((c + 1) * 127.5);
    }

    public static BufferedImage render(Batch images, int side, int columns, int scale) {
        if (images.cols() != side * side || images.rows() < 1 || columns < 1 || scale < 1 || scale > 64) {
            throw new IllegalArgumentException("need rows of " + side * side + " pixels, columns >= 1 and scale in"
                    + " 1..64; got [" + images.rows() + ", " + images.cols() + "], " + columns + ", " + scale);
        }
        int cols = Math.min(columns, images.rows());
        int rows = (images.rows() + cols - 1) / cols;
        int cell = side * scale;
        BufferedImage img = new BufferedImage(cols * (cell + 1) + 1, rows * (cell + 1) + 1, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.getRaster().setSample(x, y, 0, GAP);
            }
        }
        for (int i = 0; i < images.rows(); i++) {
            int x0 = 1 + (i % cols) * (cell + 1);
            int y0 = 1 + (i / cols) * (cell + 1);
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    int g = grey(images.get(i, r * side + c));
                    for (int dy = 0; dy < scale; dy++) {
                        for (int dx = 0; dx < scale; dx++) {
                            img.getRaster().setSample(x0 + c * scale + dx, y0 + r * scale + dy, 0, g);
                        }
                    }
                }
            }
        }
        return img;
    }

    public static byte[] png(Batch images, int side, int columns, int scale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(render(images, side, columns, scale), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
