package gw.objective.image;

/**
 * Super-resolution: A averages each non-overlapping factor x factor block, an image of side s to one of side
 * s / factor. A^T spreads each low-resolution value, divided by factor^2, over its block.
 */
public final class AveragePooling implements ImageOperator {
    private final int side;
    private final int factor;
    private final int low;

    public AveragePooling(int side, int factor) {
        Masking.checkSide(side);
        if (factor < 2 || side % factor != 0) {
            throw new IllegalArgumentException("super-resolution factor must be >= 2 and divide the image side "
                    + side + ", got " + factor);
        }
        this.side = side;
        this.factor = factor;
        this.low = side / factor;
    }

    public int factor() {
        return factor;
    }

    /** Side of the low-resolution measurement. */
    public int lowSide() {
        return low;
    }

    @Override
    public String task() {
        return "super-resolution-x" + factor;
    }

    @Override
    public int side() {
        return side;
    }

    @Override
    public int outputSize() {
        return low * low;
    }

    @Override
    public void apply(double[] x, int xOff, double[] y, int yOff) {
        double w = 1.0 / (factor * factor);
        for (int i = 0; i < low; i++) {
            for (int j = 0; j < low; j++) {
                double s = 0;
                for (int a = 0; a < factor; a++) {
                    int row = xOff + (i * factor + a) * side + j * factor;
                    for (int b = 0; b < factor; b++) {
                        s += x[row + b];
                    }
                }
                y[yOff + i * low + j] = w * s;
            }
        }
    }

    @Override
    public void adjoint(double[] y, int yOff, double[] x, int xOff) {
        double w = 1.0 / (factor * factor);
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                x[xOff + r * side + c] = w * y[yOff + (r / factor) * low + c / factor];
            }
        }
    }
}
