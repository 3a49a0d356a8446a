package gw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gw.spec.Limits;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per bad-input rule of the probe spec: exit code 2, nothing on stdout, and exactly one line on stderr
 * that starts with the JSON path of the offending field and says what is allowed.
 */
class ProbeValidationTest {
    private static final double SENTINEL = 777.125;

    @TempDir
    Path dir;

    /** Builds the spec text from the valid spec. */
    interface SpecText {
        String of(ObjectNode valid) throws IOException;
    }

    static SpecText edit(Consumer<ObjectNode> change) {
        return s -> {
            change.accept(s);
            return Cli.JSON.writeValueAsString(s);
        };
    }

    /** Puts SENTINEL somewhere with {@code place}, then spells it as a raw token such as NaN or 1e400. */
    static SpecText token(Consumer<ObjectNode> place, String token) {
        return s -> {
            place.accept(s);
            String text = Cli.JSON.writeValueAsString(s);
            assertTrue(text.contains(String.valueOf(SENTINEL)));
            return text.replace(String.valueOf(SENTINEL), token);
        };
    }

    static ObjectNode obj(ObjectNode s, String name) {
        return (ObjectNode) s.get(name);
    }

    static ArrayNode arr(ObjectNode s, String name) {
        return (ArrayNode) s.get(name);
    }

    static ArrayNode zeros(int n) {
        ArrayNode a = Cli.JSON.createArrayNode();
        for (int i = 0; i < n; i++) {
            a.add(0.0);
        }
        return a;
    }

    static Arguments rule(String name, String field, String says, SpecText text) {
        return Arguments.of(name, field, says, text);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                // missing fields
                rule("missing top-level field", "steps", "missing required field", edit(s -> s.remove("steps"))),
                rule("missing model field", "model.weights", "missing required field",
                        edit(s -> obj(s, "model").remove("weights"))),
                rule("missing model kind", "model.kind", "missing required field",
                        edit(s -> obj(s, "model").remove("kind"))),
                rule("missing objective field", "objective.target", "missing required field",
                        edit(s -> obj(s, "objective").remove("target"))),
                rule("missing measurement noise", "objective.noiseStd", "missing required field",
                        edit(s -> s.set("objective", Cli.measurement().without("noiseStd")))),
                // wrong types
                rule("steps is a string", "steps", "must be an integer", edit(s -> s.put("steps", "20"))),
                rule("steps is fractional", "steps", "must be an integer", edit(s -> s.put("steps", 20.5))),
                rule("index is null", "index", "must be an integer", edit(s -> s.putNull("index"))),
                rule("model is an array", "model", "must be an object", edit(s -> s.putArray("model"))),
                rule("path is a number", "path", "must be a string", edit(s -> s.put("path", 3))),
                rule("points is an object", "points", "must be an array", edit(s -> s.putObject("points"))),
                rule("a mean entry is a string", "model.means[0][1]", "must be a number",
                        edit(s -> ((ArrayNode) arr(obj(s, "model"), "means").get(0)).set(1, "x"))),
                rule("a point is a number", "points[1]", "must be an array",
                        edit(s -> arr(s, "points").set(1, 4.0))),
                rule("a horizon is a boolean", "horizons[0]", "must be an integer",
                        edit(s -> arr(s, "horizons").set(0, true))),
                // dimension mismatches
                rule("means row length differs from D", "model.means[1]", "must have 2 entries",
                        edit(s -> ((ArrayNode) arr(obj(s, "model"), "means").get(1)).add(0.0))),
                rule("means rows differ from K", "model.means", "must have 3 entries",
                        edit(s -> arr(obj(s, "model"), "means").remove(2))),
                rule("stds length differs from K", "model.stds", "must have 3 entries",
                        edit(s -> arr(obj(s, "model"), "stds").add(0.1))),
                rule("gaussian std length differs from D", "model.std", "must have 2 entries",
                        edit(s -> {
                            ObjectNode g = gaussian(1.0);
                            ((ArrayNode) g.get("std")).add(1.0);
                            s.set("model", g);
                        })),
                rule("target length differs from D", "objective.target", "must have 2 entries",
                        edit(s -> arr(obj(s, "objective"), "target").add(0.0))),
                rule("a point's length differs from D", "points[1]", "must have 2 entries",
                        edit(s -> ((ArrayNode) arr(s, "points").get(1)).remove(1))),
                rule("operator columns differ from D", "objective.operator[1]", "must have 2 entries",
                        edit(s -> ((ArrayNode) s.set("objective", Cli.measurement()).get("objective")
                                .get("operator").get(1)).add(3.0))),
                rule("y length differs from operator rows", "objective.y", "must have 3 entries",
                        edit(s -> ((ArrayNode) s.set("objective", Cli.measurement()).get("objective")
                                .get("y")).remove(0))),
                // values
                rule("a weight is negative", "model.weights[1]", "must be >= 0",
                        edit(s -> arr(obj(s, "model"), "weights").set(1, -0.2))),
                rule("weights do not sum to 1", "model.weights", "must sum to 1",
                        edit(s -> arr(obj(s, "model"), "weights").set(2, 0.4 + 1e-6))),
                rule("a std is zero", "model.stds[2]", "must be > 0",
                        edit(s -> arr(obj(s, "model"), "stds").set(2, 0.0))),
                rule("a std is negative", "model.stds[0]", "must be > 0",
                        edit(s -> arr(obj(s, "model"), "stds").set(0, -1.0))),
                rule("a gaussian std is zero", "model.std[1]", "must be > 0",
                        edit(s -> s.set("model", gaussian(0.0)))),
                rule("noiseStd is zero", "objective.noiseStd", "must be > 0",
                        edit(s -> s.set("objective", Cli.measurement().put("noiseStd", 0.0)))),
                rule("steps below 1", "steps", "from 1 to 100000", edit(s -> s.put("steps", 0))),
                rule("steps above the limit", "steps", "from 1 to 100000", edit(s -> s.put("steps", 100_001))),
                rule("steps beyond any integer type", "steps", "from 1 to 100000",
                        edit(s -> s.put("steps", new BigInteger("100000000000000000000000000")))),
                rule("index equal to steps", "index", "0 <= index < steps = 20", edit(s -> s.put("index", 20))),
                rule("index negative", "index", "0 <= index < steps = 20", edit(s -> s.put("index", -1))),
                rule("horizon below 1", "horizons[1]", "from 1 to 100000",
                        edit(s -> arr(s, "horizons").set(1, 0))),
                rule("horizon above the limit", "horizons[0]", "from 1 to 100000",
                        edit(s -> arr(s, "horizons").set(0, 100_001))),
                rule("no horizons", "horizons", "must have 1 to 64 entries",
                        edit(s -> arr(s, "horizons").removeAll())),
                rule("no points", "points", "must have 1 to 100000 entries",
                        edit(s -> arr(s, "points").removeAll())),
                // names
                rule("unknown path", "path", "allowed: ot, vp-cosine, vp-linear", edit(s -> s.put("path", "vp"))),
                rule("unknown solver", "solver", "allowed: ddim, euler, midpoint, heun, rk4",
                        edit(s -> s.put("solver", "rk45"))),
                rule("unknown model kind", "model.kind", "allowed: gmm, gaussian",
                        edit(s -> obj(s, "model").put("kind", "mlp"))),
                rule("unknown objective kind", "objective.kind", "allowed: squared-distance, measurement",
                        edit(s -> obj(s, "objective").put("kind", "classifier"))),
                // unknown extra fields
                rule("unknown top-level field", "stepz", "unknown field", edit(s -> s.put("stepz", 20))),
                rule("field of the other model kind", "model.mean", "unknown field; allowed here: kind, weights",
                        edit(s -> obj(s, "model").putArray("mean").add(0.0).add(0.0))),
                rule("unknown objective field", "objective.scale", "unknown field",
                        edit(s -> obj(s, "objective").put("scale", 2.0))),
                rule("unknown field with an odd name", "[\"a b\"]", "unknown field", edit(s -> s.put("a b", 1))),
                // NaN and Inf
                rule("NaN in a point", "points[1][0]", "must be a finite number, got NaN",
                        token(s -> ((ArrayNode) arr(s, "points").get(1)).set(0, SENTINEL), "NaN")),
                rule("Infinity in a std", "model.stds[0]", "must be a finite number",
                        token(s -> arr(obj(s, "model"), "stds").set(0, SENTINEL), "Infinity")),
                rule("-Infinity in the target", "objective.target[1]", "must be a finite number",
                        token(s -> arr(obj(s, "objective"), "target").set(1, SENTINEL), "-Infinity")),
                rule("1e400 overflows in a mean", "model.means[2][0]", "must be a finite number",
                        token(s -> ((ArrayNode) arr(obj(s, "model"), "means").get(2)).set(0, SENTINEL), "1e400")),
                rule("NaN in the measurement y", "objective.y[2]", "must be a finite number",
                        token(s -> ((ArrayNode) s.set("objective", Cli.measurement()).get("objective").get("y"))
                                .set(2, SENTINEL), "NaN")),
                rule("NaN as steps", "steps", "must be an integer", token(s -> s.put("steps", SENTINEL), "NaN")),
                // sizes
                rule("D above the limit", "model.means[0]", "must have 1 to 4096 entries",
                        edit(s -> ((ArrayNode) arr(obj(s, "model"), "means")).set(0, zeros(4097)))),
                rule("K above the limit", "model.weights", "must have 1 to 1024 entries",
                        edit(s -> obj(s, "model").set("weights", zeros(1025)))),
                rule("too many points", "points", "must have 1 to 100000 entries",
                        edit(s -> {
                            ArrayNode p = s.putArray("points");
                            for (int i = 0; i < 100_001; i++) {
                                p.addArray().add(0.0).add(0.0);
                            }
                        })),
                rule("too many horizons", "horizons", "must have 1 to 64 entries",
                        edit(s -> {
                            for (int i = 0; i < 63; i++) {
                                arr(s, "horizons").add(1);
                            }
                        })),
                rule("too many operator rows", "objective.operator", "must have 1 to 4096 entries",
                        edit(s -> {
                            ArrayNode a = s.set("objective", Cli.measurement()).get("objective").withArray("operator");
                            for (int i = 0; i < 4094; i++) {
                                a.addArray().add(0.0).add(0.0);
                            }
                        })),
                rule("total-work guard", "", "too much work",
                        edit(s -> {
                            s.put("solver", "rk4");
                            ArrayNode h = s.putArray("horizons");
                            for (int i = 0; i < 64; i++) {
                                h.add(100_000);
                            }
                            for (int i = 0; i < 8; i++) {
                                arr(s, "points").addArray().add(0.0).add(i);
                            }
                        })),
                rule("memory guard", "", "too much memory",
                        edit(s -> {
                            // a 100000-step lookahead keeps every step's record for its backward pass
                            s.putArray("horizons").add(100_000);
                            ArrayNode p = s.putArray("points");
                            for (int i = 0; i < 400; i++) {
                                p.addArray().add(0.01 * i).add(0.0);
                            }
                        })),
                // not JSON
                rule("empty file", "", "is empty", s -> ""),
                rule("not JSON at all", "", "not valid JSON at line 1", s -> "probe me"),
                rule("truncated JSON", "horizons[1]", "not valid JSON",
                        s -> Cli.JSON.writeValueAsString(s).replaceAll("]}$", "")),
                rule("trailing content", "", "not valid JSON", s -> Cli.JSON.writeValueAsString(s) + " {}"),
                rule("duplicate key", "steps", "Duplicate field 'steps'",
                        s -> Cli.JSON.writeValueAsString(s).replace("\"steps\":20", "\"steps\":20,\"steps\":30")),
                rule("root is an array", "", "must be a JSON object, got an array", s -> "[1, 2]"));
    }

    static ObjectNode gaussian(double std1) {
        ObjectNode m = Cli.JSON.createObjectNode();
        m.put("kind", "gaussian");
        m.putArray("mean").add(0.0).add(1.0);
        m.putArray("std").add(1.0).add(std1);
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void everyRuleIsReportedAsOneLineNamingTheField(String rule, String field, String says, SpecText text)
            throws IOException {
        assertInvalid(Cli.probe(dir, text.of(Cli.validSpec())), field, says);
    }

    @Test
    void invalidUtf8IsNotJson() throws IOException {
        byte[] bytes = {'{', '"', 'p', 'a', 't', 'h', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'};
        Path f = dir.resolve("latin.json");
        Files.write(f, bytes);
        assertInvalid(Cli.run("probe", f.toString()), "path", "not valid JSON");
    }

    @Test
    void missingFileIsReported() {
        Path f = dir.resolve("nope.json");
        assertInvalid(Cli.run("probe", f.toString()), "", "cannot read " + f + ": no such file");
    }

    @Test
    void directoryIsNotASpec() {
        assertInvalid(Cli.run("probe", dir.toString()), "", "not a regular file");
    }

    @Test
    void specFileAboveTheSizeLimitIsNotRead() throws IOException {
        Path f = dir.resolve("huge.json");
        try (var out = Files.newOutputStream(f)) {
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i <= Limits.MAX_SPEC_BYTES >> 20; i++) {
                out.write(spaces);
            }
        }
        assertInvalid(Cli.run("probe", f.toString()), "", "at most " + Limits.MAX_SPEC_BYTES + " are allowed");
    }

    /** Exit 2, no stdout, one line on stderr: "error: FIELD: ..." (or "error: spec: ..." for the whole spec). */
    static void assertInvalid(Cli.Result r, String field, String says) {
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), () -> "exit code; stderr: " + r.err());
        assertEquals("", r.out(), "stdout must stay empty");
        assertTrue(r.err().endsWith("\n"), () -> "stderr must end its line: " + r.err());
        String line = r.err().substring(0, r.err().length() - 1);
        assertFalse(line.contains("\n") || line.contains("\r"), () -> "stderr must be one line: " + r.err());
        String prefix = "error: " + (field.isEmpty() ? "spec" : field) + ": ";
        assertTrue(line.startsWith(prefix), () -> "stderr must start with '" + prefix + "': " + line);
        assertTrue(line.contains(says), () -> "stderr must say '" + says + "': " + line);
        assertFalse(line.contains("Exception") || line.contains("\tat "), () -> "no stack trace: " + line);
    }
}
