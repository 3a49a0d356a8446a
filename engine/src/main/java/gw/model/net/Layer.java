package gw.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A differentiable map of one array with parameters (if any) declared in a {@link Parameters.Builder}.
 * forward pushes onto the tape what backward needs (nothing when the tape is null: inference only);
 * backward pops it, returns dL/d(input) and, when the tape asks for it, adds dL/d(parameters) into their grads.
 */
public interface Layer {

    INDArray forward(INDArray in, Tape tape);

    INDArray backward(INDArray gradOut, Tape tape);
}
