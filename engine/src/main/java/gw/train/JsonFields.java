package gw.train;

import com.fasterxml.jackson.databind.JsonNode;
import gw.spec.SpecException;
import java.util.Iterator;
import java.util.Set;

/** Strict reading of one JSON object of a train spec: unknown fields, wrong types and ranges name the field. */
final class JsonFields {
    private final JsonNode node;
    private final String prefix;

    JsonFields(JsonNode node, String prefix, Set<String> allowed) {
        if (node == null || node.isNull()) {
            node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            throw new SpecException(prefix, "must be a JSON object");
        }
        this.node = node;
        this.prefix = prefix;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new SpecException(field(f), "unknown field; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    String field(String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    boolean has(String name) {
        return node.has(name) && !node.get(name).isNull();
    }

    JsonNode get(String name) {
        return node.get(name);
    }

    String text(String name, String fallback) {
        if (!has(name)) {
            if (fallback == null) {
                throw new SpecException(field(name), "is required");
            }
            return fallback;
        }
        JsonNode n = node.get(name);
        if (!n.isTextual()) {
            throw new SpecException(field(name), "must be a string");
        }
        return n.asText();
    }

    long integer(String name, long fallback, long min, long max) {
        if (!has(name)) {
            return fallback;
        }
        JsonNode n = node.get(name);
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < min || n.asLong() > max) {
            throw new SpecException(field(name), "must be an integer in " + min + ".." + max + ", got " + n);
        }
        return n.asLong();
    }

    /** A number in (min, max] when {@code openMin}, else [min, max]. */
    double number(String name, double fallback, double min, boolean openMin, double max) {
        if (!has(name)) {
            return fallback;
        }
        JsonNode n = node.get(name);
        double v = n.asDouble();
        boolean ok = n.isNumber() && Double.isFinite(v) && (openMin ? v > min : v >= min) && v <= max;
        if (!ok) {
            throw new SpecException(field(name), "must be a number in " + (openMin ? "(" : "[") + min + ", " + max
                    + "], got " + n);
        }
        return v;
    }
}
