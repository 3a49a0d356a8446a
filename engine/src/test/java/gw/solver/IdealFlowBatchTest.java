package gw.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.model.GaussianMixture;
import gw.model.NetworkPredictor;
import gw.model.TargetPredictor;
import gw.model.TimeOnly;
import gw.path.AffinePath;
import gw.path.Paths;
import gw.tensor.Batch;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The continuous ideal of rows that start at different times, solved as one batch (each row on its own grid, one
 * network pass per stage for all of them, each row refined until its own change is below the tolerance), against
 * each row solved alone: the same endpoint and gradient, and the batch's passes are those of its slowest row.
 */
class IdealFlowBatchTest {
    /** Start times interleaved (rows of one time are not adjacent), t = 0 and one past t_e included. */
    static final double[] T = {0.0, 0.6, 0.9995, 0.2, 0.0, 0.6, 0.9995, 0.2, 0.0, 0.6};
    static final Batch X = Batch.of(new double[][] {{0.3, -1.2}, {-0.8, 0.9}, {1.5, 0.1}, {0.0, 0.0}, {1.1, 0.4},
            {-0.2, -0.6}, {0.7, 0.7}, {-1.3, 0.2}, {0.05, 1.6}, {2.0, -0.4}});
    /** A target per row: the loss's gradient differs by row, which refinement of a subset of rows must keep. */
    static final UnaryOperator<Batch> LOSS = x1 -> {
        Batch g = x1.copy();
        for (int i = 0; i < g.rows(); i++) {
            g.data()[2 * i] -= 1.5 - 0.1 * i;
            g.data()[2 * i + 1] -= 0.5 + 0.05 * i;
        }
        return g;
    };

    /** The loss of row i alone, as a one-row batch sees it. */
    static UnaryOperator<Batch> lossOfRow(int i) {
        return x1 -> {
            Batch g = x1.copy();
            g.data()[0] -= 1.5 - 0.1 * i;
            g.data()[1] -= 0.5 + 0.05 * i;
            return g;
        };
    }

    @Test
    void aFloat64NetworkBatchedEqualsEachRowAlone() {
        NetworkPredictor net = IdealFlowNetworkTest.tiny();
        // 1e-5 makes the rows need different step counts: the batch keeps refining some after others stopped
        assertBatchedEqualsRows(net, net.path(), 1e-5, 1e-12);
    }

    @Test
    void aClosedFormInTheTimeFormBatchedEqualsEachRowAlone() {
        // the t form (TimeOnly) evaluates the rows of a stage with one predict per distinct time
        assertBatchedEqualsRows(TimeOnly.of(IdealFlowTimeFormTest.MIXTURE, 1 << 12), Paths.byName("ot"), 1e-6,
                1e-12);
    }

    @Test
    void aClosedFormInEdmCoordinatesBatchedEqualsEachRowAlone() {
        GaussianMixture m = IdealFlowTimeFormTest.MIXTURE;
        assertBatchedEqualsRows(m, Paths.byName("vp-cosine"), 1e-8, 1e-12);
    }

    private static void assertBatchedEqualsRows(TargetPredictor model, AffinePath path, double tol, double within) {
        IdealFlow batched = new IdealFlow(model, path, tol);
        IdealFlow.Result all = batched.solve(X, T, LOSS);
        int fewest = Integer.MAX_VALUE;
        int most = 0;
        long slowestNfe = 0;
        for (int i = 0; i < X.rows(); i++) {
            IdealFlow alone = new IdealFlow(model, path, tol);
            IdealFlow.Result one = alone.solve(Batch.row(X.row(i)), T[i], lossOfRow(i));
            fewest = Math.min(fewest, one.steps());
            most = Math.max(most, one.steps());
            slowestNfe = Math.max(slowestNfe, alone.cost().nfe());
            assertClose(one.endpoint().row(0), all.endpoint().row(i), within, "endpoint of row " + i);
            assertClose(one.gradient().row(0), all.gradient().row(i), within, "gradient of row " + i);
        }
        assertTrue(fewest < most, "the rows converge at different step counts: " + fewest + " and " + most);
        assertEquals(most, all.steps(), "the batch reports its slowest row");
        if (!model.acceptsAnyPathPoint()) {
            // one model evaluation per stage for all rows: the batch costs what its slowest row does alone
            assertEquals(slowestNfe, batched.cost().nfe());
        }
    }

    private static void assertClose(double[] expected, double[] actual, double rel, String what) {
        double scale = Math.hypot(expected[0], expected[1]);
        double diff = Math.hypot(expected[0] - actual[0], expected[1] - actual[1]);
        assertTrue(diff <= rel * scale, what + ": " + java.util.Arrays.toString(actual) + " vs alone "
                + java.util.Arrays.toString(expected) + " (relative " + diff / scale + ")");
    }
}
