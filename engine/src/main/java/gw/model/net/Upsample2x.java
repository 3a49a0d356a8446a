package gw.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
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
        // upsampling2d_bp reads its first input only for the output's shape
        INDArray shape = Nd4j.createUninitialized(gradOut.dataType(), s[0], s[1], s[2] / 2, s[3] / 2);
        return Nd4j.exec(DynamicCustomOp.builder("upsampling2d_bp").addInputs(shape, gradOut)
                .addIntegerArguments(1).build())[0];
    }
}
