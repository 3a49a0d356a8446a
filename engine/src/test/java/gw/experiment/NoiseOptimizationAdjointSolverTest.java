package gw.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import gw.spec.CellSpec;
import org.junit.jupiter.api.Test;

/** Noise optimisation with gradient "adjoint" integrates backwards with the cell's adjointSolver, not always RK4. */
class NoiseOptimizationAdjointSolverTest {

    private static CellSummary run(String adjointSolver) {
        CellSpec s = ExperimentRunTest.base().toBuilder().solver("heun").steps(6).particles(8).metricParticles(0)
                .scheme("noise-optimization").adjointSolver(adjointSolver)
                .noiseOptimization(new CellSpec.NoiseOptimizationSettings("adam", 3, 0.1, 0.0, true)).build();
        return CellRunner.run(0, s, f -> { }).summary();
    }

    @Test
    void theBackwardSolveTakesOneVjpPerStageOfTheAdjointSolver() {
        CellSummary euler = run("euler");
        CellSummary rk4 = run("rk4");
        // per backward step: 1 stage (euler) against 4 (rk4); same forward solve and iterations
        assertEquals(4 * euler.guidanceVjps(), rk4.guidanceVjps());
        assertNotEquals(euler.meanLoss(), rk4.meanLoss(), "a different backward solve, a different gradient");
    }
}
