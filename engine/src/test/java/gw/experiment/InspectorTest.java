package gw.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.model.GaussianMixture;
import gw.objective.SquaredDistance;
import gw.path.Paths;
import gw.spec.CellSpec;
import gw.tensor.Batch;
import org.junit.jupiter.api.Test;

class InspectorTest {
    static final GaussianMixture GMM = new GaussianMixture(new double[] {0.3, 0.3, 0.4},
            new double[][] {{-2.0, 0.0}, {2.0, 1.0}, {0.0, -2.5}}, new double[] {0.3, 0.5, 0.4});
    static final CellSpec SPEC = CellSpec.defaults(GMM, new SquaredDistance(new double[] {1.5, 0.5})).toBuilder()
            .lookaheadSolver("ddim").horizon(1).steps(10).idealTolerance(1e-7).build();

    @Test
    void greedyQueriesTheLossAtTheOneStepPredictionAndDdimHorizonOneIsGreedy() {
        double[] x = {0.3, -0.4};
        Inspector.Inspection in = Inspector.inspect(SPEC, x, 4);
        assertEquals(0.4, in.t(), 1e-12);
        double[] xhat1 = GMM.predict(Batch.row(x), Paths.byName("ot").at(0.4)).xhat1().row(0);
        assertArrayEquals(xhat1, in.views().get("greedy").endpoint(), 1e-12);
        assertArrayEquals(in.views().get("greedy").gradient(), in.views().get("lookahead").gradient(), 1e-10);
        assertEquals(0.0, in.ideal().relativeError(), 1e-15);
        assertEquals(1.0, in.ideal().cosine(), 1e-12);
    }

    @Test
    void endToEndIsCloserToTheIdealThanGreedyLateInTheSolve() {
        CellSpec fine = SPEC.toBuilder().solver("rk4").steps(40).build();
        Inspector.Inspection in = Inspector.inspect(fine, new double[] {1.0, 0.2}, 30);
        assertTrue(in.views().get("end-to-end").relativeError() < in.views().get("greedy").relativeError());
        assertTrue(in.views().get("end-to-end").relativeError() < 1e-3);
    }

    @Test
    void rejectsAStepOutsideTheGrid() {
        assertThrows(IllegalArgumentException.class, () -> Inspector.inspect(SPEC, new double[] {0, 0}, 10));
    }
}
