package gw.model;

import gw.Numerics;
import gw.path.AffinePath;
import gw.path.PathPoint;
import gw.path.Paths;
import gw.tensor.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MATH section 4: central finite differences (float64) check the analytic VJPs of xhat1, xhat0 and u for both
 * closed-form models, on every path, at times including both ends, in D = 2 and D = 5, with K = 1 and K = 4.
 */
class ModelVjpTest {
    private static final double[] TIMES = {0.0, 0.02, 0.3, 0.5, 0.85, 0.99, 1.0};
    private static final double TOL = 1e-7;

    static Stream<Arguments> mixtures() {
        List<Arguments> out = new ArrayList<>();
        for (String path : Paths.NAMES) {
            for (int d : new int[] {2, 5}) {
                for (int k : new int[] {1, 4}) {
                    out.add(Arguments.of(path, d, k));
                }
            }
        }
        return out.stream();
    }

    static Stream<Arguments> gaussians() {
        List<Arguments> out = new ArrayList<>();
        for (String path : Paths.NAMES) {
            for (int d : new int[] {2, 5}) {
                out.add(Arguments.of(path, d));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} D={1} K={2}")
    @MethodSource("mixtures")
    void mixtureVjpsMatchFiniteDifferences(String pathName, int d, int k) {
        Random rng = new Random(1000L * d + k);
        checkAllVjps(Numerics.randomMixture(rng, k, d), Paths.byName(pathName), rng);
    }

    @ParameterizedTest(name = "{0} D={1}")
    @MethodSource("gaussians")
    void diagonalGaussianVjpsMatchFiniteDifferences(String pathName, int d) {
        Random rng = new Random(77L + d);
        double[] mu = new double[d];
        double[] s = new double[d];
        for (int c = 0; c < d; c++) {
            mu[c] = rng.nextGaussian();
            s[c] = 0.3 + 2 * rng.nextDouble();
        }
        checkAllVjps(new DiagonalGaussian(mu, s), Paths.byName(pathName), rng);
    }

    private static void checkAllVjps(TargetPredictor m, AffinePath path, Random rng) {
        for (double t : TIMES) {
            PathPoint p = path.at(t);
            Batch x = Numerics.gaussianBatch(rng, 3, m.dim(), 1.5);
            Batch v = Numerics.gaussianBatch(rng, 3, m.dim(), 1.0);
            Prediction pred = m.predict(x, p);
            check(pred.vjpXhat1(v), y -> m.predict(y, p).xhat1(), x, v, m.kind() + " " + path.name() + " xhat1 t=" + t);
            check(pred.vjpXhat0(v), y -> m.predict(y, p).xhat0(), x, v, m.kind() + " " + path.name() + " xhat0 t=" + t);
            check(pred.vjpVelocity(v), y -> m.predict(y, p).velocity(), x, v, m.kind() + " " + path.name() + " u t=" + t);
        }
    }

    private static void check(Batch analytic, Function<Batch, Batch> f, Batch x, Batch v, String what) {
        Numerics.assertClose(Numerics.vjpByDifferences(f, x, v, 1e-4), analytic, TOL, what);
    }
}
