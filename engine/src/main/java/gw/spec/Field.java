package gw.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A value of a JSON spec together with its path ({@code model.weights[1]}), with typed readers that validate
 * as they read and throw {@link SpecException} naming the path and what is allowed. Readers never return
 * NaN or infinite numbers: a spec may spell {@code NaN} or {@code Infinity} (or overflow, {@code 1e400}),
 * and the reader rejects it here, where the field can still be named.
 */
public final class Field {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final int SHOWN_CHARS = 40;

    private final JsonNode node;
    private final String path;

    private Field(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The whole document; its path is empty. */
    public static Field root(JsonNode node) {
        return new Field(node, "");
    }

    public String path() {
        return path;
    }

    public JsonNode node() {
        return node;
    }

    /** An error about this field. */
    public SpecException error(String problem) {
        return new SpecException(path, problem);
    }

    /** Throws {@link #error} with {@code problem} unless {@code ok}. */
    public void require(boolean ok, String problem) {
        if (!ok) {
            throw error(problem);
        }
    }

    // ---- objects -------------------------------------------------------------------------------------------

    /** Requires a JSON object (any keys; check them with {@link #object(Collection)} once they are known). */
    public Field object() {
        if (!node.isObject()) {
            throw error("must be an object, got " + describe(node));
        }
        return this;
    }

    /** Requires a JSON object whose keys are all in {@code allowed}; unknown keys are rejected, so typos show. */
    public Field object(Collection<String> allowed) {
        object();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw child(name).error("unknown field; allowed here: " + String.join(", ", allowed));
            }
        }
        return this;
    }

    /** A required member of this object. */
    public Field get(String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            throw child(name).error("missing required field");
        }
        return new Field(value, childPath(name));
    }

    /** An optional member of this object; JSON null counts as present (and is then rejected by its reader). */
    public Optional<Field> optional(String name) {
        JsonNode value = node.get(name);
        return value == null ? Optional.empty() : Optional.of(new Field(value, childPath(name)));
    }

    public boolean has(String name) {
        return node.has(name);
    }

    private Field child(String name) {
        return new Field(null, childPath(name));
    }

    private String childPath(String name) {
        return childPath(path, name);
    }

    /** The path of member {@code name} under {@code parent}: a.b for short plain keys, a["odd key"] otherwise. */
    static String childPath(String parent, String name) {
        // long names are quoted, which shortens them: an error line names the field, it does not repeat it
        String step = PLAIN_KEY.matcher(name).matches() && name.length() <= SHOWN_CHARS ? name
                : "[" + quote(name) + "]";
        return parent.isEmpty() || step.startsWith("[") ? parent + step : parent + "." + step;
    }

    // ---- arrays --------------------------------------------------------------------------------------------

    /** Requires a JSON array of {@code min} to {@code max} entries; returns its entries. */
    public List<Field> array(int min, int max) {
        if (!node.isArray()) {
            throw error("must be an array, got " + describe(node));
        }
        int n = node.size();
        if (n < min || n > max) {
            throw error("must have " + range(min, max) + " entries, got " + n);
        }
        List<Field> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Field(node.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    /** Requires a JSON array of exactly {@code length} entries; {@code why} names where the length comes from. */
    public List<Field> array(int length, String why) {
        if (!node.isArray()) {
            throw error("must be an array, got " + describe(node));
        }
        if (node.size() != length) {
            throw error("must have " + length + " entries (" + why + "), got " + node.size());
        }
        return array(length, length);
    }

    /** An array of {@code min} to {@code max} finite numbers. */
    public double[] vector(int min, int max) {
        return numbers(array(min, max));
    }

    /** An array of exactly {@code length} finite numbers. */
    public double[] vector(int length, String why) {
        return numbers(array(length, why));
    }

    private static double[] numbers(List<Field> entries) {
        double[] v = new double[entries.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = entries.get(i).number();
        }
        return v;
    }

    // ---- scalars -------------------------------------------------------------------------------------------

    /** A finite number. */
    public double number() {
        if (!node.isNumber()) {
            throw error("must be a number, got " + describe(node));
        }
        double v = node.doubleValue();
        if (Double.isNaN(v)) {
            throw error("must be a finite number, got NaN");
        }
        if (Double.isInfinite(v)) {
            throw error("must be a finite number, got " + v + " (the token, or a number beyond +-1.8e308)");
        }
        return v;
    }

    /** A finite number > 0. */
    public double positive() {
        double v = number();
        require(v > 0, "must be > 0, got " + v);
        return v;
    }

    /** A finite number >= 0. */
    public double nonNegative() {
        double v = number();
        require(v >= 0, "must be >= 0, got " + v);
        return v;
    }

    /** An integer in [min, max]; integral floating-point spellings such as 20.0 are accepted. */
    public int integer(int min, int max) {
        long v = integer();
        require(v >= min && v <= max, "must be an integer from " + min + " to " + max + ", got "
                + shortened(node.asText()));
        return (int) v;
    }

    /** An integer, saturated to the long range (huge values stay out of any int range check). */
    public long integer() {
        if (!node.isNumber()) {
            throw error("must be an integer, got " + describe(node));
        }
        if (node.isIntegralNumber()) {
            BigInteger b = node.bigIntegerValue();
            if (b.bitLength() > 63) {
                return b.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
            }
            return b.longValue();
        }
        double d = node.doubleValue();
        if (!Double.isFinite(d) || d != Math.rint(d)) {
            throw error("must be an integer, got "
                    + (Double.isFinite(d) ? shortened(node.asText()) : String.valueOf(d)));
        }
        return d >= 0x1p63 ? Long.MAX_VALUE : d <= -0x1p63 ? Long.MIN_VALUE : (long) d;
    }

    public String string() {
        if (!node.isTextual()) {
            throw error("must be a string, got " + describe(node));
        }
        return node.textValue();
    }

    /** A string from a fixed list. */
    public String oneOf(List<String> allowed) {
        String s = string();
        require(allowed.contains(s), "unknown value " + quote(s) + "; allowed: " + String.join(", ", allowed));
        return s;
    }

    // ---- messages ------------------------------------------------------------------------------------------

    private static String range(int min, int max) {
        if (min == max) {
            return "exactly " + min;
        }
        return max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
    }

    /** A short, one-line description of a JSON value for messages. */
    static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            return "a string " + quote(n.textValue());
        }
        if (n.isBoolean()) {
            return n.asText();
        }
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return "an array";
        }
        return shortened(n.asText());
    }

    /** A number's text, cut after {@link #SHOWN_CHARS} characters: an error line names a value, it does not copy it. */
    static String shortened(String text) {
        return text.length() <= SHOWN_CHARS ? text
                : text.substring(0, SHOWN_CHARS) + "... (" + text.length() + " characters)";
    }

    /** A string quoted and escaped onto one line, shortened when long. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        int n = Math.min(s.length(), SHOWN_CHARS);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c) || c == 0x2028
                    || c == 0x2029) {
                // C0 and C1 controls (U+0085 is a line break to some terminals) and the Unicode separators
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (s.length() > n) {
            b.append("...");
        }
        return b.append('"').toString();
    }
}
