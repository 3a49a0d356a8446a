package gw.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reusable reader: paths, typed reads, and the messages a later experiment spec will share. */
class FieldTest {

    static Field parse(String json) {
        return SpecReader.parse(json.getBytes(StandardCharsets.UTF_8), "test");
    }

    static SpecException fails(Runnable r) {
        return assertThrows(SpecException.class, r::run);
    }

    @Test
    void pathsUseDotsForKeysAndBracketsForIndices() {
        Field root = parse("{\"a\": {\"b\": [[1, 2], [3, \"x\"]]}, \"odd key\": {\"c\": 1}}");
        Field b = root.get("a").get("b");
        assertEquals("a.b", b.path());
        assertEquals("a.b[1][0]", b.array(2, 2).get(1).array(2, 2).get(0).path());
        SpecException e = fails(() -> b.array(2, 2).get(1).vector(2, "two"));
        assertEquals("a.b[1][1]", e.field());
        assertEquals("a.b[1][1]: must be a number, got a string \"x\"", e.getMessage());
        assertEquals("[\"odd key\"].c", root.get("odd key").get("c").path());
    }

    @Test
    void missingAndUnknownFieldsNameTheirPath() {
        Field root = parse("{\"model\": {\"kind\": \"gmm\", \"wieghts\": [1]}}");
        assertEquals("model.weights", fails(() -> root.get("model").get("weights")).field());
        SpecException e = fails(() -> root.get("model").object(List.of("kind", "weights")));
        assertEquals("model.wieghts: unknown field; allowed here: kind, weights", e.getMessage());
    }

    @Test
    void longKeysAreShortenedInPaths() {
        String forty = "k".repeat(40);
        assertEquals("a." + forty, Field.childPath("a", forty));
        String key = "k".repeat(5000);
        SpecException e = fails(() -> parse("{\"a\": {\"" + key + "\": 1}}").get("a").object(List.of("b")));
        assertEquals("a[\"" + forty + "...\"]", e.field());
        assertEquals("a[\"" + forty + "...\"]: unknown field; allowed here: b", e.getMessage());
    }

    @Test
    void integersAcceptIntegralSpellingsOnly() {
        Field root = parse("{\"a\": 20, \"b\": 20.0, \"c\": 2e1, \"d\": 20.5, \"e\": 123456789012345678901234567890,"
                + " \"f\": \"20\", \"g\": -3}");
        assertEquals(20, root.get("a").integer(1, 100));
        assertEquals(20, root.get("b").integer(1, 100));
        assertEquals(20, root.get("c").integer(1, 100));
        assertEquals("d: must be an integer, got 20.5", fails(() -> root.get("d").integer(1, 100)).getMessage());
        assertEquals(Long.MAX_VALUE, root.get("e").integer());
        assertEquals("e: must be an integer from 1 to 100, got 123456789012345678901234567890",
                fails(() -> root.get("e").integer(1, 100)).getMessage());
        assertEquals("f: must be an integer, got a string \"20\"", fails(() -> root.get("f").integer()).getMessage());
        assertEquals(-3, root.get("g").integer());
    }

    @Test
    void nonFiniteNumbersParseAndAreRejectedByField() {
        Field root = parse("{\"v\": [1, NaN, Infinity, -Infinity, 1e400, -1e400]}");
        List<Field> v = root.get("v").array(6, 6);
        assertEquals(1.0, v.get(0).number());
        for (int i = 1; i < 6; i++) {
            SpecException e = fails(v.get(i)::number);
            assertEquals("v[" + i + "]", e.field());
            assertEquals(true, e.problem().startsWith("must be a finite number"), e.problem());
        }
    }

    @Test
    void vectorsCheckTheirLength() {
        Field root = parse("{\"v\": [1.5, -2], \"w\": []}");
        assertArrayEquals(new double[] {1.5, -2}, root.get("v").vector(2, "D"));
        assertEquals("v: must have 3 entries (D = 3), got 2", fails(() -> root.get("v").vector(3, "D = 3")).getMessage());
        assertEquals("w: must have 1 to 4 entries, got 0", fails(() -> root.get("w").vector(1, 4)).getMessage());
        assertEquals("w: must have at least 1 entries, got 0",
                fails(() -> root.get("w").vector(1, Integer.MAX_VALUE)).getMessage());
    }

    @Test
    void stringsAreQuotedOntoOneLine() {
        Field root = parse("{\"k\": \"a\\nb\\\"c\"}");
        SpecException e = fails(() -> root.get("k").oneOf(List.of("x", "y")));
        assertEquals("k: unknown value \"a\\u000ab\\\"c\"; allowed: x, y", e.getMessage());
        assertEquals("\"" + "z".repeat(40) + "...\"", Field.quote("z".repeat(100)));
    }

    @Test
    void readerRejectsDuplicatesTrailingContentAndNonObjects() {
        assertEquals("a", fails(() -> parse("{\"a\": 1, \"a\": 2}")).field());
        fails(() -> parse("{\"a\": 1} 2"));
        assertEquals("spec: must be a JSON object, got an array", fails(() -> parse("[]")).getMessage());
        assertEquals("spec: test is empty; expected a JSON object", fails(() -> parse("  ")).getMessage());
        SpecException e = fails(() -> parse("{\"a\": [1, 2,]}"));
        assertEquals(true, e.problem().startsWith("not valid JSON at line 1, column 13 of test: "), e.problem());
    }
}
