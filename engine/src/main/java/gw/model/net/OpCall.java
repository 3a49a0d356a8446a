package gw.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One libnd4j custom op bound once to its arrays and run many times through the same {@link OpContext}. Executing a
 * freshly built op (Nd4j.exec) creates the op object and a native context, copies every argument into it and frees
 * it again: 20-40 us per call on the development machine, against a few us for {@code exec(op, context)} on a
 * context that already holds the arrays. The arrays must stay the same objects (buffers reused in place), and one
 * call runs on one thread at a time. The CUDA backend runs the same ops through the same interface.
 */
final class OpCall {
    private final CustomOp op;
    private final OpContext context;

    /** @param iArgs the op's integer arguments (matmul's transpose flags), none for most ops */
    OpCall(String name, INDArray[] inputs, INDArray output, int... iArgs) {
        // the op names its arrays too: the CUDA executioner marks the outputs' device copies written from them
        DynamicCustomOp.DynamicCustomOpsBuilder b = DynamicCustomOp.builder(name).addInputs(inputs).addOutputs(output);
        if (iArgs.length > 0) {
            b.addIntegerArguments(iArgs);
        }
        this.op = b.build();
        this.context = Nd4j.getExecutioner().buildContext();
        for (int i = 0; i < inputs.length; i++) {
            context.setInputArray(i, inputs[i]);
        }
        context.setOutputArray(0, output);
        if (iArgs.length > 0) {
            context.setIArguments(java.util.Arrays.stream(iArgs).asLongStream().toArray());
        }
    }

    void run() {
        Nd4j.getExecutioner().exec(op, context);
    }

    /** out = op(a) op(b), op transposing where asked. */
    static OpCall matmul(INDArray a, INDArray b, INDArray out, boolean transA, boolean transB) {
        return transA || transB
                ? new OpCall("matmul", new INDArray[] {a, b}, out, transA ? 1 : 0, transB ? 1 : 0)
                : new OpCall("matmul", new INDArray[] {a, b}, out);
    }

    /** out = x w + b for x [B, in], w [in, out], b [out] (the bias broadcast over the rows, fused). */
    static OpCall xwPlusB(INDArray x, INDArray w, INDArray b, INDArray out) {
        return new OpCall("xw_plus_b", new INDArray[] {x, w, b}, out);
    }

    /** out = tanh(in), elementwise. */
    static OpCall tanh(INDArray in, INDArray out) {
        return new OpCall("tanh", new INDArray[] {in}, out);
    }

    /** out = a + b, elementwise (b may be a scalar). */
    static OpCall add(INDArray a, INDArray b, INDArray out) {
        return new OpCall("add", new INDArray[] {a, b}, out);
    }

    /** out = a - b, elementwise (either may be a scalar). */
    static OpCall subtract(INDArray a, INDArray b, INDArray out) {
        return new OpCall("subtract", new INDArray[] {a, b}, out);
    }

    /** out = a b, elementwise. */
    static OpCall multiply(INDArray a, INDArray b, INDArray out) {
        return new OpCall("multiply", new INDArray[] {a, b}, out);
    }
}
