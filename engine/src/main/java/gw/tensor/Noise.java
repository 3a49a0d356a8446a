package gw.tensor;

import java.util.Random;

/** Seeded standard-normal draws: the same seed gives the same initial noise for every scheme. */
public final class Noise {
    private Noise() {
    }

    public static Batch gaussian(int rows, int cols, long seed) {
        Random rng = new Random(seed);
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextGaussian();
        }
        return new Batch(d, rows, cols);
    }
}
