package gw.model.net;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * All parameters of a network in one flat vector (and one flat gradient vector of the same layout), with each
 * {@link Param} a reshaped view into it. One vector makes the optimizer, EMA, checkpoints and model files a few
 * whole-array operations instead of one per tensor, and fixes the on-disk order: the order of declaration.
 */
public final class Parameters {
    private final DataType dtype;
    private final List<Param> params;
    private final INDArray values;
    private final INDArray grads;

    private Parameters(DataType dtype, List<Param> params, long total) {
        this.dtype = dtype;
        this.params = Collections.unmodifiableList(params);
        this.values = Nd4j.zeros(dtype, Math.max(total, 1));
        this.grads = Nd4j.zeros(dtype, Math.max(total, 1));
        for (Param p : params) {
            p.bind(view(values, p), view(grads, p));
        }
    }

    private static INDArray view(INDArray flat, Param p) {
        INDArray v = flat.get(NDArrayIndex.interval(p.offset(), p.offset() + p.length()));
        return v.reshape('c', p.shape());
    }

    /** Declares parameters in order; {@link #build} allocates the flat vectors and binds the views. */
    public static final class Builder {
        private final DataType dtype;
        private final List<Param> params = new ArrayList<>();
        private long total;

        public Builder(DataType dtype) {
            if (dtype != DataType.FLOAT && dtype != DataType.DOUBLE) {
                throw new IllegalArgumentException("networks are float32 or float64, not " + dtype);
            }
            this.dtype = dtype;
        }

        public DataType dtype() {
            return dtype;
        }

        public Param add(String name, Param.Init init, long... shape) {
            Param p = new Param(name, shape, total, init);
            params.add(p);
            total += p.length();
            return p;
        }

        public Parameters build() {
            return new Parameters(dtype, new ArrayList<>(params), total);
        }
    }

    public DataType dtype() {
        return dtype;
    }

    public List<Param> list() {
        return params;
    }

    /** Number of scalars. */
    public long count() {
        long n = 0;
        for (Param p : params) {
            n += p.length();
        }
        return n;
    }

    /** The flat parameter vector (writing it changes every view). */
    public INDArray values() {
        return values;
    }

    /** The flat gradient vector. */
    public INDArray grads() {
        return grads;
    }

    public void zeroGrads() {
        grads.assign(0);
    }

    /**
     * Seeded initialisation: weights U(-1/sqrt(fan_in), 1/sqrt(fan_in)) with fan_in the product of all but the
     * last dimension, biases zero. Drawn in Java from one SplittableRandom, so the same seed gives the same bits.
     */
    public void initialise(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[(int) values.length()];
        for (Param p : params) {
            long[] s = p.shape();
            long fanIn = 1;
            for (int i = 0; i < s.length - 1; i++) {
                fanIn *= s[i];
            }
            double bound = 1.0 / Math.sqrt(Math.max(1, fanIn));
            for (long i = p.offset(); i < p.offset() + p.length(); i++) {
                v[(int) i] = switch (p.init()) {
                    case FAN_IN_UNIFORM -> bound * (2 * rng.nextDouble() - 1);
                    case ZEROS -> 0.0;
                    case ONES -> 1.0;
                };
            }
        }
        set(v);
    }

    /** Copies a flat vector of {@link #count()} values in. */
    public void set(double[] flat) {
        if (flat.length != values.length()) {
            throw new IllegalArgumentException("expected " + values.length() + " parameters, got " + flat.length);
        }
        values.assign(Nd4j.create(flat, new long[] {flat.length}, DataType.DOUBLE).castTo(dtype));
    }

    public double[] toDoubleArray() {
        return values.castTo(DataType.DOUBLE).toDoubleVector();
    }
}
