package gw.model.net;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trainable network y = f(x, t) on ND4J arrays: an MLP on points, later a U-Net on images (t: the path time) or a
 * classifier (t ignored, null). Its parameters live in one {@link Parameters}; forward records onto a
 * {@link Tape} what backward needs; backward returns dL/dx (the input VJP guidance uses) and, when the tape asks,
 * accumulates dL/dparameters for training.
 */
public interface Network {

    /** The architecture as JSON, with a "kind" field; {@link Networks#fromArchitecture} rebuilds the network. */
    ObjectNode architecture();

    Parameters parameters();

    /** The shape of one input sample, e.g. [2] for points or [1, 28, 28] for images. */
    long[] inputShape();

    /**
     * @param x a batch [B, inputShape...] in the parameters' data type
     * @param t times [B] or a single time [1] shared by the batch; null for networks without time input
     * @param tape null for inference only
     */
    INDArray forward(INDArray x, INDArray t, Tape tape);

    /** dL/dx for dL/d(output), after a forward pass on the same tape. */
    INDArray backward(INDArray gradOut, Tape tape);
}
