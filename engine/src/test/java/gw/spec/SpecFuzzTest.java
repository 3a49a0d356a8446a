package gw.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gw.experiment.CellResult;
import gw.experiment.Experiment;
import gw.experiment.RunListener;
import java.math.BigInteger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random mutations of valid experiment specs: reading never throws anything but a one-line
 * {@link SpecException} naming a field that is in the mutated spec (or, for a missing field, whose parent is), and
 * every spec that reads runs to the end, each cell complete or failed with a message, without hanging.
 * Specs whose estimated work is above {@link #RUN_BUDGET} are only read, to keep the test fast.
 */
class SpecFuzzTest {
    /** Fixed, so failures reproduce; -Dgw.fuzz.seed=N and -Dgw.fuzz.specs=N explore further. */
    static final long SEED = Long.getLong("gw.fuzz.seed", 20240611L);
    static final int SPECS = Integer.getInteger("gw.fuzz.specs", 2000);
    /** Estimated multiply-adds ({@link ExperimentLimits#operations}) up to which a spec that reads is also run. */
    static final double RUN_BUDGET = 1e8;
    /** A hang detector, not a speed target: generous, so a loaded machine (load 25 on 2 cores seen) does not trip it. */
    static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
    /** A number that no base spec holds; text mutations replace it with a raw token. */
    static final String SENTINEL = "98765.4321";

    @TempDir
    Path dir;

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Parses what SpecReader parses, but keeps the last of duplicate keys, to look paths up in. */
    static final JsonMapper LENIENT = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    enum Kind {
        DELETE, WRONG_TYPE, OUT_OF_RANGE, HUGE, NON_FINITE, NEGATE, EMPTY, DEEP, LONG_STRING, UNKNOWN_KEY,
        SWAP_IN_ARRAY, VALID_VALUE, DUPLICATE_KEY, TRUNCATE, RANDOM_BYTES, WHOLE_RANDOM, LONG_DIGITS
    }

    /** How strictly a SpecException's path must match the mutated text. */
    enum PathRule {
        /** The text parses: the path, or for "missing required field" its parent, is in the mutated tree. */
        TREE,
        /** A prefix of the valid text: all but the last step of the path is in the tree before truncation. */
        PREFIX,
        /** The first step of the path is in the tree before the text was changed. */
        FIRST_STEP,
        /** Random bytes: the path only has to be well formed. */
        SYNTAX
    }

    // ---- base specs ----------------------------------------------------------------------------------------

    static ObjectNode gmm() {
        ObjectNode m = NODES.objectNode().put("kind", "gmm");
        m.putArray("weights").add(0.3).add(0.3).add(0.4);
        ArrayNode means = m.putArray("means");
        means.addArray().add(-2.0).add(0.0);
        means.addArray().add(2.0).add(1.0);
        means.addArray().add(0.0).add(-2.5);
        m.putArray("stds").add(0.3).add(0.5).add(0.4);
        return m;
    }

    static ObjectNode target(double a, double b) {
        ObjectNode o = NODES.objectNode().put("kind", "squared-distance");
        o.putArray("target").add(a).add(b);
        return o;
    }

    static List<ObjectNode> bases() {
        List<ObjectNode> out = new ArrayList<>();
        // a guided sweep with every common field
        ObjectNode a = NODES.objectNode().put("name", "fuzz-a").put("description", "greedy and lookahead");
        a.set("model", gmm());
        a.set("objective", target(1.5, 0.5));
        a.put("path", "ot").put("solver", "heun").put("steps", 4).put("scheme", "greedy").put("horizon", 2)
                .put("lookaheadSolver", "midpoint").put("scale", 0.1).put("dpsNormalize", false)
                .put("particles", 8).put("seed", 3).put("trajectories", 2).put("adjointSolver", "rk4");
        a.putArray("window").add(0.0).add(1.0);
        a.putObject("metrics").put("particles", 1).put("idealTolerance", 1e-4);
        a.putObject("checkpoint").put("mode", "none").put("param", 0);
        ObjectNode sa = a.putObject("sweep");
        sa.putArray("scheme").add("greedy").add("lookahead");
        sa.putArray("scale").add(0.0).add(0.3);
        out.add(a);
        // a Gaussian model with a measurement loss, the adjoint and end-to-end schemes, no metrics
        ObjectNode b = NODES.objectNode();
        ObjectNode g = b.putObject("model").put("kind", "gaussian");
        g.putArray("mean").add(0.5).add(-1.0).add(0.0);
        g.putArray("std").add(1.0).add(0.5).add(2.0);
        ObjectNode meas = b.putObject("objective").put("kind", "measurement");
        ArrayNode op = meas.putArray("operator");
        op.addArray().add(1.0).add(0.0).add(0.0);
        op.addArray().add(0.0).add(1.0).add(1.0);
        meas.putArray("y").add(1.0).add(-0.5);
        meas.put("noiseStd", 0.2);
        b.put("path", "vp-cosine").put("steps", 3).put("scheme", "adjoint").put("particles", 6).put("seed", 11)
                .put("adjointSolver", "heun").put("dpsNormalize", true);
        b.putArray("window").add(0.1).add(0.8);
        b.putObject("metrics").put("particles", 0);
        b.putObject("checkpoint").put("mode", "segments").put("param", 2);
        ObjectNode sb = b.putObject("sweep");
        sb.putArray("scheme").add("adjoint").add("end-to-end");
        sb.putArray("solver").add("euler").add("rk4");
        out.add(b);
        // noise optimisation through a short solve, binomial checkpoints
        ObjectNode c = NODES.objectNode().put("name", "fuzz-c");
        c.set("model", gmm());
        c.set("objective", target(-1.0, 1.0));
        c.put("path", "vp-linear").put("solver", "midpoint").put("steps", 3).put("scheme", "noise-optimization")
                .put("particles", 4).put("scale", 0.5);
        c.putObject("metrics").put("particles", 0);
        c.putObject("checkpoint").put("mode", "binomial").put("param", 1);
        c.putObject("noiseOptimization").put("optimizer", "adam").put("iterations", 3).put("learningRate", 0.05)
                .put("priorWeight", 1.0);
        c.putObject("sweep").putArray("seed").add(1).add(2);
        out.add(c);
        // a single unguided cell with few fields
        ObjectNode d = NODES.objectNode();
        d.set("model", gmm());
        d.set("objective", target(0.0, 0.0));
        d.put("scheme", "none").put("steps", 2).put("particles", 5).put("solver", "ddim");
        d.putObject("metrics").put("particles", 0);
        out.add(d);
        return out;
    }

    // ---- the test ------------------------------------------------------------------------------------------

    @Test
    void mutatedSpecsFailWithANamedFieldOrRunToTheEnd() throws Exception {
        Random rng = new Random(SEED);
        List<ObjectNode> bases = bases();
        for (ObjectNode base : bases) {
            ExperimentSpec spec = ExperimentJson.parse(base.toString());
            assertTrue(operations(spec) < RUN_BUDGET, "base specs run: " + operations(spec));
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        int mutations = 0;
        long start = System.nanoTime();
        for (int n = 0; n < SPECS; n++) {
            ObjectNode tree = bases.get(rng.nextInt(bases.size())).deepCopy();
            Mutated m = new Mutated(tree);
            int count = 1 + (rng.nextInt(4) == 0 ? 1 + rng.nextInt(2) : 0);
            for (int j = 0; j < count; j++) {
                mutate(m, Kind.values()[rng.nextInt(Kind.values().length)], rng);
                mutations++;
            }
            String text = m.text();
            String label = "spec " + n + " (" + m.kinds + "): " + excerpt(text);
            outcomes.merge(check(text, m, label), 1, Integer::sum);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("SpecFuzzTest: %d specs, %d mutations, %.1f s: %s%n", SPECS, mutations, seconds, outcomes);
        assertTrue(mutations >= 1000);
        assertTrue(outcomes.getOrDefault("rejected", 0) > SPECS / 2, "most mutations make invalid specs");
        assertTrue(outcomes.getOrDefault("ran", 0) > 50, "some mutated specs still run: " + outcomes);
    }

    /** Reads the text and, when it reads and is small enough, runs it; returns what happened. */
    String check(String text, Mutated m, String label) throws IOException {
        ExperimentSpec spec;
        Path file = null;
        if (m.raw) {
            // random bytes need not be UTF-8: read them from a file, as `run` does
            file = dir.resolve("spec.json");
            Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
        }
        try {
            spec = file == null ? ExperimentJson.parse(text) : ExperimentJson.read(file);
        } catch (SpecException e) {
            checkException(e, text, m, label);
            return "rejected";
        } catch (Throwable t) {
            throw new AssertionError("only SpecException may escape parse; " + label, t);
        }
        List<CellSpec> cells = spec.cells();
        if (operations(spec) >= RUN_BUDGET) {
            return "read only";
        }
        List<CellResult> results = assertTimeoutPreemptively(RUN_TIMEOUT,
                () -> Experiment.run(spec, new RunListener() { }), () -> "hung: " + label);
        assertEquals(cells.size(), results.size(), label);
        boolean failed = false;
        for (int i = 0; i < results.size(); i++) {
            CellResult r = results.get(i);
            assertEquals(i, r.index(), label);
            if (r.complete()) {
                assertEquals(cells.get(i).particles(), r.samples().rows(), label);
                assertNotNull(r.summary(), label);
                for (double v : r.samples().data()) {
                    assertTrue(Double.isFinite(v), () -> "complete cells have finite samples; " + label);
                }
            } else {
                assertEquals(CellResult.Status.FAILED, r.status(), label);
                assertTrue(r.error() != null && !r.error().isBlank(), () -> "failed cells say why; " + label);
                failed = true;
            }
        }
        return failed ? "ran, some cells failed" : "ran";
    }

    static void checkException(SpecException e, String text, Mutated m, String label) {
        String field = e.field();
        assertNotNull(field, label);
        assertTrue(e.problem() != null && !e.problem().isBlank(), () -> "no message: " + label);
        assertEquals((field.isEmpty() ? "spec" : field) + ": " + e.problem(), e.getMessage(), label);
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"),
                () -> "one line: " + e.getMessage() + "; " + label);
        assertTrue(e.getMessage().length() < 1000, () -> "short: " + excerpt(e.getMessage()) + "; " + label);
        List<Object> steps = PathSteps.parse(field);
        assertNotNull(steps, () -> "malformed path '" + field + "'; " + label);
        if (field.isEmpty()) {
            return;
        }
        JsonNode parsed = lenient(m.raw ? text.getBytes(StandardCharsets.ISO_8859_1)
                : text.getBytes(StandardCharsets.UTF_8));
        String why = "the path of '" + excerpt(e.getMessage()) + "' is not in the spec; " + label;
        if (parsed != null) {
            boolean missing = e.problem().startsWith("missing required field");
            assertTrue(PathSteps.resolves(parsed, steps)
                    || (missing && PathSteps.resolves(parsed, steps.subList(0, steps.size() - 1))), why);
            return;
        }
        switch (m.pathRule()) {
            case TREE, PREFIX -> assertTrue(PathSteps.resolves(m.tree, steps.subList(0, steps.size() - 1)), why);
            case FIRST_STEP -> assertTrue(PathSteps.resolves(m.tree, steps.subList(0, 1)), why);
            case SYNTAX -> { }
        }
    }

    static double operations(ExperimentSpec spec) {
        double ops = 0;
        for (CellSpec c : spec.cells()) {
            ops += ExperimentLimits.operations(c);
        }
        return ops;
    }

    static JsonNode lenient(byte[] text) {
        try {
            JsonNode n = LENIENT.readTree(text);
            return n == null || n.isMissingNode() ? null : n;
        } catch (IOException e) {
            return null;
        }
    }

    static String excerpt(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...(" + s.length() + " chars)";
    }

    // ---- mutations -----------------------------------------------------------------------------------------

    /** A spec tree being mutated, then text edits applied to its JSON text. */
    static final class Mutated {
        final ObjectNode tree;
        final List<Kind> kinds = new ArrayList<>();
        /** Raw tokens for the SENTINELs in the tree, in order. */
        final List<String> tokens = new ArrayList<>();
        final List<java.util.function.UnaryOperator<String>> textEdits = new ArrayList<>();
        PathRule rule = PathRule.TREE;
        /** The text stands for bytes (one char per byte), not necessarily UTF-8. */
        boolean raw;

        Mutated(ObjectNode tree) {
            this.tree = tree;
        }

        /** Marks a spot in the tree whose text becomes {@code token}. */
        JsonNode sentinel(String token) {
            tokens.add(token);
            return NODES.numberNode(new java.math.BigDecimal(SENTINEL));
        }

        void loosen(PathRule r) {
            if (r.ordinal() > rule.ordinal()) {
                rule = r;
            }
        }

        PathRule pathRule() {
            return rule;
        }

        String text() {
            String s = tree.toString();
            for (String token : tokens) {
                int at = s.indexOf(SENTINEL);
                if (at >= 0) {
                    s = s.substring(0, at) + token + s.substring(at + SENTINEL.length());
                }
            }
            for (var edit : textEdits) {
                s = edit.apply(s);
            }
            return s;
        }
    }

    /** A value's place: a member of an object or an element of an array (or the root, with parent null). */
    record Place(ContainerNode<?> parent, String key, int index, JsonNode value) {
        void set(JsonNode v) {
            if (parent instanceof ObjectNode o) {
                o.set(key, v);
            } else if (parent instanceof ArrayNode a) {
                a.set(index, v);
            }
        }

        void remove() {
            if (parent instanceof ObjectNode o) {
                o.remove(key);
            } else if (parent instanceof ArrayNode a) {
                a.remove(index);
            }
        }
    }

    static List<Place> places(JsonNode root) {
        List<Place> out = new ArrayList<>();
        collect(null, null, -1, root, out);
        return out;
    }

    private static void collect(ContainerNode<?> parent, String key, int index, JsonNode v, List<Place> out) {
        out.add(new Place(parent, key, index, v));
        if (v instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                collect(o, e.getKey(), -1, e.getValue(), out);
            }
        } else if (v instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                collect(a, null, i, a.get(i), out);
            }
        }
    }

    /** A non-root place, or null if the tree is only its root. */
    static Place inner(Mutated m, Random rng) {
        List<Place> all = places(m.tree);
        return all.size() <= 1 ? null : all.get(1 + rng.nextInt(all.size() - 1));
    }

    static <T> T pick(Random rng, List<T> values) {
        return values.get(rng.nextInt(values.size()));
    }

    static JsonNode randomValue(Random rng, JsonNode unlike) {
        for (int tries = 0; ; tries++) {
            JsonNode v = switch (rng.nextInt(8)) {
                case 0 -> NODES.textNode(pick(rng, List.of("", "x", "greedy", "20", "NaN", "true", "\u0000\u2028")));
                case 1 -> NODES.booleanNode(rng.nextBoolean());
                case 2 -> NODES.nullNode();
                case 3 -> NODES.objectNode().put("kind", "gmm");
                case 4 -> NODES.arrayNode().add(1).add("a");
                case 5 -> NODES.numberNode(rng.nextInt(41) - 20);
                case 6 -> NODES.numberNode(rng.nextGaussian() * 10);
                default -> NODES.arrayNode();
            };
            if (unlike == null || v.getNodeType() != unlike.getNodeType() || tries > 5) {
                return v;
            }
        }
    }

    static final List<String> KNOWN_KEYS = List.of("name", "model", "objective", "path", "solver", "steps", "scheme",
            "horizon", "lookaheadSolver", "scale", "dpsNormalize", "window", "particles", "seed", "metrics",
            "adjointSolver", "checkpoint", "trajectories", "noiseOptimization", "sweep");

    static void mutate(Mutated m, Kind kind, Random rng) {
        m.kinds.add(kind);
        Place p = inner(m, rng);
        switch (kind) {
            case DELETE -> {
                if (p != null) {
                    p.remove();
                }
            }
            case WRONG_TYPE -> {
                if (p != null) {
                    p.set(randomValue(rng, p.value()));
                }
            }
            case OUT_OF_RANGE -> {
                if (p != null) {
                    p.set(pick(rng, List.<JsonNode>of(NODES.numberNode(-1), NODES.numberNode(0),
                            NODES.numberNode(1_000_000_000), NODES.numberNode(-1e9), NODES.numberNode(2147483648L),
                            NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(Long.MIN_VALUE),
                            NODES.numberNode(new BigInteger("1000000000000000000000000000000")),
                            NODES.numberNode(1e-320), NODES.numberNode(1e7), NODES.numberNode(10_001),
                            NODES.numberNode(100_001), NODES.numberNode(4097), NODES.numberNode(65),
                            NODES.numberNode(0.5), NODES.numberNode(-0.0))));
                }
            }
            case HUGE -> {
                if (p != null) {
                    p.set(rng.nextBoolean() ? NODES.numberNode(pick(rng, List.of(1e308, -1e308, Double.MAX_VALUE)))
                            : m.sentinel(pick(rng, List.of("1e400", "-1e400", "1E+99999"))));
                }
            }
            case NON_FINITE -> {
                if (p != null) {
                    p.set(m.sentinel(pick(rng, List.of("NaN", "Infinity", "-Infinity", "+Infinity", "INF",
                            "-INF"))));
                }
            }
            case NEGATE -> {
                if (p != null) {
                    p.set(p.value().isNumber() ? NODES.numberNode(-p.value().doubleValue() - 1)
                            : NODES.numberNode(-1));
                }
            }
            case EMPTY -> {
                if (p != null) {
                    p.set(rng.nextBoolean() ? NODES.arrayNode() : NODES.objectNode());
                }
            }
            case DEEP -> {
                if (p != null) {
                    int depth = pick(rng, List.of(3, 50, 900, 2_000, 50_000));
                    boolean arrays = rng.nextBoolean();
                    String deep = arrays ? "[".repeat(depth) + "1" + "]".repeat(depth)
                            : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                    p.set(m.sentinel(deep));
                    m.loosen(PathRule.FIRST_STEP);
                }
            }
            case LONG_STRING -> {
                String s = "x\u00e9\"\\\t".repeat(20_000);
                if (p != null && rng.nextBoolean()) {
                    p.set(NODES.textNode(s));
                } else {
                    objectIn(m, rng).put(rng.nextBoolean() ? s : "k".repeat(5_000), 1);
                }
            }
            case UNKNOWN_KEY -> {
                String known = pick(rng, KNOWN_KEYS);
                String key = pick(rng, List.of(known + "s", known.toUpperCase(), known.substring(1), "", " ",
                        "a.b", "x[0]", "\"quoted\"", "\u0001ctl", "\ud83d\ude00", "particles", "kind", "sweep"));
                objectIn(m, rng).set(key, randomValue(rng, null));
            }
            case SWAP_IN_ARRAY -> {
                List<Place> arrays = places(m.tree).stream().filter(q -> q.value().isArray() && !q.value().isEmpty())
                        .toList();
                if (!arrays.isEmpty()) {
                    ArrayNode a = (ArrayNode) pick(rng, arrays).value();
                    int i = rng.nextInt(a.size());
                    a.set(i, randomValue(rng, a.get(i)));
                }
            }
            case VALID_VALUE -> validValue(m.tree, rng);
            case DUPLICATE_KEY -> {
                String key = pick(rng, KNOWN_KEYS);
                m.textEdits.add(s -> s.replaceFirst("\\{", "{\"" + key + "\":1,"));
            }
            case TRUNCATE -> {
                m.textEdits.add(s -> s.substring(0, rng.nextInt(s.length())));
                m.loosen(PathRule.PREFIX);
            }
            case RANDOM_BYTES -> {
                m.textEdits.add(s -> {
                    byte[] b = s.getBytes(StandardCharsets.UTF_8);
                    for (int i = 0, n = 1 + rng.nextInt(4); i < n && b.length > 0; i++) {
                        b[rng.nextInt(b.length)] = (byte) rng.nextInt(256);
                    }
                    return new String(b, StandardCharsets.ISO_8859_1);
                });
                m.raw = true;
                m.loosen(PathRule.SYNTAX);
            }
            case WHOLE_RANDOM -> {
                m.textEdits.add(s -> {
                    byte[] b = new byte[rng.nextInt(64)];
                    rng.nextBytes(b);
                    return new String(b, StandardCharsets.ISO_8859_1);
                });
                m.raw = true;
                m.loosen(PathRule.SYNTAX);
            }
            case LONG_DIGITS -> {
                if (p != null) {
                    p.set(m.sentinel(pick(rng, List.of("9".repeat(2_000), "1." + "0".repeat(2_000), "-" + "7".repeat(400)))));
                    m.loosen(PathRule.PREFIX);
                }
            }
        }
    }

    /** An object of the tree: the root, or a nested one. */
    static ObjectNode objectIn(Mutated m, Random rng) {
        List<Place> objects = places(m.tree).stream().filter(q -> q.value().isObject()).toList();
        return (ObjectNode) pick(rng, objects).value();
    }

    /** Sets a setting to a valid value (sometimes at a limit), so that mutated specs also run. */
    static void validValue(ObjectNode s, Random rng) {
        switch (rng.nextInt(12)) {
            case 0 -> s.put("scheme", pick(rng, CellSpec.SCHEMES));
            case 1 -> s.put("steps", 1 + rng.nextInt(6));
            case 2 -> s.put("particles", 1 + rng.nextInt(12));
            case 3 -> s.put("scale", pick(rng, List.of(0.0, 0.01, 1.0, 1e3, 1e6)));
            case 4 -> s.put("path", pick(rng, gw.path.Paths.NAMES));
            case 5 -> s.put("solver", pick(rng, gw.solver.Solvers.NAMES));
            case 6 -> s.put("horizon", 1 + rng.nextInt(4));
            case 7 -> {
                double a = rng.nextInt(5) / 4.0;
                double b = a + rng.nextInt(5) / 4.0;
                s.putArray("window").add(a).add(Math.min(b, 1.0));
            }
            case 8 -> s.put("seed", rng.nextInt(1000));
            case 9 -> s.put("dpsNormalize", rng.nextBoolean());
            case 10 -> s.put("trajectories", rng.nextInt(20));
            default -> {
                ObjectNode sweep = s.has("sweep") && s.get("sweep").isObject() ? (ObjectNode) s.get("sweep")
                        : s.putObject("sweep");
                sweep.putArray("lookaheadSolver").add(pick(rng, gw.solver.Solvers.NAMES));
            }
        }
    }

    // ---- paths ---------------------------------------------------------------------------------------------

    /** Field paths as Field writes them: name, .name, [index], ["quoted name"] (quoted names shortened with ...). */
    static final class PathSteps {
        private PathSteps() {
        }

        /** The steps of a path (String names, Integer indices), or null if it is not well formed. */
        static List<Object> parse(String path) {
            List<Object> out = new ArrayList<>();
            int i = 0;
            while (i < path.length()) {
                char c = path.charAt(i);
                if (c == '[') {
                    if (i + 1 < path.length() && path.charAt(i + 1) == '"') {
                        StringBuilder b = new StringBuilder();
                        int j = i + 2;
                        for (; j < path.length() && path.charAt(j) != '"'; j++) {
                            char d = path.charAt(j);
                            if (d == '\\' && j + 1 < path.length()) {
                                char e = path.charAt(++j);
                                if (e == 'u' && j + 4 < path.length()) {
                                    b.append((char) Integer.parseInt(path.substring(j + 1, j + 5), 16));
                                    j += 4;
                                } else {
                                    b.append(e);
                                }
                            } else {
                                b.append(d);
                            }
                        }
                        if (j + 1 >= path.length() || path.charAt(j + 1) != ']') {
                            return null;
                        }
                        out.add(new Quoted(b.toString()));
                        i = j + 2;
                    } else {
                        int close = path.indexOf(']', i);
                        if (close < 0) {
                            return null;
                        }
                        try {
                            out.add(Integer.parseInt(path.substring(i + 1, close)));
                        } catch (NumberFormatException e) {
                            return null;
                        }
                        i = close + 1;
                    }
                } else {
                    if (c == '.') {
                        if (out.isEmpty()) {
                            return null;
                        }
                        i++;
                    } else if (!out.isEmpty()) {
                        return null;
                    }
                    int j = i;
                    while (j < path.length() && path.charAt(j) != '.' && path.charAt(j) != '[') {
                        j++;
                    }
                    String name = path.substring(i, j);
                    if (!name.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
                        return null;
                    }
                    out.add(name);
                    i = j;
                }
            }
            return out;
        }

        /** A quoted name; Field shortens long ones to their first 40 characters and "...". */
        record Quoted(String text) {
            boolean matches(String key) {
                return key.equals(text) || (text.endsWith("...") && key.startsWith(text.substring(0,
                        text.length() - 3)));
            }
        }

        static boolean resolves(JsonNode root, List<Object> steps) {
            JsonNode n = root;
            for (Object step : steps) {
                if (n == null) {
                    return false;
                }
                if (step instanceof Integer i) {
                    n = n.isArray() && i < n.size() ? n.get(i) : null;
                } else if (step instanceof Quoted q) {
                    JsonNode found = null;
                    if (n.isObject()) {
                        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                            String k = it.next();
                            if (q.matches(k)) {
                                found = n.get(k);
                                break;
                            }
                        }
                    }
                    n = found;
                } else {
                    n = n.isObject() ? n.get((String) step) : null;
                }
            }
            return n != null;
        }
    }

    @Test
    void pathsParseAsFieldWritesThem() {
        assertEquals(List.of("model", "means", 2, 0), PathSteps.parse("model.means[2][0]"));
        assertEquals(List.of(new PathSteps.Quoted("a b")), PathSteps.parse("[\"a b\"]"));
        assertEquals(List.of("sweep", new PathSteps.Quoted("x\"y")), PathSteps.parse("sweep[\"x\\\"y\"]"));
        assertEquals(List.of(), PathSteps.parse(""));
        assertEquals(null, PathSteps.parse("a..b"));
        String odd = "\u0001" + "z".repeat(60);
        String path = Field.childPath("metrics", odd);
        assertTrue(PathSteps.resolves(NODES.objectNode().set("metrics", NODES.objectNode().put(odd, 1)),
                PathSteps.parse(path)), path);
    }
}
