package gw.objective.image;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Inpainting: A keeps the observed pixels (in increasing index order) and drops the rest, so M is the number of
 * observed pixels and A^T puts each measurement back in its pixel with zeros elsewhere.
 */
public final class Masking implements ImageOperator {
    private final String task;
    private final int side;
    private final int[] observed;

    private Masking(String task, int side, int[] observed) {
        this.task = task;
        this.side = side;
        this.observed = observed;
    }

    /**
     * Random inpainting: exactly round(missing * D) pixels hidden, chosen by a seeded Fisher-Yates shuffle, so the same
     * seed hides the same pixels.
     */
    public static Masking random(int side, double missing, long seed) {
        checkSide(side);
        if (!(missing >= 0 && missing < 1)) {
            throw new IllegalArgumentException("missing fraction must be in [0, 1), got " + missing);
        }
        int d = side * side;
        int[] order = new int[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = d - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int hidden = (int) Math.round(missing * d);
        int[] kept = Arrays.copyOfRange(order, hidden, d);
        Arrays.sort(kept);
        return new Masking("inpaint-random", side, kept);
    }

    /** Box inpainting: the central box x box square hidden (for even side and box, exactly centred). */
    public static Masking box(int side, int box) {
        checkSide(side);
        if (box < 1 || box >= side) {
            throw new IllegalArgumentException("box must be in 1.." + (side - 1) + " for a " + side + " x " + side
                    + " image, got " + box);
        }
        int start = (side - box) / 2;
        int[] kept = new int[side * side - box * box];
        int n = 0;
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                boolean inBox = r >= start && r < start + box && c >= start && c < start + box;
                if (!inBox) {
                    kept[n++] = r * side + c;
                }
            }
        }
        return new Masking("inpaint-box", side, kept);
    }

    static void checkSide(int side) {
        if (side < 2 || side > 1024) {
            throw new IllegalArgumentException("image side must be in 2..1024, got " + side);
        }
    }

    /** Observed pixel indices, increasing. */
    public int[] observed() {
        return observed.clone();
    }

    /** 1 where a pixel is observed, 0 where hidden: [D]. */
    public double[] mask() {
        double[] m = new double[inputSize()];
        for (int k : observed) {
            m[k] = 1;
        }
        return m;
    }

    @Override
    public String task() {
        return task;
    }

    @Override
    public int side() {
        return side;
    }

    @Override
    public int outputSize() {
        return observed.length;
    }

    @Override
    public void apply(double[] x, int xOff, double[] y, int yOff) {
        for (int m = 0; m < observed.length; m++) {
            y[yOff + m] = x[xOff + observed[m]];
        }
    }

    @Override
    public void adjoint(double[] y, int yOff, double[] x, int xOff) {
        Arrays.fill(x, xOff, xOff + inputSize(), 0.0);
        for (int m = 0; m < observed.length; m++) {
            x[xOff + observed[m]] = y[yOff + m];
        }
    }
}
