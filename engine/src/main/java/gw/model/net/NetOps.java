package gw.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The libnd4j custom ops the MLP's guidance passes run on, each writing into a preallocated output. On the CPU
 * backend's oneDNN build (the default, gw.tensor.Backend) matmul, xw_plus_b and tanh run as oneDNN primitives: on
 * the development machine a 4096x128 by 128x128 product takes about half of what Nd4j.gemm (always OpenBLAS) takes,
 * and tanh a sixth of ND4J's own sigmoid. The CUDA backend has the same ops.
 */
final class NetOps {
    private NetOps() {
    }

    /** out = op(a) op(b), op transposing where asked. */
    static void matmul(INDArray a, INDArray b, INDArray out, boolean transA, boolean transB) {
        DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("matmul").addInputs(a, b).addOutputs(out);
        if (transA || transB) {
            op.addIntegerArguments(transA ? 1 : 0, transB ? 1 : 0);
        }
        Nd4j.exec(op.build());
    }

    /** out = x w + b for x [B, in], w [in, out], b [out] (the bias broadcast over the rows, fused). */
    static void xwPlusB(INDArray x, INDArray w, INDArray b, INDArray out) {
        Nd4j.exec(DynamicCustomOp.builder("xw_plus_b").addInputs(x, w, b).addOutputs(out).build());
    }

    /** out = tanh(in), elementwise. */
    static void tanh(INDArray in, INDArray out) {
        Nd4j.exec(DynamicCustomOp.builder("tanh").addInputs(in).addOutputs(out).build());
    }
}
