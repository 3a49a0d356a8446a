package gw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe command reproduces the independently computed reference values (MATH section 5): x̂1, x̂0, u, greedy
 * and lookahead gradients to 1e-9 relative, the ideal to 1e-6. One probe per case and lookahead solver, through
 * the command line and its JSON output.
 */
class ProbeOracleTest {
    @TempDir
    static Path dir;

    static ObjectNode spec(JsonNode oracle, JsonNode c, String solver, List<Integer> horizons) throws Exception {
        ObjectNode s = Cli.validSpec();
        s.put("path", c.get("path").asText());
        s.put("solver", solver);
        s.put("steps", c.get("steps").asInt());
        s.put("index", c.get("index").asInt());
        ((ObjectNode) s.get("objective")).set("target", oracle.get("loss").get("target").deepCopy());
        s.putArray("points").add(c.get("x").deepCopy());
        ArrayNode h = s.putArray("horizons");
        horizons.forEach(h::add);
        return s;
    }

    @TestFactory
    Stream<DynamicTest> everyOracleCaseMatchesTheProbeOutput() throws Exception {
        JsonNode oracle = Cli.oracle();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : oracle.get("cases")) {
            Map<String, List<JsonNode>> bySolver = new LinkedHashMap<>();
            for (JsonNode la : c.get("lookahead")) {
                bySolver.computeIfAbsent(la.get("solver").asText(), k -> new ArrayList<>()).add(la);
            }
            for (Map.Entry<String, List<JsonNode>> e : bySolver.entrySet()) {
                String name = c.get("path").asText() + " t=" + c.get("t").asDouble() + " " + e.getKey();
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    List<Integer> horizons = e.getValue().stream().map(la -> la.get("horizon").asInt()).toList();
                    Cli.Result r = Cli.probe(dir, spec(oracle, c, e.getKey(), horizons));
                    assertEquals(0, r.code(), r.err());
                    assertEquals("", r.err());
                    JsonNode out = r.json();
                    assertEquals(c.get("t").asDouble(), out.get("t").asDouble(), 1e-15);
                    assertEquals(1, out.get("results").size());
                    JsonNode p = out.get("results").get(0);
                    assertEquals(c.get("x"), p.get("point"));
                    assertClose(c.get("xhat1"), p.get("xhat1"), 1e-9, "xhat1");
                    assertClose(c.get("xhat0"), p.get("xhat0"), 1e-9, "xhat0");
                    assertClose(c.get("velocity"), p.get("velocity"), 1e-9, "velocity");
                    assertClose(c.get("greedy_gradient"), p.get("greedy"), 1e-9, "greedy");
                    assertClose(c.get("ideal_gradient"), p.get("ideal"), 1e-6, "ideal");
                    JsonNode las = p.get("lookahead");
                    assertEquals(horizons.size(), las.size());
                    for (int i = 0; i < horizons.size(); i++) {
                        JsonNode la = las.get(i);
                        assertEquals(horizons.get(i), la.get("horizon").asInt());
                        assertClose(e.getValue().get(i).get("gradient"), la.get("gradient"), 1e-9,
                                "lookahead H=" + horizons.get(i));
                        assertTrue(la.get("cosine").asDouble() <= 1 + 1e-12);
                        assertTrue(la.get("relativeError").asDouble() >= 0);
                    }
                }));
            }
        }
        return tests.stream();
    }

    static void assertClose(JsonNode expected, JsonNode actual, double rel, String what) {
        assertEquals(expected.size(), actual.size(), what + " length");
        double num = 0;
        double den = 0;
        for (int i = 0; i < expected.size(); i++) {
            double d = actual.get(i).asDouble() - expected.get(i).asDouble();
            num += d * d;
            den += expected.get(i).asDouble() * expected.get(i).asDouble();
        }
        double err = Math.sqrt(num / den);
        assertTrue(err <= rel, what + ": relative error " + err + " > " + rel + " (expected " + expected
                + ", got " + actual + ")");
    }
}
