package gw.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gw.Numerics;
import gw.model.DiagonalGaussian;
import gw.model.Prediction;
import gw.model.TargetPredictor;
import gw.path.AffinePath;
import gw.path.Paths;
import gw.tensor.Batch;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each solver step's VJP (StepTape.vjp) against central finite differences of its forward map. */
class StepVjpTest {
    /** Steps from noise, in the middle, onto the data end, and one large step across almost everything. */
    private static final double[][] STEPS = {{0.0, 0.25}, {0.3, 0.55}, {0.8, 1.0}, {0.05, 1.0}};

    private static List<TargetPredictor> models() {
        Random rng = new Random(31);
        return List.of(Numerics.randomMixture(rng, 4, 2), Numerics.randomMixture(rng, 4, 5),
                new DiagonalGaussian(new double[] {1, -0.5}, new double[] {0.5, 2}));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("gw.SolverPathCases#all")
    void stepVjpMatchesFiniteDifferences(String solverName, String pathName) {
        Step step = Solvers.byName(solverName);
        AffinePath path = Paths.byName(pathName);
        Random rng = new Random(solverName.hashCode() * 31L + pathName.hashCode());
        for (TargetPredictor m : models()) {
            Dynamics f = Dynamics.inTime(m, path);
            for (double[] st : STEPS) {
                Batch x = Numerics.gaussianBatch(rng, 3, m.dim(), 1.5);
                Batch v = Numerics.gaussianBatch(rng, 3, m.dim(), 1.0);
                StepTape tape = step.forward(f, x, st[0], st[1], null);
                Batch fd = Numerics.vjpByDifferences(y -> step.forward(f, y, st[0], st[1], null).output(), x, v, 1e-4);
                Numerics.assertClose(fd, tape.vjp(v), 1e-7,
                        solverName + " " + pathName + " " + m.kind() + " D=" + m.dim() + " " + st[0] + "->" + st[1]);
            }
        }
    }

    /** Passing the model already evaluated at (x, t0) must not change the step or its VJP, only save an NFE. */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("gw.SolverPathCases#all")
    void sharedFirstPredictionChangesNothing(String solverName, String pathName) {
        Step step = Solvers.byName(solverName);
        TargetPredictor m = models().get(1);
        Random rng = new Random(3);
        Batch x = Numerics.gaussianBatch(rng, 3, m.dim(), 1.5);
        Batch v = Numerics.gaussianBatch(rng, 3, m.dim(), 1.0);
        Dynamics f = Dynamics.inTime(m, Paths.byName(pathName));
        StepTape plain = step.forward(f, x, 0.2, 0.45, null);
        Prediction first = f.predict(x, 0.2);
        StepTape shared = step.forward(f, x, 0.2, 0.45, first);
        assertArrayEquals(plain.output().data(), shared.output().data());
        assertArrayEquals(plain.vjp(v).data(), shared.vjp(v).data());
    }

    /** MATH section 1: "At t = 1 this step is exactly xhat1(x_s, s)" (bit for bit, since sigma_1 = 0 exactly). */
    @Test
    void ddimStepOntoTheDataEndIsExactlyTheTargetPrediction() {
        Step ddim = Solvers.byName("ddim");
        for (TargetPredictor m : models()) {
            Batch x = Numerics.gaussianBatch(new Random(4), 3, m.dim(), 1.5);
            for (String name : Paths.NAMES) {
                Dynamics f = Dynamics.inTime(m, Paths.byName(name));
                for (double t0 : new double[] {0.0, 0.3, 0.9}) {
                    Batch xhat1 = f.predict(x, t0).xhat1();
                    assertArrayEquals(xhat1.data(), ddim.forward(f, x, t0, 1.0, null).output().data(),
                            name + " DDIM " + t0 + "->1");
                }
            }
        }
    }

    /**
     * On ot the DDIM step equals the Euler step: with xhat0 = (x - t0 xhat1)/(1 - t0) the Euler step
     * x + h (xhat1 - xhat0) is x (1 - t1)/(1 - t0) + xhat1 (t1 - t0)/(1 - t0), the DDIM step. Not so on VP paths.
     */
    @Test
    void ddimIsEulerOnOt() {
        TargetPredictor m = models().get(0);
        Batch x = Numerics.gaussianBatch(new Random(5), 3, m.dim(), 1.5);
        Batch v = Numerics.gaussianBatch(new Random(6), 3, m.dim(), 1.0);
        Dynamics f = Dynamics.inTime(m, Paths.byName("ot"));
        for (double[] st : STEPS) {
            StepTape ddim = Solvers.byName("ddim").forward(f, x, st[0], st[1], null);
            StepTape euler = Solvers.byName("euler").forward(f, x, st[0], st[1], null);
            Numerics.assertClose(euler.output(), ddim.output(), 1e-13, "output " + st[0] + "->" + st[1]);
            Numerics.assertClose(euler.vjp(v), ddim.vjp(v), 1e-13, "vjp " + st[0] + "->" + st[1]);
        }
        Dynamics vp = Dynamics.inTime(m, Paths.byName("vp-cosine"));
        double gap = Numerics.maxAbsDiff(Solvers.byName("ddim").forward(vp, x, 0.3, 0.55, null).output(),
                Solvers.byName("euler").forward(vp, x, 0.3, 0.55, null).output());
        assertEquals(true, gap > 1e-3, "DDIM and Euler differ on vp-cosine, gap " + gap);
    }

    @Test
    void registryHasTheFiveSolversWithTheirOrdersAndStages() {
        int[] order = {1, 1, 2, 2, 4};
        int[] stages = {1, 1, 2, 2, 4};
        for (int i = 0; i < Solvers.NAMES.size(); i++) {
            Step s = Solvers.byName(Solvers.NAMES.get(i));
            assertEquals(Solvers.NAMES.get(i), s.name());
            assertEquals(order[i], s.order(), s.name());
            assertEquals(stages[i], s.evaluationsPerStep(), s.name());
        }
        assertThrows(IllegalArgumentException.class, () -> Solvers.byName("rk45"));
    }
}
