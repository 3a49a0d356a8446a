package gw.model.net;

import gw.tensor.Backend;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Reverse;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A k x k convolution on NCHW images with zero padding (k - 1) / 2 and stride 1 or 2, weights [k, k, in, out] (so
 * the fan-in of {@link Parameters#initialise} is k^2 in), bias [out]. Forward is libnd4j's conv2d; training's
 * backward is conv2d_bp (input, weight and bias gradients in one call). The input VJP alone (guidance) of a stride-1
 * convolution is the transposed convolution of the incoming gradient with the same kernel, and needs no stored input.
 * With oneDNN that is one libnd4j deconv2d, whose weight layout [k, k, out', in'] is this layer's [k, k, in, out]
 * read the other way, so the kernel needs no flipping or copying (a Reverse of the kernel cost up to 5 ms per call);
 * the default backend's deconv2d is 3-7 times slower than its conv2d, so there it is a conv2d with the kernel flipped
 * in space and its channel axes swapped. A stride-2 layer keeps conv2d_bp: deconv2d cannot give the even-sized
 * input back.
 */
public final class Conv2d implements Layer {
    private final Param w;
    private final Param b;
    private final int[] iArgs;
    private final int stride;
    private final int kernel;

    public Conv2d(Parameters.Builder params, String name, int in, int out, int kernel, int stride) {
        if (kernel < 1 || kernel % 2 == 0 || (stride != 1 && stride != 2)) {
            throw new IllegalArgumentException("conv " + name + ": kernel must be odd and stride 1 or 2, got "
                    + kernel + " and " + stride);
        }
        this.w = params.add(name + ".w", Param.Init.FAN_IN_UNIFORM, kernel, kernel, in, out);
        this.b = params.add(name + ".b", Param.Init.ZEROS, out);
        this.stride = stride;
        this.kernel = kernel;
        int pad = (kernel - 1) / 2;
        // kH, kW, sH, sW, pH, pW, dH, dW, padding mode (0: explicit), data format (0: NCHW), weights (0: [kH,kW,iC,oC])
        this.iArgs = new int[] {kernel, kernel, stride, stride, pad, pad, 1, 1, 0, 0, 0};
    }

    @Override
    public INDArray forward(INDArray in, Tape tape) {
        if (tape != null && (tape.paramGrads() || stride != 1)) {
            tape.push(in);
        }
        DynamicCustomOp op = DynamicCustomOp.builder("conv2d")
                .addInputs(in, w.value(), b.value())
                .addIntegerArguments(iArgs)
                .build();
        return Nd4j.exec(op)[0];
    }

    @Override
    public INDArray backward(INDArray gradOut, Tape tape) {
        if (!tape.paramGrads() && stride == 1) {
            return inputVjp(gradOut);
        }
        INDArray in = tape.pop();
        INDArray gradIn = in.ulike();
        INDArray gradW = w.value().ulike();
        INDArray gradB = b.value().ulike();
        DynamicCustomOp op = DynamicCustomOp.builder("conv2d_bp")
                .addInputs(in, w.value(), b.value(), gradOut)
                .addOutputs(gradIn, gradW, gradB)
                .addIntegerArguments(iArgs)
                .build();
        Nd4j.exec(op);
        if (tape.paramGrads()) {
            w.grad().addi(gradW);
            b.grad().addi(gradB);
        }
        return gradIn;
    }

    /**
     * dL/d(input) = deconv(dL/d(output), W), the transposed convolution: the same as conv(dL/d(output), W') with
     * W'[a, b, o, i] = W[k-1-a, k-1-b, i, o], same padding, no bias.
     */
    private INDArray inputVjp(INDArray gradOut) {
        return inputVjp(gradOut, Backend.oneDnn());
    }

    /** The stride-1 input VJP by deconv2d or by the flipped-kernel conv2d (both tested on any backend). */
    INDArray inputVjp(INDArray gradOut, boolean deconv) {
        if (deconv) {
            return Nd4j.exec(DynamicCustomOp.builder("deconv2d").addInputs(gradOut, w.value())
                    .addIntegerArguments(iArgs).build())[0];
        }
        INDArray flipped = w.value().permute(0, 1, 3, 2);
        if (kernel > 1) {
            flipped = Nd4j.exec(new Reverse(flipped, 0, 1))[0];
        }
        return Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(gradOut, flipped.dup('c'))
                .addIntegerArguments(iArgs).build())[0];
    }
}
