package gw.guidance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.objective.Objective;
import gw.objective.SquaredDistance;
import gw.path.Paths;
import gw.solver.Backprop;
import gw.solver.Dynamics;
import gw.solver.Grid;
import gw.solver.Solvers;
import gw.tensor.Batch;
import gw.tensor.NonFiniteException;
import gw.tensor.Noise;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** D-Flow style initial-noise optimization: its gradient, its progress, determinism, cancel and NaN handling. */
class NoiseOptimizationTest {
    static final SquaredDistance LOSS = ContinuousAdjointTest.LOSS;

    static Dynamics dynamics() {
        return Dynamics.inTime(ContinuousAdjointTest.GMM, Paths.byName("ot"));
    }

    static NoiseOptimization.Settings settings(String optimizer, int iterations, double lr) {
        return new NoiseOptimization.Settings(Solvers.byName("heun"), Grid.uniform(8), iterations, lr, 0.2,
                optimizer);
    }

    @Test
    void gradientMatchesCentralFiniteDifferences() {
        NoiseOptimization.Settings s = new NoiseOptimization.Settings(Solvers.byName("heun"), Grid.uniform(4), 0,
                0.1, 0.3, "adam");
        Batch x0 = Batch.row(0.4, -0.7);
        for (Backprop b : new Backprop[] {Backprop.full(), Backprop.binomial(2)}) {
            NoiseOptimization opt = new NoiseOptimization(s.withBackprop(b));
            double[] g = opt.evaluate(dynamics(), LOSS, x0).gradient().data();
            double h = 1e-5;
            for (int c = 0; c < 2; c++) {
                Batch plus = x0.copy();
                plus.data()[c] += h;
                Batch minus = x0.copy();
                minus.data()[c] -= h;
                double fd = (opt.evaluate(dynamics(), LOSS, plus).objective()[0]
                        - opt.evaluate(dynamics(), LOSS, minus).objective()[0]) / (2 * h);
                assertEquals(fd, g[c], 1e-7 * Math.max(1, Math.abs(fd)), b.label() + " component " + c);
            }
        }
    }

    @Test
    void adamAndLbfgsLowerTheObjective() {
        Batch x0 = Noise.gaussian(16, 2, 11);
        for (NoiseOptimization.Settings s : new NoiseOptimization.Settings[] {
                settings("adam", 25, 0.1), settings("lbfgs", 8, 0.5), settings("adam", 10, 0.1).withAdjoint()}) {
            NoiseOptimization.Result r = new NoiseOptimization(s).optimize(dynamics(), LOSS, x0);
            double[] h = r.lossHistory();
            String what = s.optimizer() + (s.adjoint() ? " (adjoint)" : "");
            assertEquals(s.iterations() + 1, h.length, what);
            assertTrue(h[h.length - 1] < 0.5 * h[0], what + ": " + h[0] + " -> " + h[h.length - 1]);
            assertTrue(r.dataLossHistory()[h.length - 1] < r.dataLossHistory()[0], what);
            assertTrue(r.nfe() > 0 && r.vjps() > 0 && r.peakRetainedBytes() > 0, what);
            assertEquals(mean(LOSS.loss(r.x1())), r.dataLossHistory()[h.length - 1], 1e-12, what + ": x1 is Phi(x0)");
        }
    }

    @Test
    void lbfgsNeverIncreasesTheObjective() {
        NoiseOptimization.Result r = new NoiseOptimization(settings("lbfgs", 10, 1.0))
                .optimize(dynamics(), LOSS, Noise.gaussian(8, 2, 12));
        double[] h = r.lossHistory();
        for (int i = 1; i < h.length; i++) {
            assertTrue(h[i] <= h[i - 1], "Armijo search: iteration " + i + " " + h[i - 1] + " -> " + h[i]);
        }
    }

    @Test
    void sameSeedSameResult() {
        for (String o : new String[] {"adam", "lbfgs"}) {
            NoiseOptimization opt = new NoiseOptimization(settings(o, 5, 0.2));
            NoiseOptimization.Result a = opt.optimize(dynamics(), LOSS, Noise.gaussian(6, 2, 5));
            NoiseOptimization.Result b = opt.optimize(dynamics(), LOSS, Noise.gaussian(6, 2, 5));
            assertArrayEquals(a.x0().data(), b.x0().data(), o);
            assertArrayEquals(a.x1().data(), b.x1().data(), o);
            assertArrayEquals(a.lossHistory(), b.lossHistory(), o);
            assertEquals(a.nfe(), b.nfe(), o);
        }
    }

    @Test
    void cancelsCooperatively() {
        NoiseOptimization opt = new NoiseOptimization(settings("adam", 5, 0.1));
        Thread.currentThread().interrupt();
        try {
            assertThrows(CancellationException.class, () -> opt.optimize(dynamics(), LOSS, Noise.gaussian(2, 2, 1)));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void reportsNonFiniteValues() {
        Objective broken = new Objective() {
            @Override public String kind() { return "broken"; }
            @Override public int dim() { return 2; }
            @Override public double[] loss(Batch x1) { return LOSS.loss(x1); }
            @Override public Batch gradient(Batch x1) { return x1.scaled(Double.NaN); }
        };
        NoiseOptimization opt = new NoiseOptimization(settings("lbfgs", 3, 0.1));
        assertThrows(NonFiniteException.class, () -> opt.optimize(dynamics(), broken, Noise.gaussian(2, 2, 1)));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
