package gw.tensor;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A batch of B particles in D dimensions, float64, row-major. The engine's hot loops (closed-form posteriors,
 * solver stages, backpropagation) run fused over this array: on this hardware one ND4J op costs 20-500 us of
 * dispatch and allocation, while a whole fused mixture evaluation of 4096 particles costs about as much as one
 * op. {@link #of(INDArray)} and {@link #toINDArray()} exchange data with ND4J at the API's edges.
 */
public final class Batch implements Axpy<Batch> {
    private final double[] data;
    private final int rows;
    private final int cols;

    public Batch(double[] data, int rows, int cols) {
        if (data.length != rows * cols) {
            throw new IllegalArgumentException("data length " + data.length + " != " + rows + " x " + cols);
        }
        this.data = data;
        this.rows = rows;
        this.cols = cols;
    }

    public static Batch zeros(int rows, int cols) {
        return new Batch(new double[rows * cols], rows, cols);
    }

    public static Batch of(double[][] rowsData) {
        int r = rowsData.length;
        int c = r == 0 ? 0 : rowsData[0].length;
        double[] d = new double[r * c];
        for (int i = 0; i < r; i++) {
            if (rowsData[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + rowsData[i].length + " entries, not " + c);
            }
            System.arraycopy(rowsData[i], 0, d, i * c, c);
        }
        return new Batch(d, r, c);
    }

    public static Batch row(double... values) {
        return new Batch(values.clone(), 1, values.length);
    }

    /** Copies a 2-D INDArray [B, D] (any data type) into a float64 batch. */
    public static Batch of(INDArray x) {
        if (x.rank() != 2) {
            throw new IllegalArgumentException("expected a rank-2 [B, D] array, got rank " + x.rank());
        }
        INDArray d = x.dataType() == DataType.DOUBLE && x.ordering() == 'c' && !x.isView() ? x : x.castTo(DataType.DOUBLE).dup('c');
        return new Batch(d.data().asDouble(), (int) x.size(0), (int) x.size(1));
    }

    public INDArray toINDArray() {
        return Nd4j.create(data.clone(), new long[] {rows, cols}, 'c');
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The backing array (row i at [i*cols, (i+1)*cols)); kernels read and write it directly. */
    public double[] data() {
        return data;
    }

    public double get(int i, int j) {
        return data[i * cols + j];
    }

    public double[] row(int i) {
        return Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
    }

    public double[][] toRows() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = row(i);
        }
        return out;
    }

    public Batch copy() {
        return new Batch(data.clone(), rows, cols);
    }

    public Batch scaled(double s) {
        double[] o = new double[data.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = s * data[i];
        }
        return new Batch(o, rows, cols);
    }

    /** this += s * other, in place; returns this. */
    public Batch addScaled(Batch other, double s) {
        double[] b = other.data;
        for (int i = 0; i < data.length; i++) {
            data[i] += s * b[i];
        }
        return this;
    }

    /** Row i of this -= s[i] * row i of other, in place; returns this (the guided step x - s_i g_i). */
    public Batch subtractRowScaled(double[] s, Batch other) {
        double[] b = other.data;
        for (int i = 0; i < data.length; i++) {
            data[i] -= s[i / cols] * b[i];
        }
        return this;
    }

    /** a * this + b * other, new. */
    public Batch combine(double a, Batch other, double b) {
        double[] o = new double[data.length];
        double[] y = other.data;
        for (int i = 0; i < o.length; i++) {
            o[i] = a * data[i] + b * y[i];
        }
        return new Batch(o, rows, cols);
    }

    public Batch minus(Batch other) {
        return combine(1.0, other, -1.0);
    }

    /** Row-wise dot products: [B]. */
    public double[] rowDot(Batch other) {
        double[] out = new double[rows];
        double[] b = other.data;
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = i * cols; j < (i + 1) * cols; j++) {
                s += data[j] * b[j];
            }
            out[i] = s;
        }
        return out;
    }

    /** Row-wise Euclidean norms: [B]. */
    public double[] rowNorms() {
        double[] sq = rowDot(this);
        for (int i = 0; i < sq.length; i++) {
            sq[i] = Math.sqrt(sq[i]);
        }
        return sq;
    }

    public boolean allFinite() {
        for (double v : data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** Throws {@link NonFiniteException} naming {@code what} when any entry is NaN or infinite. */
    public Batch requireFinite(String what) {
        if (!allFinite()) {
            throw new NonFiniteException(what + " became NaN or infinite");
        }
        return this;
    }

    public long bytes() {
        return (long) data.length * Double.BYTES;
    }
}
