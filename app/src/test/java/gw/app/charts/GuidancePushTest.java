package gw.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.app.state.Scenarios;
import gw.app.state.Settings;
import gw.experiment.CellRunner;
import gw.tensor.Batch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guidance arrows: no push without guidance, and greedy's push is minus scale times its gradient. */
class GuidancePushTest {
    private final Settings s = Scenarios.all().get(0).defaults().withParticles(32).withSteps(10);

    private List<Batch> states(String scheme) {
        return CellRunner.run(0, s.samplingSpec(scheme), f -> { }).trajectories();
    }

    @Test
    void unguidedSamplingHasNoPush() {
        double[][] push = GuidancePush.at(s, states("none"), 3, 24);
        for (int i = 0; i < 24; i++) {
            assertEquals(0, push[0][i], 1e-12);
            assertEquals(0, push[1][i], 1e-12);
        }
    }

    @Test
    void greedysPushIsMinusScaleTimesItsGradient() {
        List<Batch> x = states("greedy");
        int k = 4;
        double[][] push = GuidancePush.at(s, x, k, 24);
        // the greedy gradient at x_k, from the engine's inspector (one particle at one step)
        for (int i : new int[] {0, 7, 23}) {
            var in = gw.experiment.Inspector.inspect(s.cellSpec("greedy").toBuilder().idealTolerance(1e-3).build(),
                    x.get(k).row(i), k);
            double[] g = in.views().get("greedy").gradient();
            assertEquals(-s.scale() * g[0], push[0][i] * (1.0 / s.steps()), 1e-9, "particle " + i);
            assertEquals(-s.scale() * g[1], push[1][i] * (1.0 / s.steps()), 1e-9);
        }
        assertTrue(Math.abs(push[0][0]) + Math.abs(push[1][0]) > 0);
    }
}
