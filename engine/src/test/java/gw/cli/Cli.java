package gw.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the command line in-process and builds spec files, for the CLI tests. */
final class Cli {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Exit code and everything written to stdout and stderr. */
    record Result(int code, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    static Result probe(Path dir, String specText) throws IOException {
        Path f = Files.createTempFile(dir, "spec", ".json");
        Files.writeString(f, specText, StandardCharsets.UTF_8);
        return run("probe", f.toString());
    }

    static Result probe(Path dir, JsonNode spec) throws IOException {
        return probe(dir, JSON.writeValueAsString(spec));
    }

    /** The oracle file's mixture, loss and cases. */
    static JsonNode oracle() throws IOException {
        try (InputStream in = Cli.class.getResourceAsStream("/reference/gmm2d_oracle.json")) {
            return JSON.readTree(in);
        }
    }

    /** A small valid spec on the oracle's mixture: ot, heun, t = 19/20, two points, horizons 1 and 2. */
    static ObjectNode validSpec() throws IOException {
        JsonNode o = oracle();
        ObjectNode s = JSON.createObjectNode();
        ObjectNode m = s.putObject("model");
        m.put("kind", "gmm");
        for (String k : new String[] {"weights", "means", "stds"}) {
            m.set(k, o.get("model").get(k).deepCopy());
        }
        s.put("path", "ot");
        s.put("solver", "heun");
        s.put("steps", 20);
        s.put("index", 19);
        ObjectNode obj = s.putObject("objective");
        obj.put("kind", "squared-distance");
        obj.set("target", o.get("loss").get("target").deepCopy());
        ArrayNode points = s.putArray("points");
        points.addArray().add(-0.5).add(1.0);
        points.addArray().add(0.25).add(-2.0);
        s.putArray("horizons").add(1).add(2);
        return s;
    }

    /** A valid measurement objective on D = 2 with M = 3 rows. */
    static ObjectNode measurement() {
        ObjectNode obj = JSON.createObjectNode();
        obj.put("kind", "measurement");
        ArrayNode a = obj.putArray("operator");
        a.addArray().add(1.0).add(0.0);
        a.addArray().add(0.0).add(1.0);
        a.addArray().add(1.0).add(1.0);
        obj.putArray("y").add(1.5).add(0.5).add(2.0);
        obj.put("noiseStd", 0.5);
        return obj;
    }
}
