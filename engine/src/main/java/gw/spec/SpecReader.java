package gw.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads a JSON spec file into a root {@link Field}. Strict where it helps users: duplicate keys and trailing
 * content are errors. Lenient where it helps validation: NaN and Infinity tokens parse, so that the field holding
 * them can be named by the reader that rejects them. Every failure is a one-line {@link SpecException}.
 */
public final class SpecReader {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Steps of a path into invalid JSON: deeper nesting is named by its ancestor, so the line stays short. */
    static final int MAX_PATH_DEPTH = 16;

    private SpecReader() {
    }

    /** Reads and parses a spec file; the root must be a JSON object. */
    public static Field read(Path file) {
        byte[] bytes;
        try {
            // attributes, not Files.isRegularFile: that says "false" for a file it may not read, too
            if (!Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).isRegularFile()) {
                throw new SpecException("", "cannot read " + file + ": not a regular file");
            }
            long size = Files.size(file);
            if (size > Limits.MAX_SPEC_BYTES) {
                throw new SpecException("", file + " has " + size + " bytes; at most " + Limits.MAX_SPEC_BYTES
                        + " are allowed");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SpecException("", "cannot read " + file + ": " + oneLine(SpecException.reason(e)));
        }
        return parse(bytes, file.toString());
    }

    /** Parses spec text; {@code source} names it in messages. */
    public static Field parse(byte[] json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new SpecException(pathOf(e), "not valid JSON" + where + " of " + source + ": "
                    + jacksonMessage(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new SpecException("", "cannot parse " + source + ": " + oneLine(String.valueOf(e.getMessage())));
        }
        if (root == null || root.isMissingNode()) {
            throw new SpecException("", source + " is empty; expected a JSON object");
        }
        Field f = Field.root(root);
        if (!root.isObject()) {
            throw f.error("must be a JSON object, got " + Field.describe(root));
        }
        return f;
    }

    /** The JSON path where the parser stopped, in the same notation as {@link Field#path()}. */
    private static String pathOf(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser p)) {
            return "";
        }
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = p.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        String path = "";
        int depth = 0;
        for (JsonStreamContext c : chain) {
            if (++depth > MAX_PATH_DEPTH) {
                break; // an ancestor of the spot, which the message locates by line and column
            }
            if (c.inArray()) {
                path += "[" + Math.max(c.getCurrentIndex(), 0) + "]";
            } else if (c.getCurrentName() != null) {
                path = Field.childPath(path, c.getCurrentName());
            }
        }
        return path;
    }

    /** Jackson's message without its "(start marker at [Source: ...; line: L, column: C])" detail. */
    private static String jacksonMessage(String m) {
        String s = oneLine(m).replaceAll(
                "\\s*\\(start marker at \\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]\\)",
                " (opened at line $1, column $2)");
        return s.replaceAll("\\s*\\[Source: [^\\]]*\\]", "");
    }

    /** Collapses a message onto one line and drops control characters. */
    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029 ? ' ' : c);
        }
        return b.toString().trim();
    }
}
