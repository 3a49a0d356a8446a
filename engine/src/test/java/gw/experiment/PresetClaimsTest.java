package gw.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.spec.ExperimentJson;
import gw.spec.ExperimentSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Every shipped preset (assets/presets) run as shipped: its results show what its description says. The numbers
 * quoted in the descriptions are checked here too, so a change that moves them fails until the text follows.
 */
class PresetClaimsTest {

    private static List<CellResult> run(String preset) throws Exception {
        ExperimentSpec spec = ExperimentJson.read(Path.of("..", "assets", "presets", preset + ".json"));
        List<CellResult> cells = Experiment.run(spec, new RunListener() { });
        for (CellResult c : cells) {
            assertTrue(c.complete(), preset + " cell " + c.index() + ": " + c.error());
        }
        return cells;
    }

    private static double[] each(List<CellResult> cells, ToDoubleFunction<CellSummary> f) {
        return cells.stream().mapToDouble(c -> f.applyAsDouble(c.summary())).toArray();
    }

    /** The mean over guided steps of the per-step median relative error (rel_error_median in steps.csv). */
    private static double meanOfMedians(CellResult c) {
        return c.steps().stream().mapToDouble(StepRecord::relErrorMedian).filter(d -> !Double.isNaN(d)).average()
                .orElseThrow();
    }

    private static void assertDecreasing(double[] v, String what) {
        for (int i = 1; i < v.length; i++) {
            assertTrue(v[i] < v[i - 1], what + " at " + i + ": " + java.util.Arrays.toString(v));
        }
    }

    private static void assertNear(double expected, double actual, double relative, String what) {
        assertEquals(expected, actual, relative * Math.abs(expected), what);
    }

    @Test
    void coarseEndToEndIsWorseThanGreedyOnAverageButBetterInTheMedianAndHeunIsFine() throws Exception {
        // cells: solver euler, heun x scheme greedy, end-to-end (scheme fastest)
        List<CellResult> c = run("coarse-end-to-end");
        CellSummary greedyEuler = c.get(0).summary();
        CellSummary e2eEuler = c.get(1).summary();
        CellSummary greedyHeun = c.get(2).summary();
        CellSummary e2eHeun = c.get(3).summary();
        assertEquals("end-to-end", c.get(1).spec().scheme());
        assertEquals("heun", c.get(3).spec().solver());
        assertTrue(e2eEuler.meanRelativeError() > 10 * greedyEuler.meanRelativeError(), "far worse on average");
        assertNear(27, e2eEuler.meanRelativeError(), 0.05, "quoted 27");
        assertNear(2.2, greedyEuler.meanRelativeError(), 0.05, "quoted 2.2");
        assertTrue(meanOfMedians(c.get(1)) < meanOfMedians(c.get(0)) / 2, "better in the median");
        assertNear(0.45, meanOfMedians(c.get(1)), 0.05, "quoted 0.45");
        assertNear(1.5, meanOfMedians(c.get(0)), 0.05, "quoted 1.5");
        assertTrue(e2eHeun.meanRelativeError() < greedyHeun.meanRelativeError() / 5, "Heun fine on average");
        assertTrue(meanOfMedians(c.get(3)) < meanOfMedians(c.get(2)) / 5, "and in the median");
        assertNear(0.21, e2eHeun.meanRelativeError(), 0.05, "quoted 0.21");
        // the thrown-off particle: it rules the mean loss, not the median
        assertTrue(e2eHeun.outside() >= 1);
        assertTrue(e2eHeun.meanLoss() > 2 * e2eHeun.medianLoss(), "mean ruled by the outlier");
        double[] thrown = c.get(3).samples().row(indexOfMaxLoss(c.get(3)));
        assertNear(103, thrown[0], 0.02, "quoted (103, 30)");
        assertNear(30, thrown[1], 0.02, "quoted (103, 30)");
        for (CellResult r : c) {
            assertNear(e2eHeun.medianLoss(), r.summary().medianLoss(), 0.1, "medians agree");
        }
    }

    @Test
    void horizonBuysAccuracyForModelCalls() throws Exception {
        List<CellResult> c = run("horizon-buys-accuracy");
        double[] err = each(c, CellSummary::meanRelativeError);
        assertDecreasing(err, "rel.err falls with H");
        assertNear(0.72, err[0], 0.02, "quoted 0.72");
        assertNear(0.017, err[err.length - 1], 0.05, "quoted 0.017");
        double factor = err[0] / err[err.length - 1];
        assertNear(41, factor, 0.03, "quoted factor 41");
        assertTrue(factor > 16 && factor < 256, "faster than 1/H, slower than 1/H^2");
        for (int i = 0; i < c.size(); i++) {
            int h = c.get(i).spec().horizon();
            int n = c.get(i).spec().steps();
            assertEquals((2L * h + 1) * n, c.get(i).summary().totalNfe(), "2H + 1 model calls per grid step");
        }
        double[] median = each(c, CellSummary::medianLoss);
        for (double m : median) {
            assertTrue(m > 0.05 && m < 0.15, "median loss hardly moves: " + m);
        }
        assertTrue(c.get(c.size() - 1).summary().outside() > c.get(0).summary().outside(), "thrown off at large H");
    }

    @Test
    void guidancePushesSamplesOffTheData() throws Exception {
        List<CellResult> c = run("guidance-pushes-off-data");
        assertDecreasing(each(c, CellSummary::meanLoss), "mean loss falls with the scale");
        assertDecreasing(each(c, CellSummary::medianLoss), "median loss falls with the scale");
        assertDecreasing(each(c, CellSummary::meanLogLikelihood), "log-likelihood falls with the scale");
        for (CellResult r : c) {
            assertTrue(Double.isNaN(r.summary().meanRelativeError()), "not measured");
        }
    }

    @Test
    void adjointKeepsMemoryFlatForTwiceTheModelCalls() throws Exception {
        // cells: scheme end-to-end, adjoint x steps 10, 20, 40, 80
        List<CellResult> c = run("adjoint-vs-backprop-memory");
        int k = c.size() / 2;
        for (int i = 0; i < k; i++) {
            CellSummary e2e = c.get(i).summary();
            CellSummary adj = c.get(k + i).summary();
            assertEquals(c.get(i).spec().steps(), c.get(k + i).spec().steps());
            if (i > 0) {
                assertTrue(e2e.peakRetainedBytes() > 1.9 * c.get(i - 1).summary().peakRetainedBytes(), "grows with N");
            }
            assertEquals(c.get(k).summary().peakRetainedBytes(), adj.peakRetainedBytes(), "adjoint memory is flat");
            assertTrue(adj.peakRetainedBytes() < e2e.peakRetainedBytes());
            double calls = (double) adj.totalNfe() / e2e.totalNfe();
            assertTrue(calls > 1.85 && calls < 2.05, "about twice the model calls: " + calls);
            assertTrue(e2e.meanRelativeError() < 0.06 && adj.meanRelativeError() < 0.06, "within 6 % of the ideal");
            assertNear(e2e.medianLoss(), adj.medianLoss(), 0.1, "median losses agree at N=" + c.get(i).spec().steps());
        }
        assertTrue(c.get(k - 1).summary().meanRelativeError() < c.get(0).summary().meanRelativeError(), "closer");
        CellResult adj40 = c.get(k + 2);
        assertEquals(40, adj40.spec().steps());
        double[] thrown = adj40.samples().row(indexOfMaxLoss(adj40));
        assertNear(40, thrown[0], 0.03, "quoted (40, 62)");
        assertNear(62, thrown[1], 0.03, "quoted (40, 62)");
        assertTrue(adj40.summary().meanLoss() > 5 * c.get(2).summary().meanLoss(), "it rules the mean loss");
    }

    @Test
    void greedyUndershootsEarlyAndLookaheadIsAlmostExact() throws Exception {
        List<CellResult> c = run("greedy-undershoots-early");
        List<StepRecord> greedy = c.get(0).steps();
        List<StepRecord> look = c.get(1).steps();
        assertEquals(1.0, greedy.get(0).relErrorMean(), 1e-9, "greedy's gradient is zero at t = 0");
        assertTrue(Double.isNaN(greedy.get(0).cosineMean()), "so it has no cosine");
        int half = greedy.size() / 2;
        for (int i = 0; i < half; i++) {
            assertTrue(greedy.get(i).relErrorMean() > 0.8, "near 1 until t = 0.5");
        }
        for (int i = half + 1; i < greedy.size(); i++) {
            assertTrue(greedy.get(i).relErrorMean() < greedy.get(i - 1).relErrorMean(), "then falls towards t = 1");
        }
        assertNear(0.024, greedy.get(greedy.size() - 1).relErrorMean(), 0.05, "quoted 0.024");
        for (int i = 0; i < look.size(); i++) {
            assertTrue(look.get(i).relErrorMean() < 1e-3, "lookahead almost exact at step " + i);
            assertEquals(15, look.get(i).nfe(), "15 model calls beyond the shared one");
            assertEquals(0, greedy.get(i).nfe(), "greedy needs none");
        }
    }

    private static int indexOfMaxLoss(CellResult r) {
        int best = 0;
        for (int i = 1; i < r.loss().length; i++) {
            best = r.loss()[i] > r.loss()[best] ? i : best;
        }
        return best;
    }

    @Test
    void learnedMoonsGuidesTheNetworkAndAHorizonSpendsMoreCalls() throws Exception {
        // cells: greedy, lookahead (H = 4 Heun), end-to-end on the shipped moons MLP
        List<CellResult> c = run("learned-moons-horizon");
        assertEquals(List.of("greedy", "lookahead", "end-to-end"), c.stream().map(r -> r.spec().scheme()).toList());
        for (CellResult r : c) {
            assertNull(r.logLikelihood(), "no closed-form density, so no log-likelihood");
        }
        double[] nfe = each(c, s -> s.samplingNfe() + s.guidanceNfe());
        assertTrue(nfe[0] < nfe[1] && nfe[1] < nfe[2], "model calls rise greedy < H = 4 < end-to-end: "
                + java.util.Arrays.toString(nfe));
        double[] median = each(c, CellSummary::medianLoss);
        assertTrue(median[0] < median[1] && median[0] < median[2],
                "greedy ends closest to the target: " + java.util.Arrays.toString(median));
        // the description quotes the share of samples farther than 0.3 from every training point: 6 %, under 1 %, none
        gw.tensor.Batch data = gw.data.Procedural.byName("moons").sample(20000, 1);
        double[] off = {offData(c.get(0).samples(), data), offData(c.get(1).samples(), data),
                offData(c.get(2).samples(), data)};
        assertEquals(0.06, off[0], 0.01, "greedy off the moons");
        assertTrue(off[1] < 0.01, "lookahead off the moons: " + off[1]);
        assertEquals(0.0, off[2], 0.0, "end-to-end off the moons");
        assertTrue(off[0] > 2 * off[1] && off[0] > 2 * off[2], "greedy leaves the data most: "
                + java.util.Arrays.toString(off));
    }

    /** Share of samples farther than 0.3 from every data point. */
    private static double offData(gw.tensor.Batch samples, gw.tensor.Batch data) {
        double[] s = samples.data();
        double[] d = data.data();
        int far = 0;
        for (int i = 0; i < samples.rows(); i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < data.rows(); j++) {
                double dx = s[2 * i] - d[2 * j];
                double dy = s[2 * i + 1] - d[2 * j + 1];
                best = Math.min(best, dx * dx + dy * dy);
            }
            far += best > 0.09 ? 1 : 0;
        }
        return far / (double) samples.rows();
    }
}
