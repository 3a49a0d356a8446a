package gw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe command's output: shape, determinism, batching, closed forms, and the non-finite exit. */
class ProbeCommandTest {
    @TempDir
    Path dir;

    @Test
    void outputHasTheDocumentedShapeAndNothingElse() throws Exception {
        Cli.Result r = Cli.probe(dir, Cli.validSpec());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().endsWith("}\n") && r.out().indexOf('\n') == r.out().length() - 1, r.out());
        JsonNode out = r.json();
        assertEquals(List.of("t", "idealSolve", "results"), names(out));
        assertEquals(List.of("tolerance", "steps", "change", "converged"), names(out.get("idealSolve")));
        assertTrue(out.get("idealSolve").get("converged").asBoolean(), "the closed form's ideal converges");
        assertEquals(1e-9, out.get("idealSolve").get("tolerance").asDouble());
        assertEquals(0.95, out.get("t").asDouble());
        assertEquals(2, out.get("results").size());
        JsonNode p = out.get("results").get(1);
        assertEquals(List.of("point", "xhat1", "xhat0", "velocity", "greedy", "ideal", "lookahead"), names(p));
        assertEquals(Cli.JSON.readTree("[0.25, -2.0]"), p.get("point"));
        JsonNode la = p.get("lookahead").get(1);
        assertEquals(List.of("horizon", "gradient", "cosine", "relativeError", "nfe", "vjps"), names(la));
        assertEquals(2, la.get("horizon").asInt());
        assertEquals(4, la.get("nfe").asInt(), "heun: 2 evaluations per step, 2 steps");
        assertEquals(4, la.get("vjps").asInt());
    }

    static List<String> names(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void sameSpecGivesIdenticalBytes() throws Exception {
        ObjectNode spec = Cli.validSpec();
        spec.put("path", "vp-linear");
        spec.put("index", 7);
        spec.set("objective", Cli.measurement());
        Cli.Result a = Cli.probe(dir, spec);
        Cli.Result b = Cli.probe(dir, spec);
        assertEquals(ExitCodes.OK, a.code(), a.err());
        assertEquals(a.out(), b.out());
    }

    /** Every computation is batched row by row, so a point's results do not depend on the other points. */
    @Test
    void batchedPointsMatchSinglePointProbes() throws Exception {
        ObjectNode spec = Cli.validSpec();
        spec.put("index", 12);
        spec.put("solver", "rk4");
        ArrayNode points = (ArrayNode) spec.get("points");
        points.addArray().add(3.0).add(3.0);
        JsonNode batched = Cli.probe(dir, spec).json().get("results");
        for (int i = 0; i < points.size(); i++) {
            ObjectNode one = spec.deepCopy();
            one.putArray("points").add(points.get(i).deepCopy());
            JsonNode single = Cli.probe(dir, one).json().get("results").get(0);
            JsonNode b = batched.get(i);
            for (String k : List.of("point", "xhat1", "xhat0", "velocity", "greedy")) {
                assertEquals(single.get(k), b.get(k), k);
            }
            for (int h = 0; h < single.get("lookahead").size(); h++) {
                assertEquals(single.get("lookahead").get(h).get("gradient"), b.get("lookahead").get(h).get("gradient"));
            }
            // the ideal refines until the worst row of the batch converges: equal to its tolerance
            ProbeOracleTest.assertClose(single.get("ideal"), b.get("ideal"), 1e-7, "ideal");
        }
    }

    /** Gaussian data N(mu, diag s^2) (MATH section 4): greedy and ideal Jacobians are known diagonals. */
    @Test
    void gaussianModelMatchesClosedForms() throws Exception {
        double[] mu = {0.5, -1.0};
        double[] s = {0.7, 1.3};
        double[] target = {1.5, 0.5};
        double[] x = {0.3, 0.8};
        ObjectNode spec = Cli.validSpec();
        ObjectNode m = spec.putObject("model");
        m.put("kind", "gaussian");
        m.putArray("mean").add(mu[0]).add(mu[1]);
        m.putArray("std").add(s[0]).add(s[1]);
        spec.put("path", "vp-cosine");
        spec.put("steps", 10);
        spec.put("index", 3);
        spec.putArray("points").addArray().add(x[0]).add(x[1]);
        double t = 0.3;
        double alpha = Math.sin(Math.PI * t / 2);
        double sigma = Math.cos(Math.PI * t / 2);
        JsonNode p = Cli.probe(dir, spec).json().get("results").get(0);
        for (int c = 0; c < 2; c++) {
            double var = alpha * alpha * s[c] * s[c] + sigma * sigma;
            double greedyJac = alpha * s[c] * s[c] / var;
            double xhat1 = mu[c] + greedyJac * (x[c] - alpha * mu[c]);
            double flowJac = s[c] / Math.sqrt(var);
            double x1 = mu[c] + flowJac * (x[c] - alpha * mu[c]);
            assertEquals(xhat1, p.get("xhat1").get(c).asDouble(), 1e-12);
            assertEquals(greedyJac * (xhat1 - target[c]), p.get("greedy").get(c).asDouble(), 1e-12);
            assertEquals(flowJac * (x1 - target[c]), p.get("ideal").get(c).asDouble(), 1e-8);
        }
    }

    /** |A x1 - y|^2 / (2 s^2) with A = I, y = target, s = 1 is the squared distance: identical gradients. */
    @Test
    void identityMeasurementEqualsSquaredDistance() throws Exception {
        ObjectNode spec = Cli.validSpec();
        ObjectNode meas = spec.deepCopy();
        ObjectNode obj = meas.putObject("objective");
        obj.put("kind", "measurement");
        ArrayNode a = obj.putArray("operator");
        a.addArray().add(1.0).add(0.0);
        a.addArray().add(0.0).add(1.0);
        obj.set("y", spec.get("objective").get("target").deepCopy());
        obj.put("noiseStd", 1.0);
        assertEquals(Cli.probe(dir, spec).out(), Cli.probe(dir, meas).out());
    }

    /** A zero operator makes every gradient zero: the relative error to a zero ideal is undefined, so null. */
    @Test
    void zeroIdealGivesNullRelativeErrorAndZeroCosine() throws Exception {
        ObjectNode spec = Cli.validSpec();
        ObjectNode obj = spec.putObject("objective");
        obj.put("kind", "measurement");
        obj.putArray("operator").addArray().add(0.0).add(0.0);
        obj.putArray("y").add(1.0);
        obj.put("noiseStd", 1.0);
        Cli.Result r = Cli.probe(dir, spec);
        assertEquals(ExitCodes.OK, r.code(), r.err());
        JsonNode la = r.json().get("results").get(0).get("lookahead").get(0);
        assertTrue(la.get("relativeError").isNull(), la.toString());
        assertEquals(0.0, la.get("cosine").asDouble());
        assertTrue(r.out().contains("\"relativeError\":null"), r.out());
    }

    /**
     * A valid spec whose solve produces NaN: stds so small that s^2 underflows to 0 make the mixture's variance
     * vanish at t = 1, where rk4's last stage (and the ideal) evaluate it.
     */
    @Test
    void nanDuringTheSolveExitsWithThreeAndPrintsNoNumbers() throws Exception {
        ObjectNode spec = Cli.validSpec();
        ArrayNode stds = ((ObjectNode) spec.get("model")).putArray("stds");
        stds.add(1e-200).add(1e-200).add(1e-200);
        spec.put("solver", "rk4");
        Cli.Result r = Cli.probe(dir, spec);
        assertEquals(ExitCodes.NON_FINITE, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals("error: the computation produced NaN or infinite values: the rk4 solve at t=1.0 became NaN or"
                + " infinite\n", r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void unknownCommandIsAUsageError() {
        Cli.Result r = Cli.run("prob", "x.json");
        assertEquals(ExitCodes.INVALID_INPUT, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("Unmatched argument") && r.err().contains("Usage: gw"), r.err());
    }

    @Test
    void missingCommandIsAUsageError() {
        Cli.Result r = Cli.run();
        assertEquals(ExitCodes.INVALID_INPUT, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("Usage: gw"), r.err());
    }

    @Test
    void probeWithoutOrWithTwoSpecsIsAUsageError() {
        for (String[] args : List.of(new String[] {"probe"}, new String[] {"probe", "a.json", "b.json"},
                new String[] {"probe", "--frobnicate", "a.json"})) {
            Cli.Result r = Cli.run(args);
            assertEquals(ExitCodes.INVALID_INPUT, r.code(), String.join(" ", args));
            assertEquals("", r.out());
            assertTrue(r.err().contains("Usage: gw probe"), r.err());
        }
    }

    @Test
    void helpGoesToStdoutAndSucceeds() {
        Cli.Result r = Cli.run("probe", "--help");
        assertEquals(ExitCodes.OK, r.code());
        assertTrue(r.out().contains("Usage: gw probe"), r.out());
    }
}
