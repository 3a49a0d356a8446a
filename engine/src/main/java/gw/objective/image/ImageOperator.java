package gw.objective.image;

import gw.tensor.Batch;

/**
 * A linear measurement operator A: R^D -> R^M on flattened square grey-scale images (row-major, side * side = D),
 * with its adjoint A^T. Both act on one image at a time inside a flat array, so a batch is a loop over rows with
 * no copies; the operators are cheap next to a network evaluation (at most 81 multiply-adds per pixel).
 */
public interface ImageOperator {

    /** The task's name in specs and tables, e.g. "inpaint-random". */
    String task();

    /** Image side in pixels. */
    int side();

    /** D = side^2. */
    default int inputSize() {
        return side() * side();
    }

    /** M, the number of measured values per image. */
    int outputSize();

    /** y[yOff, yOff + M) = A x[xOff, xOff + D). */
    void apply(double[] x, int xOff, double[] y, int yOff);

    /** x[xOff, xOff + D) = A^T y[yOff, yOff + M) (overwritten, not accumulated). */
    void adjoint(double[] y, int yOff, double[] x, int xOff);

    /** A x for every row: [B, M]. */
    default Batch apply(Batch x) {
        requireCols(x, inputSize(), "x");
        double[] out = new double[x.rows() * outputSize()];
        for (int i = 0; i < x.rows(); i++) {
            apply(x.data(), i * inputSize(), out, i * outputSize());
        }
        return new Batch(out, x.rows(), outputSize());
    }

    /** A^T y for every row: [B, D]. */
    default Batch adjoint(Batch y) {
        requireCols(y, outputSize(), "y");
        double[] out = new double[y.rows() * inputSize()];
        for (int i = 0; i < y.rows(); i++) {
            adjoint(y.data(), i * outputSize(), out, i * inputSize());
        }
        return new Batch(out, y.rows(), inputSize());
    }

    private static void requireCols(Batch b, int cols, String name) {
        if (b.cols() != cols) {
            throw new IllegalArgumentException(name + " has " + b.cols() + " columns, the operator needs " + cols);
        }
    }
}
