package gw.objective.image;

/** Denoising: A is the identity, the measurement the image plus noise. */
public final class Denoising implements ImageOperator {
    private final int side;

    public Denoising(int side) {
        Masking.checkSide(side);
        this.side = side;
    }

    @Override
    public String task() {
        return "denoise";
    }

    @Override
    public int side() {
        return side;
    }

    @Override
    public int outputSize() {
        return side * side;
    }

    @Override
    public void apply(double[] x, int xOff, double[] y, int yOff) {
        System.arraycopy(x, xOff, y, yOff, side * side);
    }

    @Override
    public void adjoint(double[] y, int yOff, double[] x, int xOff) {
        System.arraycopy(y, yOff, x, xOff, side * side);
    }
}
