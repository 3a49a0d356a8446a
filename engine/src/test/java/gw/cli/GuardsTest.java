package gw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Work and memory are estimated and every option checked before anything runs; errors echo values safely. */
class GuardsTest {
    @TempDir
    Path dir;

    private static void assertUsage(Cli.Result r, String words) {
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out(), "nothing measured before the error");
        assertTrue(r.err().contains(words), r.err());
    }

    @Test
    void benchValidatesEveryOptionFirst() {
        assertUsage(Cli.run("bench", "--horizons", "1,bogus", "--particles", "8", "--steps", "2"), "got 'bogus'");
        assertUsage(Cli.run("bench", "--scale", "NaN"), "--scale must be in 0..1e6, got NaN");
        assertUsage(Cli.run("bench", "--horizons", "10000", "--particles", "1000000"), "multiply-adds");
        assertUsage(Cli.run("bench", "--horizons", "10000", "--particles", "100000", "--steps", "1", "--runs", "1",
                "--warmup", "0"), "MiB for one backward pass");
        assertUsage(Cli.run("memory-bench", "--solver", "bogus"), "--solver must be one of");
    }

    @Test
    void benchCountsThePassesEndToEndRuns() {
        // N = 50: end-to-end makes N (N + 1) = 2550 passes a run (not 2 N per step, 5050), each about 3.8e4
        // multiply-adds per point on the shipped MLP: 4096 points, 3.9e11 a run; a warm-up and a run fit, three don't
        String model = Path.of("..", "assets", "models", "gmm3").toString();
        assertUsage(Cli.run("bench", "--model", "mlp", "--model-file", model, "--horizons", "1,all", "--runs", "2",
                "--warmup", "1"), "--horizons all with --particles 4096 and --steps 50 would take about 1.2e+12");
    }

    private Cli.Result run(ObjectNode spec) throws Exception {
        Path f = dir.resolve("spec.json");
        Files.writeString(f, spec.toString());
        return Cli.run("run", f.toString(), "--out", dir.resolve("out").toString());
    }

    @Test
    void runRefusesWhatWouldNotFitBeforeWork() throws Exception {
        ObjectNode deep = RunCommandTest.spec(10000, 2).put("scheme", "lookahead").put("horizon", 100000);
        deep.putObject("metrics").put("particles", 0);
        Cli.Result r = run(deep);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("MiB in memory at once"), r.err());
        assertFalse(Files.exists(dir.resolve("out")), "refused before the run directory was made");

        ObjectNode wide = RunCommandTest.spec(1_000_000, 1).put("scheme", "none");
        wide.putObject("metrics").put("particles", 0);
        ObjectNode g = wide.putObject("model").put("kind", "gaussian");
        ArrayNode mean = g.putArray("mean");
        ArrayNode std = g.putArray("std");
        ArrayNode target = wide.putObject("objective").put("kind", "squared-distance").putArray("target");
        for (int i = 0; i < 4096; i++) {
            mean.add(0.0);
            std.add(1.0);
            target.add(0.0);
        }
        r = run(wide);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("do not fit one array"), r.err());
    }

    @Test
    void echoedValuesStayOnOneShortLine() throws Exception {
        ObjectNode s = RunCommandTest.spec(4, 2);
        s.put("odd\u0085key", 1);
        Cli.Result r = run(s);
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().split("[\n\u0085\u2028]").length, "one line: " + r.err());
        assertTrue(r.err().contains("\\u0085"), "escaped: " + r.err());

        ObjectNode big = RunCommandTest.spec(4, 2);
        big.set("steps", Cli.JSON.readTree("1" + "0".repeat(999)));
        r = run(big);
        assertEquals(2, r.code());
        assertTrue(r.err().length() < 300 && r.err().contains("(1000 characters)"), r.err());
    }
}
