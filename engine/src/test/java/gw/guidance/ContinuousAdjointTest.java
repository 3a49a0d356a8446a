package gw.guidance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.model.GaussianMixture;
import gw.objective.SquaredDistance;
import gw.path.Paths;
import gw.solver.Backprop;
import gw.solver.ButcherTableau;
import gw.solver.Dynamics;
import gw.solver.Grid;
import gw.solver.Solvers;
import gw.tensor.Batch;
import gw.tensor.Noise;
import org.junit.jupiter.api.Test;

/** The continuous adjoint against discrete end-to-end backpropagation: memory and convergence. */
class ContinuousAdjointTest {
    static final GaussianMixture GMM = new GaussianMixture(
            new double[] {0.3, 0.3, 0.4},
            new double[][] {{-2.0, 0.0}, {2.0, 1.0}, {0.0, -2.5}},
            new double[] {0.3, 0.5, 0.4});
    static final SquaredDistance LOSS = new SquaredDistance(new double[] {1.5, 0.5});

    @Test
    void peakMemoryDoesNotGrowWithSteps() {
        Batch x = Noise.gaussian(32, 2, 1);
        long[] peak = new long[2];
        int[] ns = {10, 200};
        for (int i = 0; i < 2; i++) {
            Dynamics f = Dynamics.inTime(GMM, Paths.byName("ot"));
            GuidanceGradient g = new ContinuousAdjoint(Solvers.byName("rk4"), ButcherTableau.RK4, ns[i])
                    .gradient(f, LOSS, x, 0.0, null);
            peak[i] = g.peakRetainedBytes();
            assertEquals(0, f.cost().retainedBytes(), "released after the backward solve");
        }
        assertTrue(peak[0] > 0);
        assertEquals(peak[0], peak[1]);
        GuidanceGradient full = new EndToEnd(Solvers.byName("rk4"), Grid.uniform(200), Backprop.full())
                .gradient(Dynamics.inTime(GMM, Paths.byName("ot")), LOSS, x, 0.0, null);
        assertTrue(full.peakRetainedBytes() > 50 * peak[1], "backprop through 200 steps keeps 200 records");
    }

    @Test
    void agreesWithDiscreteEndToEndAsStepsGrow() {
        Batch x = Noise.gaussian(16, 2, 2);
        double t = 0.25;
        double previous = Double.POSITIVE_INFINITY;
        for (int n : new int[] {6, 12, 24, 48}) {
            double[] grid = Grid.equalSteps(t, 1.0, n);
            Dynamics f = Dynamics.inTime(GMM, Paths.byName("vp-cosine"));
            Batch adjoint = new ContinuousAdjoint(Solvers.byName("rk4"), ButcherTableau.RK4, n)
                    .gradient(f, LOSS, x, t, null).gradient();
            Batch discrete = new EndToEnd(Solvers.byName("rk4"), grid, Backprop.binomial(3))
                    .gradient(f, LOSS, x, t, null).gradient();
            double diff = relative(adjoint, discrete);
            // both are O(h^4) from the continuous gradient, so their difference falls ~16x per halving
            assertTrue(diff < previous / 8, "N=" + n + ": " + diff + " vs " + previous + " at N/2");
            previous = diff;
        }
        assertTrue(previous < 1e-4, "N=48: " + previous);
    }

    static double relative(Batch a, Batch b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.data().length; i++) {
            double dd = a.data()[i] - b.data()[i];
            num += dd * dd;
            den += b.data()[i] * b.data()[i];
        }
        return Math.sqrt(num / den);
    }
}
