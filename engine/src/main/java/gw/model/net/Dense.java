package gw.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** y = x W + b for x [B, in], W [in, out], b [out]; the products run as BLAS gemm. */
public final class Dense implements Layer {
    private final Param w;
    private final Param b;

    public Dense(Parameters.Builder params, String name, int in, int out) {
        this.w = params.add(name + ".w", Param.Init.FAN_IN_UNIFORM, in, out);
        this.b = params.add(name + ".b", Param.Init.ZEROS, out);
    }

    @Override
    public INDArray forward(INDArray in, Tape tape) {
        if (tape != null && tape.paramGrads()) {
            tape.push(in);
        }
        return in.mmul(w.value()).addiRowVector(b.value());
    }

    @Override
    public INDArray backward(INDArray gradOut, Tape tape) {
        if (tape.paramGrads()) {
            INDArray in = tape.pop();
            Nd4j.gemm(in, gradOut, w.grad(), true, false, 1.0, 1.0);
            b.grad().addi(gradOut.sum(0));
        }
        return Nd4j.gemm(gradOut, w.value(), false, true);
    }
}
