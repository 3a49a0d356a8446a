package gw.data;

import gw.tensor.Batch;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Square grey-scale images with integer labels, kept as the file's bytes (60 000 images are 47 MB as bytes, 376 MB
 * as float64) and scaled to [-1, 1] (0 -> -1, 255 -> 1) when read out, flattened row-major to side * side values.
 */
public final class LabelledImages {
    private final byte[] pixels;
    private final byte[] labels;
    private final int count;
    private final int side;
    private final int classes;

    LabelledImages(byte[] pixels, byte[] labels, int count, int side, int classes) {
        this.pixels = pixels;
        this.labels = labels;
        this.count = count;
        this.side = side;
        this.classes = classes;
    }

    /** Pixel byte 0..255 to [-1, 1]. */
    public static double scale(int unsignedByte) {
        return unsignedByte / 127.5 - 1.0;
    }

    public int count() {
        return count;
    }

    public int side() {
        return side;
    }

    /** Pixels per image, side * side: the data dimension D. */
    public int pixelsPerImage() {
        return side * side;
    }

    public int classes() {
        return classes;
    }

    public int label(int i) {
        check(i);
        return labels[i] & 0xff;
    }

    /** Image i in [-1, 1], flattened row-major. */
    public double[] image(int i) {
        check(i);
        int d = pixelsPerImage();
        double[] out = new double[d];
        for (int k = 0; k < d; k++) {
            out[k] = scale(pixels[i * d + k] & 0xff);
        }
        return out;
    }

    /** The images at {@code indices} as a float64 batch [n, D]. */
    public Batch batch(int... indices) {
        int d = pixelsPerImage();
        double[] out = new double[indices.length * d];
        for (int r = 0; r < indices.length; r++) {
            System.arraycopy(image(indices[r]), 0, out, r * d, d);
        }
        return new Batch(out, indices.length, d);
    }

    /** The images at {@code indices} as an ND4J array [n, 1, side, side] of {@code dtype} (NCHW, for networks). */
    public INDArray array(DataType dtype, int... indices) {
        int d = pixelsPerImage();
        float[] out = new float[indices.length * d];
        for (int r = 0; r < indices.length; r++) {
            int i = indices[r];
            check(i);
            for (int k = 0; k < d; k++) {
                out[r * d + k] = (float) scale(pixels[i * d + k] & 0xff);
            }
        }
        INDArray a = Nd4j.create(out, new long[] {indices.length, 1, side, side}, 'c');
        return dtype == DataType.FLOAT ? a : a.castTo(dtype);
    }

    /** The labels at {@code indices}. */
    public int[] labels(int... indices) {
        int[] out = new int[indices.length];
        for (int r = 0; r < indices.length; r++) {
            out[r] = label(indices[r]);
        }
        return out;
    }

    private void check(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("image index " + i + " is outside 0.." + (count - 1));
        }
    }
}
