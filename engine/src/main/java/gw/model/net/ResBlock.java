package gw.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;

/**
 * The U-Net's residual block: h = conv(SiLU(GN(x))) + Dense(temb) per channel, out = conv(SiLU(GN(h))) + skip(x),
 * skip the identity when the channel count stays, else a 1 x 1 convolution. The time embedding temb [B or 1, T]
 * (one row when the batch shares t) is an extra input; its gradient is only needed for training.
 */
final class ResBlock {
    private final Layer first;
    private final Dense time;
    private final Layer second;
    private final Conv2d skip;

    ResBlock(Parameters.Builder pb, String name, int in, int out, int timeDim, int groups) {
        this.first = new Sequential(java.util.List.of(new GroupNorm(pb, name + ".norm1", in, groups), new Silu(),
                new Conv2d(pb, name + ".conv1", in, out, 3, 1)));
        this.time = new Dense(pb, name + ".time", timeDim, out);
        this.second = new Sequential(java.util.List.of(new GroupNorm(pb, name + ".norm2", out, groups), new Silu(),
                new Conv2d(pb, name + ".conv2", out, out, 3, 1)));
        this.skip = in == out ? null : new Conv2d(pb, name + ".skip", in, out, 1, 1);
    }

    INDArray forward(INDArray x, INDArray temb, Tape tape) {
        INDArray h = first.forward(x, tape);
        INDArray e = time.forward(temb, tape);
        if (e.size(0) == 1) {
            Broadcast.add(h, e.reshape(e.length()), h, 1);
        } else {
            Broadcast.add(h, e, h, 0, 1);
        }
        h = second.forward(h, tape);
        return h.addi(skip == null ? x : skip.forward(x, tape));
    }

    /**
     * @param gradTemb where dL/d(temb) is accumulated ([B or 1, T]); used only when the tape asks for parameter
     *     gradients, since the input VJP does not depend on the time path
     */
    INDArray backward(INDArray gradOut, Tape tape, INDArray gradTemb) {
        INDArray gradSkip = skip == null ? gradOut : skip.backward(gradOut, tape);
        INDArray g = second.backward(gradOut, tape);
        if (tape.paramGrads()) {
            INDArray ge = g.sum(2, 3);
            if (gradTemb.size(0) == 1) {
                ge = ge.sum(true, 0);
            }
            gradTemb.addi(time.backward(ge, tape));
        }
        return first.backward(g, tape).addi(gradSkip);
    }
}
