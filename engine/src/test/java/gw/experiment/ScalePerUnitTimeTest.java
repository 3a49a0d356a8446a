package gw.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.spec.CellSpec;
import gw.spec.ExperimentJson;
import gw.spec.ExperimentSpec;
import org.junit.jupiter.api.Test;

/** The per-unit-time guidance scale: x_{i+1} = Step(x_i) - s h g, so N no longer sets the guidance strength. */
class ScalePerUnitTimeTest {

    private static CellSpec cell(int n, double scale, boolean perUnitTime) {
        return ExperimentRunTest.base().toBuilder().scheme("greedy").solver("heun").steps(n).scale(scale)
                .scalePerUnitTime(perUnitTime).metricParticles(0).particles(2000).build();
    }

    @Test
    void onAUniformGridItIsThePerStepScaleOverN() {
        CellResult perTime = CellRunner.run(0, cell(10, 2.0, true), f -> { });
        CellResult perStep = CellRunner.run(0, cell(10, 0.2, false), f -> { });
        assertArrayEquals(perStep.samples().data(), perTime.samples().data(), 1e-12);
    }

    @Test
    void theLossConvergesInNPerUnitTimeButNotPerStep() {
        double[] perTime = new double[3];
        double[] perStep = new double[3];
        int[] ns = {10, 20, 40};
        for (int k = 0; k < ns.length; k++) {
            perTime[k] = CellRunner.run(0, cell(ns[k], 2.0, true), f -> { }).summary().meanLoss();
            perStep[k] = CellRunner.run(0, cell(ns[k], 0.2, false), f -> { }).summary().meanLoss();
        }
        // per unit time: a Cauchy sequence in N (the guided ODE's discretisation error shrinks)
        assertTrue(Math.abs(perTime[2] - perTime[1]) < 0.6 * Math.abs(perTime[1] - perTime[0]),
                java.util.Arrays.toString(perTime));
        // per step: doubling N doubles the total push, so N mixes strength with resolution: the loss falls 100-fold
        assertTrue(perTime[0] / perTime[2] < 1.5 && perStep[0] / perStep[2] > 100,
                java.util.Arrays.toString(perStep) + " vs " + java.util.Arrays.toString(perTime));
    }

    @Test
    void theSpecFieldReadsAndWritesBack() {
        String json = "{\"model\": {\"kind\": \"gaussian\", \"mean\": [0, 0], \"std\": [1, 1]},"
                + " \"objective\": {\"kind\": \"squared-distance\", \"target\": [1, 1]}, \"scalePer\": \"unit-time\"}";
        ExperimentSpec spec = ExperimentJson.parse(json);
        assertTrue(spec.base().scalePerUnitTime());
        assertTrue(ExperimentJson.parse(ExperimentJson.write(spec)).base().scalePerUnitTime());
        assertEquals(false, ExperimentJson.parse(json.replace("unit-time", "step")).base().scalePerUnitTime());
    }
}
