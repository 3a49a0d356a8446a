package gw.model.net;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One-channel side x side images as the image networks ({@link UNet}, {@link ImageClassifier}) take and give them:
 * flattened row-major, [B, side^2], so that they are points of dimension side^2 to everything above; inside, the
 * convolutions see them as [B, 1, side, side].
 */
final class FlatImages {
    private FlatImages() {
    }

    /** The network's input shape per point: {side^2}. */
    static long[] shape(int side) {
        return new long[] {(long) side * side};
    }

    /** Refuses anything but a batch of flattened side x side images. */
    static void check(INDArray x, int side) {
        if (x.rank() != 2 || x.size(1) != (long) side * side) {
            throw new IllegalArgumentException("expected flattened images [B, " + side * side + "], got "
                    + Arrays.toString(x.shape()));
        }
    }

    /** [B, side^2] as a c-ordered [B, 1, side, side] (a copy: the caller's array may be a view). */
    static INDArray view(INDArray x, int side) {
        return x.dup('c').reshape('c', x.size(0), 1, side, side);
    }

    /** A [B, ...] image batch flattened back to [B, side^2]. */
    static INDArray flatten(INDArray x, long batch, int side) {
        return x.reshape('c', batch, (long) side * side);
    }
}
