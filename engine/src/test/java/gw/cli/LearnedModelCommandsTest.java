package gw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import gw.model.LearnedModels;
import gw.model.net.Mlp;
import gw.model.TargetPredictor;
import gw.model.TinyModels;
import gw.objective.SquaredDistance;
import gw.path.Paths;
import gw.solver.Dynamics;
import gw.solver.Grid;
import gw.solver.Rollout;
import gw.solver.Solvers;
import gw.spec.ExperimentJsonTest;
import gw.tensor.Batch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * {@code probe}, {@code run} and {@code demo} on a learned model, checked against what they must compute: the probe's
 * lookahead gradient is the finite-difference gradient of the loss through the same solve of the network, its NFE
 * count is the scheme's cost, a run's guidance calls follow its scheme's cost, and models that cannot serve a 2-D
 * experiment (a 784-dimensional network, a missing or truncated file) are refused with exit 2 and one line.
 */
class LearnedModelCommandsTest {
    static final double[] TARGET = {1.5, 0.5};

    @TempDir
    Path dir;

    /**
     * A tiny float64 network (finite differences resolve its gradients to ~1e-8) with slow time features (frequency
     * up to 1) and weights scaled by 0.2.
     */
    Path tiny() throws IOException {
        Mlp net = new Mlp(new Mlp.Config(2, 8, 2, 4, 1.0, DataType.DOUBLE));
        net.parameters().initialise(11);
        net.parameters().values().muli(0.2);
        Path folder = dir.resolve("tiny");
        Files.createDirectories(folder);
        Files.write(folder.resolve(LearnedModels.MODEL_FILE),
                LearnedModels.encode(net, "ot", JsonNodeFactory.instance.objectNode()));
        return folder;
    }

    @Test
    void probeLookaheadIsTheFiniteDifferenceGradientThroughTheNetworksSolve() throws IOException {
        Path model = tiny();
        // heun, two points, t = 19/20, horizons 1 and 3
        ObjectNode s = Cli.validSpec();
        s.putObject("model").put("kind", "mlp").put("file", model.toString());
        s.putArray("horizons").add(1).add(3);
        ((ObjectNode) s.get("objective")).putArray("target").add(TARGET[0]).add(TARGET[1]);
        Cli.Result r = Cli.probe(dir, s);
        assertEquals(0, r.code(), r.err());
        JsonNode report = r.json();
        double t = report.get("t").asDouble();
        assertEquals(0.95, t, 1e-12);
        // a network's ideal runs at its own tolerance, stops at its step cap and says whether it converged
        // (docs/TRAINING.md)
        JsonNode solve = report.get("idealSolve");
        assertEquals(1e-3, solve.get("tolerance").asDouble(), 0.0, "a network's tolerance");
        assertTrue(solve.get("steps").asInt() <= 256, solve.toString());
        assertEquals(!solve.get("converged").asBoolean(), r.err().startsWith("warning: the continuous ideal at t = "),
                r.err());
        TargetPredictor net = LearnedModels.load(model);
        SquaredDistance loss = new SquaredDistance(TARGET);
        Dynamics f = Dynamics.inTime(net, Paths.byName("ot"));
        for (JsonNode p : report.get("results")) {
            double[] x = vector(p.get("point"));
            for (JsonNode l : p.get("lookahead")) {
                int h = l.get("horizon").asInt();
                // the cost of H Heun steps, each lookahead its own solve
                assertEquals(2L * h, l.get("nfe").asLong(), "NFE of H=" + h);
                double[] g = vector(l.get("gradient"));
                double[] fd = new double[2];
                double eps = 1e-5;
                for (int j = 0; j < 2; j++) {
                    double[] up = x.clone();
                    double[] down = x.clone();
                    up[j] += eps;
                    down[j] -= eps;
                    fd[j] = (lossAfter(f, loss, up, t, h) - lossAfter(f, loss, down, t, h)) / (2 * eps);
                }
                for (int j = 0; j < 2; j++) {
                    assertEquals(fd[j], g[j], 1e-6 * (1 + Math.abs(fd[j])), "H=" + h + " coordinate " + j + ": "
                            + Arrays.toString(g) + " vs finite difference " + Arrays.toString(fd));
                }
            }
        }
    }

    private static double lossAfter(Dynamics f, SquaredDistance loss, double[] x, double t, int h) {
        Batch b = Batch.of(new double[][] {x});
        Batch x1 = Rollout.solve(f, Solvers.byName("heun"), Grid.equalSteps(t, 1.0, h), b, null).output();
        return loss.loss(x1)[0];
    }

    @Test
    void runCountsNetworkCallsAsEachSchemeCosts() throws IOException {
        tiny();
        int n = 4;
        for (String scheme : new String[] {"greedy", "lookahead", "end-to-end"}) {
            ObjectNode s = ExperimentJsonTest.minimalSpec();
            s.putObject("model").put("kind", "mlp").put("file", dir.resolve("tiny").toString());
            s.put("scheme", scheme).put("particles", 4).put("steps", n).put("horizon", 2).put("scale", 0.2)
                    .put("solver", "euler").put("lookaheadSolver", "euler");
            s.putObject("metrics").put("particles", 0);
            Path spec = dir.resolve(scheme + ".json");
            Files.writeString(spec, Cli.JSON.writeValueAsString(s));
            Path out = dir.resolve("out-" + scheme);
            Cli.Result r = Cli.run("run", spec.toString(), "--out", out.toString());
            assertEquals(0, r.code(), r.err());
            JsonNode sum = Cli.JSON.readTree(out.resolve("results.json").toFile()).get("cells").get(0).get("summary");
            // at step i the scheme differentiates through H Euler steps (greedy: 1, end-to-end: N - i),
            // and reuses the sampler's own evaluation of the network at x_t for the first of them
            long vjps = 0;
            for (int i = 0; i < n; i++) {
                vjps += switch (scheme) {
                    case "greedy" -> 1;
                    case "lookahead" -> 2; // H steps over what is left of [t, 1]
                    default -> n - i;
                };
            }
            assertEquals(vjps, sum.get("guidanceVjps").asLong(), scheme + ": " + sum);
            assertEquals(vjps - n, sum.get("guidanceNfe").asLong(), scheme + ": " + sum);
            assertEquals(n, sum.get("samplingNfe").asLong(), scheme + ": " + sum);
        }
    }

    @Test
    void aModelThatIsNot2dOrNotThereIsExit2WithOneLine() throws IOException {
        Path three = TinyModels.write(dir.resolve("wide"), 3, "ot", DataType.FLOAT, 1);
        ObjectNode s = ExperimentJsonTest.minimalSpec(); // a 2-D target
        s.putObject("model").put("kind", "mlp").put("file", three.toString());
        Path spec = dir.resolve("wide.json");
        Files.writeString(spec, Cli.JSON.writeValueAsString(s));
        Cli.Result r = Cli.run("run", spec.toString(), "--out", dir.resolve("o1").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("3"), r.err());
        assertTrue(!Files.exists(dir.resolve("o1")), "nothing written");

        // the shipped 784-dimensional image network, given to a 2-D probe
        ObjectNode probe = Cli.validSpec();
        probe.putObject("model").put("kind", "mlp").put("file",
                Path.of("..", "assets", "models", "fashion-unet").toAbsolutePath().toString());
        r = Cli.probe(dir, probe);
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: model.file: ") && r.err().contains("U-Net"), r.err());

        Path tiny = tiny();
        byte[] bytes = Files.readAllBytes(tiny.resolve("model.bin"));
        Files.write(tiny.resolve("model.bin"), Arrays.copyOf(bytes, bytes.length - 7));
        r = Cli.run("demo", "--model", tiny.toString(), "--points", "4");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: --model: ") && r.err().contains("truncated"), r.err());
        probe.putObject("model").put("kind", "mlp").put("file", dir.resolve("absent").toString());
        r = Cli.probe(dir, probe);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: model.file: no such file"), r.err());
    }

    private static double[] vector(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }
}
