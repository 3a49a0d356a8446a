package gw.data;

import gw.model.GaussianMixture;
import gw.tensor.Batch;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Where training points come from: a procedural set (a {@link Procedural} name, {@code samples} points from
 * {@code seed}), samples of a Gaussian mixture, or the points of a CSV/.npy file.
 */
public record DataSpec(String kind, int samples, long seed, GaussianMixture mixture, Path file) {
    public static final int MAX_POINTS = 1_000_000;
    public static final List<String> KINDS = List.of("moons", "circles", "checkerboard", "spirals", "pinwheel",
            "eight-gaussians", "mixture", "csv", "npy", "fashion-mnist");
    /** Image sets: the first {@code samples} training images, flattened, in [-1, 1]. */
    public static final String FASHION_MNIST = "fashion-mnist";

    public static DataSpec procedural(String name, int samples, long seed) {
        return new DataSpec(name, samples, seed, null, null);
    }

    /** The points: generated (same seed, same points) or read and validated. */
    public Batch load() {
        Procedural p = Procedural.byName(kind);
        if (p != null) {
            return p.sample(samples, seed);
        }
        return switch (kind) {
            case "mixture" -> mixture.sample(samples, new Random(seed));
            case "csv", "npy" -> PointFiles.read(file, kind.equals("npy"), MAX_POINTS);
            case FASHION_MNIST -> fashionMnist(samples);
            default -> throw new IllegalArgumentException("unknown data set '" + kind + "'; known: "
                    + String.join(", ", KINDS));
        };
    }

    private static Batch fashionMnist(int samples) {
        try {
            LabelledImages train = FashionMnist.load(FashionMnist.Split.TRAIN);
            int[] first = new int[Math.min(samples, train.count())];
            for (int i = 0; i < first.length; i++) {
                first[i] = i;
            }
            return train.batch(first);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
