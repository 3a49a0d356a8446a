package gw.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Upsampling2d;
import org.nd4j.linalg.factory.Nd4j;

/** Nearest-neighbour upsampling by 2 on NCHW; backward sums each 2 x 2 block of the incoming gradient. */
public final class Upsample2x implements Layer {

    @Override
    public INDArray forward(INDArray in, Tape tape) {
        return Nd4j.exec(new Upsampling2d(in, 2, 2, true))[0];
    }

    @Override
    public INDArray backward(INDArray gradOut, Tape tape) {
        long[] s = gradOut.shape();
        return gradOut.dup('c').reshape('c', s[0], s[1], s[2] / 2, 2, s[3] / 2, 2).sum(3, 5);
    }
}
