package gw.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One parameter tensor of a network: a view into the flat parameter vector of its {@link Parameters} and the
 * matching view into the flat gradient vector. Views are bound when the parameter set is built, so a layer keeps
 * the handle and reads {@link #value()} and {@link #grad()} at run time.
 */
public final class Param {
    private final String name;
    private final long[] shape;
    private final long offset;
    private final Init init;
    private INDArray value;
    private INDArray grad;

    /** How a parameter is initialised: fan-in scaled uniform (weights) or zeros (biases). */
    public enum Init { FAN_IN_UNIFORM, ZEROS, ONES }

    Param(String name, long[] shape, long offset, Init init) {
        this.name = name;
        this.shape = shape.clone();
        this.offset = offset;
        this.init = init;
    }

    void bind(INDArray value, INDArray grad) {
        this.value = value;
        this.grad = grad;
    }

    public String name() {
        return name;
    }

    public long[] shape() {
        return shape.clone();
    }

    public long length() {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }

    long offset() {
        return offset;
    }

    Init init() {
        return init;
    }

    /** The parameter's values (a view: writing it changes the network). */
    public INDArray value() {
        if (value == null) {
            throw new IllegalStateException("parameter " + name + " is used before Parameters.Builder.build()");
        }
        return value;
    }

    /** dLoss/dparameter, accumulated by backward passes that ask for parameter gradients. */
    public INDArray grad() {
        return grad;
    }
}
