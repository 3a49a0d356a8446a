package gw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The probe example shipped as assets/examples/probe.json: the same spec as docs/CLI.md shows, and it runs. */
class ProbeExampleTest {
    /** Tests run in engine/ under Maven, in the repository root from an IDE. */
    static Path repoFile(String relative) {
        Path p = Path.of(relative);
        return Files.exists(p) ? p : Path.of("..").resolve(relative);
    }

    @Test
    void theDocumentedSpecIsTheShippedFile() throws IOException {
        String doc = Files.readString(repoFile("docs/CLI.md"));
        int start = doc.indexOf("```json\n", doc.indexOf("### Spec")) + "```json\n".length();
        String block = doc.substring(start, doc.indexOf("```", start));
        assertEquals(Cli.JSON.readTree(block), Cli.JSON.readTree(repoFile("assets/examples/probe.json").toFile()));
    }

    @Test
    void theExampleRunsAndALongerLookaheadComesCloserToTheIdeal() throws IOException {
        Path spec = repoFile("assets/examples/probe.json");
        Cli.Result r = Cli.run("probe", spec.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        JsonNode results = r.json().get("results");
        assertEquals(0.25, r.json().get("t").asDouble(), 1e-15, "index 5 of 20 steps");
        assertEquals(2, results.size(), "one result per point");
        for (JsonNode p : results) {
            JsonNode la = p.get("lookahead");
            assertEquals(4, la.size(), "one entry per horizon");
            assertEquals(15, la.get(3).get("horizon").asInt());
            // H = 15 is the whole remaining solve (N - i = 15 Heun steps): close to the exact flow's gradient, and
            // much closer than the one-step lookahead
            double one = la.get(0).get("relativeError").asDouble();
            double whole = la.get(3).get("relativeError").asDouble();
            assertTrue(whole < 0.1 && whole < one / 5, "H = 1: " + one + ", H = 15: " + whole);
            assertTrue(la.get(3).get("cosine").asDouble() > 0.99, la.get(3).toString());
        }
    }
}
