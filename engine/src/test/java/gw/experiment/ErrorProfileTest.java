package gw.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.model.GaussianMixture;
import gw.objective.SquaredDistance;
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
    void spacesAtMostTheRequestedNumberOfStepsEvenly() {
        assertArrayEquals(new int[] {0, 1, 2}, ErrorProfile.steps(3, 10));
        int[] s = ErrorProfile.steps(50, 5);
        assertArrayEquals(new int[] {0, 12, 25, 37, 49}, s);
        assertTrue(ErrorProfile.steps(200, 25).length <= 25);
    }
}
