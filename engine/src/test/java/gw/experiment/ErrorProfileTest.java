package gw.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.model.GaussianMixture;
import gw.objective.SquaredDistance;
import gw.spec.CellSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorProfileTest {
    static final GaussianMixture GMM = new GaussianMixture(new double[] {0.3, 0.3, 0.4},
            new double[][] {{-2.0, 0.0}, {2.0, 1.0}, {0.0, -2.5}}, new double[] {0.3, 0.5, 0.4});

    @Test
    void matchesWhatTheRunnerMeasuresDuringTheRun() {
        CellSpec spec = CellSpec.defaults(GMM, new SquaredDistance(new double[] {1.5, 0.5})).toBuilder()
                .scheme("lookahead").horizon(2).steps(10).particles(64).scale(0.05).metricParticles(4)
                .idealTolerance(1e-6).trajectoryParticles(4).build();
        CellResult during = CellRunner.run(0, spec, f -> { });
        List<StepRecord> after = ErrorProfile.measure(spec, during.trajectories(), 4, 100);
        assertEquals(10, after.size());
        for (int i = 0; i < 10; i++) {
            assertEquals(during.steps().get(i).relErrorMean(), after.get(i).relErrorMean(), 1e-9);
            assertEquals(during.steps().get(i).cosineMean(), after.get(i).cosineMean(), 1e-9);
        }
    }

    @Test
    void measuringCellsTogetherAgreesWithMeasuringEachAlone() {
        CellSpec base = CellSpec.defaults(GMM, new SquaredDistance(new double[] {1.5, 0.5})).toBuilder()
                .horizon(2).steps(8).particles(32).scale(0.05).idealTolerance(1e-7).trajectoryParticles(4).build();
        CellSpec greedy = base.toBuilder().scheme("greedy").build();
        CellSpec look = base.toBuilder().scheme("lookahead").build();
        CellSpec none = base.toBuilder().scheme("none").build();
        var gs = CellRunner.run(0, greedy, f -> { }).trajectories();
        var ls = CellRunner.run(1, look, f -> { }).trajectories();
        var ns = CellRunner.run(2, none, f -> { }).trajectories();
        int[] at = {0, 3, 7};
        ErrorProfile.Profiles p = ErrorProfile.measureAll(List.of(greedy, look, none), List.of(gs, ls, ns), 4, at);
        assertEquals(List.of(), p.records().get(2), "unguided cells have no gradient to measure");
        List<StepRecord> g1 = ErrorProfile.measure(greedy, gs, 4, 100);
        List<StepRecord> l1 = ErrorProfile.measure(look, ls, 4, 100);
        for (int j = 0; j < at.length; j++) {
            assertEquals(g1.get(at[j]).relErrorMean(), p.records().get(0).get(j).relErrorMean(), 1e-5);
            assertEquals(l1.get(at[j]).cosineMean(), p.records().get(1).get(j).cosineMean(), 1e-6);
        }
    }

    @Test
    void spacesAtMostTheRequestedNumberOfStepsEvenly() {
        assertArrayEquals(new int[] {0, 1, 2}, ErrorProfile.steps(3, 10));
        int[] s = ErrorProfile.steps(50, 5);
        assertArrayEquals(new int[] {0, 12, 25, 37, 49}, s);
        assertTrue(ErrorProfile.steps(200, 25).length <= 25);
    }
}
