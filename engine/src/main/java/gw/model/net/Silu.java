package gw.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Swish;
import org.nd4j.linalg.api.ops.impl.transforms.strict.SwishDerivative;
import org.nd4j.linalg.factory.Nd4j;

/** SiLU (swish) x sigmoid(x), one fused ND4J op each way. */
public final class Silu implements Layer {

    @Override
    public INDArray forward(INDArray in, Tape tape) {
        if (tape != null) {
            tape.push(in);
        }
        return Nd4j.exec(new Swish(in, in.ulike()));
    }

    @Override
    public INDArray backward(INDArray gradOut, Tape tape) {
        INDArray in = tape.pop();
        return Nd4j.exec(new SwishDerivative(in, in.ulike())).muli(gradOut);
    }
}
