package gw.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gw.experiment.ExperimentRunTest;
import gw.model.GaussianMixture;
import gw.objective.SquaredDistance;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The experiment spec: a full spec reads into the expected cells, absent fields take the documented defaults,
 * write-then-parse gives the same experiment, and every validation rule of the fields the probe spec does not have
 * throws a {@link SpecException} naming the JSON path and saying what is allowed.
 */
public class ExperimentJsonTest {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final double SENTINEL = 777.125;

    /** A spec that sets every field to a non-default value, with a three-axis sweep. */
    static ObjectNode fullSpec() {
        ObjectNode s = minimalSpec();
        s.put("name", "full");
        s.put("description", "every field set");
        s.put("path", "vp-cosine");
        s.put("solver", "heun");
        s.put("steps", 30);
        s.put("scheme", "lookahead");
        s.put("horizon", 3);
        s.put("lookaheadSolver", "midpoint");
        s.put("scale", 0.25);
        s.put("dpsNormalize", true);
        s.putArray("window").add(0.1).add(0.9);
        s.put("particles", 64);
        s.put("seed", 7);
        s.putObject("metrics").put("particles", 4).put("idealTolerance", 1e-5);
        s.put("adjointSolver", "heun");
        s.putObject("checkpoint").put("mode", "binomial").put("param", 3);
        s.put("trajectories", 2);
        s.putObject("noiseOptimization").put("optimizer", "lbfgs").put("iterations", 10).put("learningRate", 0.1)
                .put("priorWeight", 0.5);
        ObjectNode sweep = s.putObject("sweep");
        sweep.putArray("scheme").add("greedy").add("lookahead");
        sweep.putArray("steps").add(10).add(20);
        sweep.putArray("scale").add(0.0).add(0.5);
        return s;
    }

    /** Only the two required fields: the mixture of ExperimentRunTest and a squared distance. */
    public static ObjectNode minimalSpec() {
        ObjectNode s = JSON.createObjectNode();
        ObjectNode m = s.putObject("model");
        m.put("kind", "gmm");
        m.putArray("weights").add(0.3).add(0.3).add(0.4);
        ArrayNode means = m.putArray("means");
        means.addArray().add(-2.0).add(0.0);
        means.addArray().add(2.0).add(1.0);
        means.addArray().add(0.0).add(-2.5);
        m.putArray("stds").add(0.3).add(0.5).add(0.4);
        s.putObject("objective").put("kind", "squared-distance").putArray("target").add(1.5).add(0.5);
        return s;
    }

    static ExperimentSpec parse(JsonNode spec) {
        return ExperimentJson.parse(spec.toString());
    }

    @Test
    void aFullSpecReadsIntoItsCellsAndSweep() {
        ExperimentSpec spec = parse(fullSpec());
        assertEquals("full", spec.name());
        assertEquals("every field set", spec.description());
        CellSpec c = spec.base();
        GaussianMixture model = (GaussianMixture) c.model();
        assertEquals(2, model.dim());
        assertEquals(3, model.components());
        assertEquals(List.of(1.5, 0.5), List.of(((SquaredDistance) c.objective()).target()[0],
                ((SquaredDistance) c.objective()).target()[1]));
        assertEquals("vp-cosine", c.path());
        assertEquals("heun", c.solver());
        assertEquals(30, c.steps());
        assertEquals("lookahead", c.scheme());
        assertEquals(3, c.horizon());
        assertEquals("midpoint", c.lookaheadSolver());
        assertEquals(0.25, c.scale());
        assertTrue(c.dpsNormalize());
        assertEquals(0.1, c.tStart());
        assertEquals(0.9, c.tEnd());
        assertEquals(64, c.particles());
        assertEquals(7L, c.seed());
        assertEquals(4, c.metricParticles());
        assertEquals(1e-5, c.idealTolerance());
        assertEquals("heun", c.adjointSolver());
        assertEquals("binomial", c.checkpoint());
        assertEquals(3, c.checkpointParam());
        assertEquals(2, c.trajectoryParticles());
        assertEquals(new CellSpec.NoiseOptimizationSettings("lbfgs", 10, 0.1, 0.5), c.noiseOptimization());

        assertEquals(List.of("scheme", "steps", "scale"), List.copyOf(spec.sweep().keySet()), "axes in spec order");
        assertEquals(List.of("greedy", "lookahead"), spec.sweep().get("scheme"));
        assertEquals(List.of(10, 20), spec.sweep().get("steps"));
        assertEquals(List.of(0.0, 0.5), spec.sweep().get("scale"));

        List<CellSpec> cells = spec.cells();
        assertEquals(8, cells.size());
        int i = 0;
        for (String scheme : List.of("greedy", "lookahead")) {
            for (int steps : new int[] {10, 20}) {
                for (double scale : new double[] {0.0, 0.5}) {
                    CellSpec cell = cells.get(i);
                    assertEquals(c.toBuilder().scheme(scheme).steps(steps).scale(scale).build(), cell, "cell " + i);
                    assertEquals(Map.of("scheme", scheme, "steps", steps, "scale", scale), spec.sweptValues(i));
                    i++;
                }
            }
        }
        assertEquals(fullSpec(), readTree(spec.source()), "the source echoes the spec as given");
    }

    @Test
    void absentFieldsTakeTheDocumentedDefaults() {
        ExperimentSpec spec = parse(minimalSpec());
        CellSpec c = spec.base();
        assertEquals(CellSpec.defaults(c.model(), c.objective()), c);
        assertEquals("ot", c.path());
        assertEquals("euler", c.solver());
        assertEquals(20, c.steps());
        assertEquals("greedy", c.scheme());
        assertEquals(1, c.horizon());
        assertEquals("euler", c.lookaheadSolver());
        assertEquals(0.5, c.scale());
        assertFalse(c.dpsNormalize());
        assertEquals(0.0, c.tStart());
        assertEquals(1.0, c.tEnd());
        assertEquals(512, c.particles());
        assertEquals(0L, c.seed());
        assertEquals(16, c.metricParticles());
        assertEquals(1e-6, c.idealTolerance());
        assertEquals("rk4", c.adjointSolver());
        assertEquals("none", c.checkpoint());
        assertEquals(0, c.checkpointParam());
        assertEquals(0, c.trajectoryParticles());
        assertEquals(new CellSpec.NoiseOptimizationSettings("adam", 50, 0.05, 1.0), c.noiseOptimization());
        assertEquals("", spec.name());
        assertEquals("", spec.description());
        assertTrue(spec.sweep().isEmpty());
        assertEquals(List.of(c), spec.cells());
    }

    @Test
    void absentMembersOfObjectsTakeTheirDefaults() {
        ObjectNode s = minimalSpec();
        s.putObject("metrics").put("idealTolerance", 1e-4);
        s.putObject("checkpoint").put("mode", "segments");
        s.putObject("noiseOptimization").put("iterations", 7);
        CellSpec c = parse(s).base();
        assertEquals(16, c.metricParticles());
        assertEquals(1e-4, c.idealTolerance());
        assertEquals("segments", c.checkpoint());
        assertEquals(0, c.checkpointParam());
        assertEquals(new CellSpec.NoiseOptimizationSettings("adam", 7, 0.05, 1.0), c.noiseOptimization());
    }

    @Test
    void metricsWithoutParticlesKeepsTheDefaultEvenAboveASmallParticleCount() {
        // the runner measures min(metrics.particles, particles); an unset metrics.particles is not an error
        ObjectNode s = minimalSpec().put("particles", 8);
        s.putObject("metrics").put("idealTolerance", 1e-5);
        assertEquals(8, parse(s).base().particles());
        assertEquals(8, parse(minimalSpec().put("particles", 8)).base().particles());
    }

    static Stream<ObjectNode> roundTripSpecs() {
        ObjectNode gaussian = minimalSpec();
        ObjectNode g = gaussian.putObject("model").put("kind", "gaussian");
        g.putArray("mean").add(0.5).add(-1.0).add(2.0);
        g.putArray("std").add(1.0).add(0.25).add(3.0);
        ObjectNode m = gaussian.putObject("objective").put("kind", "measurement");
        m.putArray("operator").addArray().add(1.0).add(0.0).add(-1.0);
        m.putArray("y").add(0.75);
        m.put("noiseStd", 0.1);
        gaussian.put("seed", Long.MAX_VALUE - 1);
        ObjectNode everyAxis = minimalSpec();
        ObjectNode sweep = everyAxis.putObject("sweep");
        sweep.putArray("scheme").add("none").add("adjoint");
        sweep.putArray("path").add("vp-linear");
        sweep.putArray("solver").add("rk4").add("ddim");
        sweep.putArray("lookaheadSolver").add("heun");
        sweep.putArray("steps").add(5);
        sweep.putArray("horizon").add(1).add(4);
        sweep.putArray("scale").add(1).add(1e-300).add(1e6);
        sweep.putArray("seed").add(0).add(12345678901L);
        return Stream.of(fullSpec(), minimalSpec(), gaussian, everyAxis);
    }

    @ParameterizedTest
    @MethodSource("roundTripSpecs")
    void writeThenParseGivesTheSameExperiment(ObjectNode source) {
        ExperimentSpec spec = parse(source);
        String written = ExperimentJson.write(spec);
        ExperimentSpec back = ExperimentJson.parse(written);
        assertEquals(spec.name(), back.name());
        assertEquals(spec.description(), back.description());
        assertEquals(spec.sweep(), back.sweep());
        List<CellSpec> a = spec.cells();
        List<CellSpec> b = back.cells();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(withoutModel(a.get(i)), withoutModel(b.get(i)), "cell " + i);
            assertEquals(JSON.valueToTree(SpecJsonValues.model(a.get(i).model())),
                    JSON.valueToTree(SpecJsonValues.model(b.get(i).model())), "model of cell " + i);
            assertEquals(JSON.valueToTree(SpecJsonValues.objective(a.get(i).objective())),
                    JSON.valueToTree(SpecJsonValues.objective(b.get(i).objective())), "objective of cell " + i);
            assertEquals(spec.sweptValues(i), back.sweptValues(i));
        }
        assertEquals(written, ExperimentJson.write(back), "writing is a fixed point");
        assertEquals(readTree(written), readTree(back.source()));
    }

    @Test
    void writingACodeBuiltSpecReadsBack() {
        ExperimentSpec spec = new ExperimentSpec("code", "", ExperimentRunTest.base().toBuilder().steps(12)
                .seed(3).build(), Map.of("horizon", List.of(1, 2)), null);
        ExperimentSpec back = ExperimentJson.parse(ExperimentJson.write(spec));
        assertEquals(withoutModel(spec.base()), withoutModel(back.base()));
        assertEquals(spec.sweep(), back.sweep());
    }

    private static CellSpec withoutModel(CellSpec c) {
        return c.toBuilder().model(null).objective(null).build();
    }

    private static JsonNode readTree(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    // ---- validation ----------------------------------------------------------------------------------------

    /** Builds the spec text from the minimal valid spec. */
    interface SpecText {
        String of(ObjectNode valid) throws IOException;
    }

    static SpecText edit(Consumer<ObjectNode> change) {
        return s -> {
            change.accept(s);
            return JSON.writeValueAsString(s);
        };
    }

    /** Puts SENTINEL somewhere with {@code place}, then spells it as a raw token such as NaN or 1e400. */
    static SpecText token(Consumer<ObjectNode> place, String token) {
        return s -> {
            place.accept(s);
            String text = JSON.writeValueAsString(s);
            assertTrue(text.contains(String.valueOf(SENTINEL)));
            return text.replace(String.valueOf(SENTINEL), token);
        };
    }

    static Arguments rule(String name, String field, String says, SpecText text) {
        return Arguments.of(name, field, says, text);
    }

    static ObjectNode sweep(ObjectNode s) {
        return s.has("sweep") ? (ObjectNode) s.get("sweep") : s.putObject("sweep");
    }

    static ArrayNode range(int from, int to) {
        ArrayNode a = JSON.createArrayNode();
        for (int i = from; i <= to; i++) {
            a.add(i);
        }
        return a;
    }

    static final String SOLVERS = "allowed: ddim, euler, midpoint, heun, rk4";
    static final String SCALE = "must be in [0.0, 1000000.0]";

    static Stream<Arguments> rules() {
        return Stream.of(
                // names
                rule("unknown path", "path", "unknown value \"vp\"; allowed: ot, vp-cosine, vp-linear",
                        edit(s -> s.put("path", "vp"))),
                rule("path is a number", "path", "must be a string, got 3", edit(s -> s.put("path", 3))),
                rule("unknown solver", "solver", SOLVERS, edit(s -> s.put("solver", "rk45"))),
                rule("solver is null", "solver", "must be a string, got null", edit(s -> s.putNull("solver"))),
                rule("unknown lookahead solver", "lookaheadSolver", SOLVERS,
                        edit(s -> s.put("lookaheadSolver", "dopri5"))),
                rule("ddim is no adjoint solver", "adjointSolver", "allowed: euler, midpoint, heun, rk4",
                        edit(s -> s.put("adjointSolver", "ddim"))),
                rule("unknown adjoint solver", "adjointSolver", "allowed: euler, midpoint, heun, rk4",
                        edit(s -> s.put("adjointSolver", "RK4"))),
                rule("unknown scheme", "scheme",
                        "allowed: none, greedy, lookahead, end-to-end, adjoint, noise-optimization",
                        edit(s -> s.put("scheme", "dps"))),
                rule("scheme is an array", "scheme", "must be a string, got an array",
                        edit(s -> s.putArray("scheme").add("greedy"))),
                // integers
                rule("steps below 1", "steps", "must be an integer from 1 to 10000, got 0",
                        edit(s -> s.put("steps", 0))),
                rule("steps above the limit", "steps", "from 1 to 10000", edit(s -> s.put("steps", 10_001))),
                rule("steps beyond any integer type", "steps", "from 1 to 10000",
                        edit(s -> s.put("steps", new BigInteger("1000000000000000000000")))),
                rule("steps fractional", "steps", "must be an integer, got 2.5", edit(s -> s.put("steps", 2.5))),
                rule("steps a string", "steps", "must be an integer, got a string", edit(s -> s.put("steps", "20"))),
                rule("steps NaN", "steps", "must be an integer, got NaN", token(s -> s.put("steps", SENTINEL), "NaN")),
                rule("horizon below 1", "horizon", "from 1 to 100000", edit(s -> s.put("horizon", 0))),
                rule("horizon above the limit", "horizon", "from 1 to 100000", edit(s -> s.put("horizon", 100_001))),
                rule("horizon negative", "horizon", "from 1 to 100000", edit(s -> s.put("horizon", -3))),
                rule("particles below 1", "particles", "from 1 to 1000000", edit(s -> s.put("particles", 0))),
                rule("particles above the limit", "particles", "from 1 to 1000000",
                        edit(s -> s.put("particles", 1_000_001))),
                rule("particles 1e308", "particles", "from 1 to 1000000", edit(s -> s.put("particles", 1e308))),
                rule("seed negative", "seed", "from 0 to 9223372036854775806, got -1", edit(s -> s.put("seed", -1))),
                rule("seed fractional", "seed", "must be an integer", edit(s -> s.put("seed", 0.5))),
                rule("seed beyond a long", "seed", "from 0 to " + (Long.MAX_VALUE - 1),
                        edit(s -> s.put("seed", new BigInteger("100000000000000000000000000000")))),
                rule("seed 1e30", "seed", "from 0 to " + (Long.MAX_VALUE - 1), edit(s -> s.put("seed", 1e30))),
                rule("trajectories negative", "trajectories", "from 0 to 4096", edit(s -> s.put("trajectories", -1))),
                rule("trajectories above the limit", "trajectories", "from 0 to 4096",
                        edit(s -> s.put("trajectories", 4097))),
                rule("trajectories a boolean", "trajectories", "must be an integer, got true",
                        edit(s -> s.put("trajectories", true))),
                // scale
                rule("scale negative", "scale", SCALE + ", got -0.1", edit(s -> s.put("scale", -0.1))),
                rule("scale above the limit", "scale", SCALE, edit(s -> s.put("scale", 1e7))),
                rule("scale NaN", "scale", "must be a finite number, got NaN",
                        token(s -> s.put("scale", SENTINEL), "NaN")),
                rule("scale Infinity", "scale", "must be a finite number",
                        token(s -> s.put("scale", SENTINEL), "Infinity")),
                rule("scale -Infinity", "scale", "must be a finite number",
                        token(s -> s.put("scale", SENTINEL), "-Infinity")),
                rule("scale 1e400 overflows", "scale", "must be a finite number",
                        token(s -> s.put("scale", SENTINEL), "1e400")),
                rule("scale a string", "scale", "must be a number, got a string", edit(s -> s.put("scale", "0.5"))),
                // dpsNormalize
                rule("dpsNormalize a string", "dpsNormalize", "must be true or false, got a string \"true\"",
                        edit(s -> s.put("dpsNormalize", "true"))),
                rule("dpsNormalize a number", "dpsNormalize", "must be true or false, got 1",
                        edit(s -> s.put("dpsNormalize", 1))),
                rule("dpsNormalize null", "dpsNormalize", "must be true or false, got null",
                        edit(s -> s.putNull("dpsNormalize"))),
                // window
                rule("window reversed", "window", "must satisfy 0 <= tStart <= tEnd <= 1, got [0.9, 0.1]",
                        edit(s -> s.putArray("window").add(0.9).add(0.1))),
                rule("window starts below 0", "window", "must satisfy 0 <= tStart <= tEnd <= 1",
                        edit(s -> s.putArray("window").add(-0.1).add(0.5))),
                rule("window ends above 1", "window", "must satisfy 0 <= tStart <= tEnd <= 1",
                        edit(s -> s.putArray("window").add(0.2).add(1.5))),
                rule("window too short", "window", "must have 2 entries ([tStart, tEnd]), got 1",
                        edit(s -> s.putArray("window").add(0.5))),
                rule("window too long", "window", "must have 2 entries ([tStart, tEnd]), got 3",
                        edit(s -> s.putArray("window").add(0.1).add(0.2).add(0.3))),
                rule("window a number", "window", "must be an array, got 0.5", edit(s -> s.put("window", 0.5))),
                rule("window entry a string", "window[0]", "must be a number",
                        edit(s -> s.putArray("window").add("0").add(1.0))),
                rule("window entry NaN", "window[1]", "must be a finite number, got NaN",
                        token(s -> s.putArray("window").add(0.0).add(SENTINEL), "NaN")),
                // metrics
                rule("metrics not an object", "metrics", "must be an object, got 4", edit(s -> s.put("metrics", 4))),
                rule("metrics.particles negative", "metrics.particles", "from 0 to 4096",
                        edit(s -> s.putObject("metrics").put("particles", -1))),
                rule("metrics.particles above the limit", "metrics.particles", "from 0 to 4096",
                        edit(s -> s.putObject("metrics").put("particles", 4097))),
                rule("metrics.particles above particles", "metrics.particles",
                        "must be at most particles = 8, got 9",
                        edit(s -> s.put("particles", 8).putObject("metrics").put("particles", 9))),
                rule("metrics.particles above particles in a sweep", "metrics.particles",
                        "must be at most particles = 8, got 9",
                        edit(s -> {
                            s.put("particles", 8).putObject("metrics").put("particles", 9);
                            sweep(s).putArray("seed").add(1).add(2);
                        })),
                rule("metrics.idealTolerance zero", "metrics.idealTolerance", "must be in [1e-12, 0.1], got 0.0",
                        edit(s -> s.putObject("metrics").put("idealTolerance", 0.0))),
                rule("metrics.idealTolerance above the limit", "metrics.idealTolerance", "must be in [1e-12, 0.1]",
                        edit(s -> s.putObject("metrics").put("idealTolerance", 0.5))),
                rule("metrics.idealTolerance Infinity", "metrics.idealTolerance", "must be a finite number",
                        token(s -> s.putObject("metrics").put("idealTolerance", SENTINEL), "Infinity")),
                rule("metrics unknown key", "metrics.particle", "unknown field; allowed here: particles, idealTolerance",
                        edit(s -> s.putObject("metrics").put("particle", 4))),
                // checkpoint
                rule("checkpoint unknown mode", "checkpoint.mode", "allowed: none, segments, binomial",
                        edit(s -> s.putObject("checkpoint").put("mode", "revolve"))),
                rule("checkpoint without mode", "checkpoint.mode", "missing required field",
                        edit(s -> s.putObject("checkpoint").put("param", 3))),
                rule("checkpoint.param negative", "checkpoint.param", "from 0 to 10000",
                        edit(s -> s.putObject("checkpoint").put("mode", "segments").put("param", -1))),
                rule("checkpoint.param above the limit", "checkpoint.param", "from 0 to 10000",
                        edit(s -> s.putObject("checkpoint").put("mode", "binomial").put("param", 10_001))),
                rule("checkpoint unknown key", "checkpoint.snapshots", "unknown field; allowed here: mode, param",
                        edit(s -> s.putObject("checkpoint").put("mode", "binomial").put("snapshots", 3))),
                rule("checkpoint a string", "checkpoint", "must be an object",
                        edit(s -> s.put("checkpoint", "binomial"))),
                // noiseOptimization
                rule("noiseOptimization unknown optimizer", "noiseOptimization.optimizer", "allowed: adam, lbfgs",
                        edit(s -> s.putObject("noiseOptimization").put("optimizer", "sgd"))),
                rule("noiseOptimization.iterations negative", "noiseOptimization.iterations", "from 0 to 100000",
                        edit(s -> s.putObject("noiseOptimization").put("iterations", -1))),
                rule("noiseOptimization.iterations above the limit", "noiseOptimization.iterations",
                        "from 0 to 100000", edit(s -> s.putObject("noiseOptimization").put("iterations", 100_001))),
                rule("noiseOptimization.learningRate zero", "noiseOptimization.learningRate",
                        "must be in [1.0E-12, 1000000.0], got 0.0",
                        edit(s -> s.putObject("noiseOptimization").put("learningRate", 0.0))),
                rule("noiseOptimization.learningRate NaN", "noiseOptimization.learningRate", "must be a finite number",
                        token(s -> s.putObject("noiseOptimization").put("learningRate", SENTINEL), "NaN")),
                rule("noiseOptimization.priorWeight negative", "noiseOptimization.priorWeight",
                        "must be in [0.0, 1000000.0], got -1.0",
                        edit(s -> s.putObject("noiseOptimization").put("priorWeight", -1.0))),
                rule("noiseOptimization.gradient", "noiseOptimization.gradient", "backprop, adjoint",
                        edit(s -> s.putObject("noiseOptimization").put("gradient", "revolve"))),
                rule("noiseOptimization unknown key", "noiseOptimization.momentum",
                        "unknown field; allowed here: optimizer, iterations, learningRate, priorWeight",
                        edit(s -> s.putObject("noiseOptimization").put("momentum", 0.9))),
                // sweep
                rule("sweep not an object", "sweep", "must be an object, got an array",
                        edit(s -> s.putArray("sweep").add(1))),
                rule("sweep unknown axis", "sweep.temperature",
                        "unknown field; allowed here: scheme, path, solver, lookaheadSolver, steps, horizon, scale,"
                                + " seed",
                        edit(s -> sweep(s).putArray("temperature").add(1.0))),
                rule("sweep over a setting that is not sweepable", "sweep.particles", "unknown field",
                        edit(s -> sweep(s).putArray("particles").add(8))),
                rule("sweep empty list", "sweep.steps", "must have 1 to 64 entries, got 0",
                        edit(s -> sweep(s).putArray("steps"))),
                rule("sweep list too long", "sweep.horizon", "must have 1 to 64 entries, got 65",
                        edit(s -> sweep(s).set("horizon", range(1, 65)))),
                rule("sweep axis not a list", "sweep.steps", "must be an array, got 10",
                        edit(s -> sweep(s).put("steps", 10))),
                rule("sweep steps a string", "sweep.steps[0]", "must be an integer, got a string",
                        edit(s -> sweep(s).putArray("steps").add("10"))),
                rule("sweep steps out of range", "sweep.steps[1]", "from 1 to 10000",
                        edit(s -> sweep(s).putArray("steps").add(10).add(0))),
                rule("sweep scheme a number", "sweep.scheme[0]", "must be a string, got 1",
                        edit(s -> sweep(s).putArray("scheme").add(1))),
                rule("sweep unknown scheme", "sweep.scheme[1]", "allowed: none, greedy, lookahead",
                        edit(s -> sweep(s).putArray("scheme").add("greedy").add("Greedy"))),
                rule("sweep unknown path", "sweep.path[0]", "allowed: ot, vp-cosine, vp-linear",
                        edit(s -> sweep(s).putArray("path").add("edm"))),
                rule("sweep unknown solver", "sweep.solver[0]", SOLVERS,
                        edit(s -> sweep(s).putArray("solver").add("rk45"))),
                rule("sweep unknown lookahead solver", "sweep.lookaheadSolver[0]", SOLVERS,
                        edit(s -> sweep(s).putArray("lookaheadSolver").add("exact"))),
                rule("sweep scale a string", "sweep.scale[1]", "must be a number, got a string",
                        edit(s -> sweep(s).putArray("scale").add(0.1).add("x"))),
                rule("sweep scale negative", "sweep.scale[0]", SCALE, edit(s -> sweep(s).putArray("scale").add(-1))),
                rule("sweep scale NaN", "sweep.scale[0]", "must be a finite number, got NaN",
                        token(s -> sweep(s).putArray("scale").add(SENTINEL), "NaN")),
                rule("sweep scale 1e400", "sweep.scale[0]", "must be a finite number",
                        token(s -> sweep(s).putArray("scale").add(SENTINEL), "1e400")),
                rule("sweep horizon an object", "sweep.horizon[0]", "must be an integer, got an object",
                        edit(s -> sweep(s).putArray("horizon").addObject())),
                rule("sweep seed negative", "sweep.seed[0]", "must be an integer from 0 to", edit(s -> sweep(s).putArray("seed").add(-5))),
                rule("sweep seed nested list", "sweep.seed[0]", "must be an integer, got an array",
                        edit(s -> sweep(s).putArray("seed").addArray().add(1))),
                rule("too many cells", "sweep", "has more than 10000 cells in all",
                        edit(s -> {
                            s.put("particles", 1).putObject("metrics").put("particles", 0);
                            sweep(s).set("steps", range(1, 64));
                            sweep(s).set("horizon", range(1, 64));
                            sweep(s).putArray("scale").add(0.0).add(0.1).add(0.2);
                        })),
                // the document
                rule("unknown top-level field", "stepz",
                        "unknown field; allowed here: name, description, model, objective, path",
                        edit(s -> s.put("stepz", 20))),
                rule("top-level field with the wrong case", "Scale", "unknown field", edit(s -> s.put("Scale", 1.0))),
                rule("probe-only field", "horizons", "unknown field", edit(s -> s.putArray("horizons").add(1))),
                rule("name not a string", "name", "must be a string, got 3", edit(s -> s.put("name", 3))),
                rule("description not a string", "description", "must be a string",
                        edit(s -> s.putObject("description"))),
                rule("model missing", "model", "missing required field", edit(s -> s.remove("model"))),
                rule("objective missing", "objective", "missing required field", edit(s -> s.remove("objective"))),
                rule("target of the wrong dimension", "objective.target", "must have 2 entries",
                        edit(s -> ((ArrayNode) s.get("objective").get("target")).add(0.0))),
                rule("total-work guard", "", "at most 1e+12 are allowed",
                        edit(s -> s.put("particles", 1_000_000).put("steps", 10_000).put("scheme", "end-to-end"))),
                rule("total-work guard over a sweep", "", "multiply-adds",
                        edit(s -> {
                            overOneCellBudgetHalf(s);
                            sweep(s).putArray("seed").add(1).add(2);
                        })),
                rule("not JSON", "", "not valid JSON at line 1", s -> "run me"),
                rule("root an array", "", "must be a JSON object, got an array", s -> "[]"),
                rule("empty text", "", "is empty", s -> " "),
                rule("duplicate key", "scale", "Duplicate field 'scale'",
                        s -> JSON.writeValueAsString(s.put("scale", 0.1)).replace("\"scale\":0.1",
                                "\"scale\":0.1,\"scale\":0.2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void everyRuleNamesTheFieldAndWhatIsAllowed(String rule, String field, String says, SpecText text)
            throws IOException {
        String json = text.of(minimalSpec());
        SpecException e = assertThrows(SpecException.class, () -> ExperimentJson.parse(json), json);
        assertEquals(field, e.field(), () -> "field of: " + e.getMessage());
        assertTrue(e.problem().contains(says), () -> "'" + e.getMessage() + "' must say '" + says + "'");
        assertEquals((field.isEmpty() ? "spec" : field) + ": " + e.problem(), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    /** One cell of a bit under the total-work limit (1e12): greedy, euler, no measured particles. */
    static void overOneCellBudgetHalf(ObjectNode s) {
        s.put("particles", 1_000_000).put("steps", 9_000).putObject("metrics").put("particles", 0);
    }

    @Test
    void theTotalWorkGuardCountsEveryCell() {
        ObjectNode s = minimalSpec();
        overOneCellBudgetHalf(s);
        ExperimentSpec one = parse(s);
        double ops = ExperimentLimits.operations(one.base());
        assertTrue(ops > 0.5 * ExperimentLimits.MAX_OPERATIONS && ops < ExperimentLimits.MAX_OPERATIONS, "" + ops);
        sweep(s).putArray("seed").add(1).add(2);
        SpecException e = assertThrows(SpecException.class, () -> parse(s));
        assertEquals("", e.field());
    }

    @Test
    void invalidJsonDeepInsideANestingIsNamedByAShortAncestor() {
        String text = minimalSpec().toString().replaceFirst("}$", ",\"scale\":" + "[".repeat(900));
        SpecException e = assertThrows(SpecException.class, () -> ExperimentJson.parse(text));
        assertEquals("scale" + "[0]".repeat(SpecReader.MAX_PATH_DEPTH - 1), e.field());
        assertTrue(e.problem().startsWith("not valid JSON at line 1, column "), e.getMessage());
        assertTrue(e.getMessage().length() < 400, e.getMessage());
    }

    @Test
    void largestValuesWithinEveryLimitAreAccepted() {
        ObjectNode s = minimalSpec();
        s.put("steps", 10_000).put("horizon", 100_000).put("scale", 1e6).put("particles", 1).put("seed",
                Long.MAX_VALUE - 1).put("trajectories", 1);
        s.putArray("window").add(0.0).add(1.0);
        s.putObject("metrics").put("particles", 0).put("idealTolerance", 0.1);
        s.putObject("checkpoint").put("mode", "segments").put("param", 10_000);
        s.putObject("noiseOptimization").put("iterations", 100_000).put("learningRate", 1e6).put("priorWeight", 1e6);
        sweep(s).set("seed", range(0, 63));
        ExperimentSpec spec = parse(s);
        assertEquals(64, spec.cells().size());
        assertEquals(Long.MAX_VALUE - 1, spec.base().seed());
        assertEquals(100_000, spec.base().horizon());
    }
}
