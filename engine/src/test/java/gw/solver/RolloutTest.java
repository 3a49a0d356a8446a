package gw.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gw.Numerics;
import org.junit.jupiter.api.Test;
import gw.model.GaussianMixture;
import gw.path.Paths;
import gw.tensor.Batch;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Backpropagation through a whole solve, with and without checkpointing, against finite differences. */
class RolloutTest {

    static Iterable<String> solvers() {
        return Solvers.NAMES;
    }

    @ParameterizedTest
    @MethodSource("solvers")
    void backwardMatchesFiniteDifferencesOfTheSolve(String solverName) {
        Step step = Solvers.byName(solverName);
        Random rng = new Random(41);
        GaussianMixture m = Numerics.randomMixture(rng, 4, 3);
        for (String path : Paths.NAMES) {
            Dynamics f = Dynamics.inTime(m, Paths.byName(path));
            // 7 uneven steps from t = 0.1 to 1
            double[] times = {0.1, 0.2, 0.35, 0.5, 0.6, 0.8, 0.9, 1.0};
            Batch x = Numerics.gaussianBatch(rng, 3, 3, 1.5);
            Batch v = Numerics.gaussianBatch(rng, 3, 3, 1.0);
            Rollout r = Rollout.solve(f, step, times, x, null);
            assertEquals(7, r.steps());
            Batch fd = Numerics.vjpByDifferences(y -> Rollout.solve(f, step, times, y, null).output(), x, v, 1e-4);
            Numerics.assertClose(fd, r.backward(v), 1e-7, solverName + " on " + path);
        }
    }

    @ParameterizedTest
    @MethodSource("solvers")
    void checkpointedBackwardEqualsTheFullTape(String solverName) {
        Step step = Solvers.byName(solverName);
        Random rng = new Random(43);
        GaussianMixture m = Numerics.randomMixture(rng, 4, 2);
        Dynamics f = Dynamics.inTime(m, Paths.byName("vp-cosine"));
        double[] times = Grid.equalSteps(0.05, 1.0, 10);
        Batch x = Numerics.gaussianBatch(rng, 4, 2, 1.5);
        Batch v = Numerics.gaussianBatch(rng, 4, 2, 1.0);
        Rollout full = Rollout.solve(f, step, times, x, null);
        Batch expected = full.backward(v);
        // k = 3 and 4 leave a short last segment (10 = 3+3+3+1 = 4+4+2); k = 10 and 20 keep only the start
        for (int k : new int[] {1, 2, 3, 4, 10, 20}) {
            Rollout cp = Rollout.solveCheckpointed(f, step, times, x, k);
            // recomputation replays exactly the same operations: identical to the last bit
            assertArrayEquals(full.output().data(), cp.output().data(), "output, k=" + k);
            assertArrayEquals(expected.data(), cp.backward(v).data(), "gradient, k=" + k);
        }
    }

    @Test
    void releaseTakesTheTapeOffTheMemoryAccount() {
        Random rng = new Random(44);
        GaussianMixture m = Numerics.randomMixture(rng, 3, 2);
        double[] times = Grid.equalSteps(0.2, 1.0, 12);
        Batch x = Numerics.gaussianBatch(rng, 4, 2, 1.5);
        for (int k : new int[] {1, 3}) {
            Cost cost = new Cost();
            Dynamics f = Dynamics.inTime(m, Paths.byName("ot"), cost);
            Rollout first = Rollout.solveCheckpointed(f, Solvers.byName("rk4"), times, x, k);
            long forward = cost.peakRetainedBytes();
            assertEquals(true, forward > 0);
            first.backward(x);
            long one = cost.peakRetainedBytes();
            first.release();
            // a second solve after the release reuses the same budget: the peak is one tape, not two
            Rollout second = Rollout.solveCheckpointed(f, Solvers.byName("rk4"), times, x, k);
            second.backward(x);
            second.release();
            assertEquals(one, cost.peakRetainedBytes(), "k=" + k);
            // while two are alive they do add up
            Cost both = new Cost();
            Dynamics g = Dynamics.inTime(m, Paths.byName("ot"), both);
            Rollout.solveCheckpointed(g, Solvers.byName("rk4"), times, x, k);
            Rollout.solveCheckpointed(g, Solvers.byName("rk4"), times, x, k);
            assertEquals(2 * forward, both.peakRetainedBytes(), "k=" + k);
        }
    }
}
