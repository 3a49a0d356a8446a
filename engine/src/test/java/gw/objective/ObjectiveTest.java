package gw.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gw.Numerics;
import gw.guidance.Greedy;
import gw.guidance.Lookahead;
import gw.model.GaussianMixture;
import gw.path.Paths;
import gw.solver.Dynamics;
import gw.solver.Grid;
import gw.solver.Rollout;
import gw.solver.Solvers;
import gw.tensor.Batch;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Losses on final samples: values by hand, gradients against central differences of the loss. */
class ObjectiveTest {
    private static final SquaredDistance DISTANCE = new SquaredDistance(new double[] {1, -2, 0.5});
    /** An under-determined inverse problem: 2 measurements of a 3-vector, noise 0.3. */
    private static final Measurement MEASUREMENT = new Measurement(
            new double[][] {{1, 0, -1}, {0.5, 2, 0.25}}, new double[] {0.3, -1}, 0.3);

    @Test
    void valuesByHand() {
        Batch x = Batch.of(new double[][] {{1, -2, 0.5}, {2, 0, 0.5}});
        assertArrayEquals(new double[] {0, 0.5 * (1 + 4)}, DISTANCE.loss(x), 1e-15);
        assertArrayEquals(new double[] {0, 0, 0, 1, 2, 0}, DISTANCE.gradient(x).data(), 1e-15);
        // row 0: A x - y = (0.5 - 0.3, 0.5 - 4 + 0.125 + 1) = (0.2, -2.375)
        double r0 = 0.2;
        double r1 = -2.375;
        assertEquals((r0 * r0 + r1 * r1) / (2 * 0.09), MEASUREMENT.loss(x)[0], 1e-12);
        // gradient A^T r / sigma^2
        double[] g0 = {(r0 + 0.5 * r1) / 0.09, (2 * r1) / 0.09, (-r0 + 0.25 * r1) / 0.09};
        assertArrayEquals(g0, MEASUREMENT.gradient(x).row(0), 1e-12);
        assertEquals(3, MEASUREMENT.dim());
        assertEquals(3, DISTANCE.dim());
    }

    @Test
    void gradientsMatchFiniteDifferencesOfTheLoss() {
        Batch x = Numerics.gaussianBatch(new Random(71), 5, 3, 2.0);
        for (Objective o : List.of(DISTANCE, MEASUREMENT)) {
            Numerics.assertClose(Numerics.gradientByDifferences(o::loss, x, 1e-3), o.gradient(x), 1e-9, o.kind());
        }
    }

    @Test
    void measurementRejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new Measurement(new double[][] {{1}}, new double[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> new Measurement(new double[][] {{1}}, new double[] {1}, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Measurement(new double[][] {{1}}, new double[] {1, 2}, 1));
    }

    /** A guidance gradient is the derivative of the loss at the scheme's own endpoint map: check it end to end. */
    @Test
    void schemeGradientsAreDerivativesOfTheComposedLoss() {
        Random rng = new Random(72);
        GaussianMixture m = Numerics.randomMixture(rng, 4, 3);
        Batch x = Numerics.gaussianBatch(rng, 3, 3, 1.5);
        double t = 0.25;
        for (String path : Paths.NAMES) {
            Dynamics f = Dynamics.inTime(m, Paths.byName(path));
            for (Objective o : List.of(DISTANCE, MEASUREMENT)) {
                Batch greedy = new Greedy().gradient(f, o, x, t, null).gradient();
                Numerics.assertClose(Numerics.gradientByDifferences(y -> o.loss(f.predict(y, t).xhat1()), x, 1e-4),
                        greedy, 1e-7, "greedy " + o.kind() + " " + path);
                for (String solver : new String[] {"ddim", "heun", "rk4"}) {
                    Batch la = new Lookahead(Solvers.byName(solver), 3).gradient(f, o, x, t, null).gradient();
                    Batch fd = Numerics.gradientByDifferences(y -> o.loss(Rollout.solve(f, Solvers.byName(solver),
                            Grid.equalSteps(t, 1, 3), y, null).output()), x, 1e-4);
                    Numerics.assertClose(fd, la, 1e-7, "lookahead " + solver + " " + o.kind() + " " + path);
                }
            }
        }
    }
}
