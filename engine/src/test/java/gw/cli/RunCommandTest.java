package gw.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gw.experiment.Npy;
import gw.experiment.ResultsWriter;
import gw.spec.ExperimentJson;
import gw.spec.ExperimentJsonTest;
import gw.spec.ExperimentSpec;
import gw.tensor.Batch;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gw run SPEC.json --out DIR} in-process: the files of a run directory and what they hold, refusing to
 * overwrite a run, validation before any file is written, cancelling with a resumable directory, failed cells,
 * and determinism.
 */
class RunCommandTest {
    static final String STEPS_HEADER =
            "cell,index,t,nfe,vjps,guidance_ms,rel_error_mean,rel_error_median,cosine_mean,abs_error_mean,zero_references,peak_retained_bytes";

    @TempDir
    Path dir;

    /** The ExperimentRunTest mixture and loss, with small settings. */
    static ObjectNode spec(int particles, int steps) {
        ObjectNode s = ExperimentJsonTest.minimalSpec();
        s.put("name", "run-test");
        s.put("solver", "heun").put("particles", particles).put("steps", steps).put("seed", 5);
        s.putObject("metrics").put("particles", 2).put("idealTolerance", 1e-5);
        return s;
    }

    /** Four cells: greedy and lookahead, unguided (scale 0) and guided. */
    static ObjectNode sweepSpec() {
        ObjectNode s = spec(16, 5);
        ObjectNode sweep = s.putObject("sweep");
        sweep.putArray("scheme").add("greedy").add("lookahead");
        sweep.putArray("scale").add(0.0).add(0.2);
        return s;
    }

    Path write(String name, JsonNode spec) throws IOException {
        return write(name, Cli.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(spec));
    }

    Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    static JsonNode results(Path out) throws IOException {
        return Cli.JSON.readTree(out.resolve("results.json").toFile());
    }

    static List<String> statuses(JsonNode results) {
        List<String> out = new ArrayList<>();
        results.get("cells").forEach(c -> out.add(c.get("status").asText()));
        return out;
    }

    @Test
    void aSweepWritesResultsStepsAndSamples() throws IOException {
        Path specFile = write("sweep.json", sweepSpec().put("description", "Greedy against lookahead, unguided and guided."));
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("run", specFile.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("run-test\nGreedy against lookahead, unguided and guided.\n\ncell "),
                "the description above the table: " + r.out());
        assertEquals(1 + 2 + 1 + 4 + 4, r.out().split("\n").length,
                "title, description and a blank line, header, a row per cell, four notes:\n" + r.out());
        assertTrue(r.out().contains("median of 5 runs"), "says how many timed runs: " + r.out());
        assertFalse(r.out().contains("NaN") || r.out().contains("Infinity"), r.out());
        for (String line : r.err().split("\n")) {
            assertTrue(line.matches("\\[ *\\d+%] cell \\d/4 .*"), "stderr has only progress lines: " + line);
        }

        ExperimentSpec spec = ExperimentJson.read(specFile);
        JsonNode results = results(out);
        assertEquals(ResultsWriter.VERSION, results.get("version").asText());
        assertEquals("run-test", results.get("name").asText());
        assertEquals(Cli.JSON.readTree(specFile.toFile()), results.get("spec"), "the spec is echoed as given");
        JsonNode cells = results.get("cells");
        assertEquals(4, cells.size());
        for (int i = 0; i < 4; i++) {
            JsonNode c = cells.get(i);
            assertEquals(i, c.get("index").asInt());
            assertEquals("complete", c.get("status").asText());
            assertFalse(c.has("error"));
            assertEquals(Cli.JSON.valueToTree(spec.sweptValues(i)), c.get("settings"));
            JsonNode summary = c.get("summary");
            for (String key : List.of("meanLoss", "medianLoss", "meanLogLikelihood", "samplingNfe", "guidanceNfe",
                    "guidanceVjps", "samplingMs", "guidanceMs", "metricsMs", "peakRetainedBytes")) {
                assertTrue(summary.get(key).isNumber(), "cell " + i + " " + key + ": " + summary);
            }
            boolean guided = spec.cells().get(i).scale() > 0;
            assertEquals(guided, summary.get("meanRelativeError").isNumber(), "measured only when guided");
            assertEquals(guided, summary.get("meanCosine").isNumber());
            assertEquals(String.format("samples/cell-%03d.npy", i), c.get("files").get("samples").asText());
            assertEquals(String.format("samples/cell-%03d.csv", i), c.get("files").get("samplesCsv").asText());
        }
        // cells 0 and 2 are unguided (scale 0): the same noise gives the same samples whatever the scheme
        assertArrayEquals(Files.readAllBytes(out.resolve("samples/cell-000.npy")),
                Files.readAllBytes(out.resolve("samples/cell-002.npy")));

        List<String> steps = Files.readAllLines(out.resolve("steps.csv"));
        assertEquals(STEPS_HEADER, steps.get(0));
        assertEquals(1 + 4 * 5, steps.size(), "one row per grid step of every cell");
        for (int cell = 0; cell < 4; cell++) {
            for (int j = 0; j < 5; j++) {
                String[] row = steps.get(1 + cell * 5 + j).split(",", -1);
                assertEquals(12, row.length);
                assertEquals(cell, Integer.parseInt(row[0]));
                assertEquals(j, Integer.parseInt(row[1]));
                assertEquals(j / 5.0, Double.parseDouble(row[2]), 1e-15);
                boolean guided = spec.cells().get(cell).scale() > 0;
                assertEquals(guided, !row[6].isEmpty(), "relative error only on guided steps: " + steps.get(1 + cell * 5 + j));
            }
        }

        for (int i = 0; i < 4; i++) {
            Batch npy = Npy.read(Files.readAllBytes(out.resolve(String.format("samples/cell-%03d.npy", i))));
            assertEquals(16, npy.rows());
            assertEquals(2, npy.cols());
            List<String> csv = Files.readAllLines(out.resolve(String.format("samples/cell-%03d.csv", i)));
            assertEquals("x0,x1,loss,log_likelihood", csv.get(0));
            assertEquals(1 + 16, csv.size());
            double lossSum = 0;
            for (int p = 0; p < 16; p++) {
                String[] row = csv.get(1 + p).split(",");
                assertEquals(npy.get(p, 0), Double.parseDouble(row[0]), 0.0, "cell " + i + " row " + p);
                assertEquals(npy.get(p, 1), Double.parseDouble(row[1]), 0.0, "cell " + i + " row " + p);
                double dx = npy.get(p, 0) - 1.5;
                double dy = npy.get(p, 1) - 0.5;
                assertEquals(0.5 * (dx * dx + dy * dy), Double.parseDouble(row[2]), 1e-12, "the loss column");
                lossSum += Double.parseDouble(row[2]);
            }
            assertEquals(lossSum / 16, results.get("cells").get(i).get("summary").get("meanLoss").asDouble(),
                    1e-12);
        }
        assertNoTemporaryFiles(out);
    }

    @Test
    void aSecondRunIntoTheSameDirectoryIsRefused() throws IOException {
        Path specFile = write("sweep.json", spec(8, 3));
        Path out = dir.resolve("out");
        assertEquals(0, Cli.run("run", specFile.toString(), "--out", out.toString()).code());
        byte[] before = Files.readAllBytes(out.resolve("results.json"));
        Cli.Result again = Cli.run("run", specFile.toString(), "--out", out.toString());
        ProbeValidationTest.assertInvalid(again, "--out", "already holds results.json; use --resume");
        assertArrayEquals(before, Files.readAllBytes(out.resolve("results.json")), "the old run is untouched");

        Path other = write("other.json", spec(8, 4));
        ProbeValidationTest.assertInvalid(Cli.run("run", other.toString(), "--out", out.toString(), "--resume"),
                "--resume", "was written for a different spec");
        assertArrayEquals(before, Files.readAllBytes(out.resolve("results.json")));
    }

    @Test
    void anOutputPathThatIsAFileIsInvalidInput() throws IOException {
        Path specFile = write("sweep.json", spec(8, 3));
        Path file = write("taken", "not a directory");
        ProbeValidationTest.assertInvalid(Cli.run("run", specFile.toString(), "--out", file.toString()), "--out",
                "is not a directory");
        assertEquals("not a directory", Files.readString(file));
    }

    @Test
    void resumingFromResultsThatAreNotJsonIsInvalidInput() throws IOException {
        Path specFile = write("sweep.json", spec(8, 3));
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("results.json"), "{\"spec\": ");
        ProbeValidationTest.assertInvalid(Cli.run("run", specFile.toString(), "--out", out.toString(), "--resume"),
                "--resume", "not valid JSON");
        assertEquals("{\"spec\": ", Files.readString(out.resolve("results.json")));
    }

    @Test
    void anInvalidSpecCreatesNoFiles() throws IOException {
        Path out = dir.resolve("out");
        ObjectNode bad = sweepSpec();
        ((ObjectNode) bad.get("sweep")).putArray("solver").add("euler").add("rk45");
        ProbeValidationTest.assertInvalid(Cli.run("run", write("bad.json", bad).toString(), "--out", out.toString()),
                "sweep.solver[1]", "unknown value \"rk45\"; allowed: ddim, euler, midpoint, heun, rk4");
        ObjectNode huge = spec(1_000_000, 10_000).put("scheme", "end-to-end");
        ProbeValidationTest.assertInvalid(Cli.run("run", write("huge.json", huge).toString(), "--out",
                out.toString()), "", "multiply-adds");
        ProbeValidationTest.assertInvalid(Cli.run("run", write("typo.json", sweepSpec().put("sacle", 1.0))
                .toString(), "--out", out.toString()), "sacle", "unknown field");
        ProbeValidationTest.assertInvalid(Cli.run("run", write("trunc.json", "{\"model\": {").toString(), "--out",
                out.toString()), "model", "not valid JSON");
        ProbeValidationTest.assertInvalid(Cli.run("run", dir.resolve("missing.json").toString(), "--out",
                out.toString()), "", "no such file");
        assertFalse(Files.exists(out), "nothing is written before the spec is valid");
    }

    @Test
    void cancelKeepsFinishedCellsAndResumeCompletesTheRest() throws Exception {
        // about half a second per cell on two cores
        ObjectNode s = spec(20_000, 100);
        s.putObject("metrics").put("particles", 0);
        s.putObject("sweep").putArray("seed").add(1).add(2).add(3).add(4).add(5);
        Path specFile = write("long.json", s);
        Path out = dir.resolve("out");
        StringWriter err = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread runner = new Thread(() -> code.set(Main.run(new String[] {"run", specFile.toString(), "--out",
                out.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err))), "run-command");
        runner.start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (completeCells(out) == 0) {
            assertTrue(runner.isAlive(), () -> "the run ended before a cell completed: " + err);
            assertTrue(System.nanoTime() < deadline, "no cell completed within a minute");
            Thread.sleep(5);
        }
        long t0 = System.nanoTime();
        runner.interrupt();
        runner.join(5_000);
        double ms = (System.nanoTime() - t0) / 1e6;
        assertFalse(runner.isAlive(), "the run did not stop");
        System.out.printf("RunCommandTest: cancelled in %.0f ms%n", ms);
        assertEquals(130, code.get(), err.toString());
        assertTrue(ms < 1000, "cancel took " + ms + " ms");
        assertTrue(err.toString().contains("cancelled: "), err.toString());
        assertTrue(err.toString().contains("continue with --resume"), err.toString());

        JsonNode cancelled = results(out);
        List<String> status = statuses(cancelled);
        int complete = (int) status.stream().filter("complete"::equals).count();
        assertTrue(complete >= 1 && complete < 5, status.toString());
        for (int i = 0; i < 5; i++) {
            assertEquals(i < complete ? "complete" : "cancelled", status.get(i), status.toString());
        }
        assertTrue(err.toString().contains("cancelled: " + complete + " of 5 cells are complete"), err.toString());
        assertEquals(1 + complete * 100, Files.readAllLines(out.resolve("steps.csv")).size(),
                "steps.csv holds the finished cells");
        Map<String, byte[]> finished = new HashMap<>();
        for (int i = 0; i < complete; i++) {
            for (String ext : List.of(".npy", ".csv")) {
                String name = String.format("samples/cell-%03d%s", i, ext);
                finished.put(name, Files.readAllBytes(out.resolve(name)));
            }
        }
        assertNoTemporaryFiles(out);

        Cli.Result resumed = Cli.run("run", specFile.toString(), "--out", out.toString(), "--resume");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("(" + complete + " cells already complete, skipped)"), resumed.out());
        JsonNode done = results(out);
        assertEquals(List.of("complete", "complete", "complete", "complete", "complete"), statuses(done));
        for (int i = 0; i < complete; i++) {
            assertEquals(cancelled.get("cells").get(i), done.get("cells").get(i), "finished cells are kept as they were");
        }
        for (Map.Entry<String, byte[]> f : finished.entrySet()) {
            assertArrayEquals(f.getValue(), Files.readAllBytes(out.resolve(f.getKey())), f.getKey() + " untouched");
        }
        List<String> steps = Files.readAllLines(out.resolve("steps.csv"));
        assertEquals(1 + 5 * 100, steps.size());
        for (int i = 0; i < 5; i++) {
            assertTrue(Files.exists(out.resolve(String.format("samples/cell-%03d.npy", i))));
            int cell = i;
            assertEquals(100, steps.stream().filter(l -> l.startsWith(cell + ",")).count(), "rows of cell " + i);
        }
    }

    @Test
    void ctrlCInARealProcessLeavesAResumableRun() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")),
                "needs kill(1) to send SIGINT");
        ObjectNode s = spec(20_000, 100);
        s.putObject("metrics").put("particles", 0);
        s.putObject("sweep").putArray("seed").add(1).add(2).add(3).add(4).add(5);
        Path specFile = write("long.json", s);
        Path out = dir.resolve("out");
        Path stderr = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "run", specFile.toString(), "--out",
                out.toString()).redirectError(stderr.toFile()).redirectOutput(dir.resolve("stdout.txt").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (completeCells(out) == 0) {
                assertTrue(p.isAlive(), () -> "the run ended before a cell completed: " + read(stderr));
                assertTrue(System.nanoTime() < deadline, "no cell completed within a minute");
                Thread.sleep(5);
            }
            long t0 = System.nanoTime();
            assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor());
            assertTrue(p.waitFor(5, TimeUnit.SECONDS), "the process did not stop");
            double ms = (System.nanoTime() - t0) / 1e6;
            System.out.printf("RunCommandTest: Ctrl-C stopped the process in %.0f ms%n", ms);
            assertEquals(130, p.exitValue(), read(stderr));
            assertTrue(ms < 2000, "Ctrl-C took " + ms + " ms");
        } finally {
            p.destroyForcibly();
        }
        assertTrue(read(stderr).contains("continue with --resume"), read(stderr));
        List<String> status = statuses(results(out));
        int complete = (int) status.stream().filter("complete"::equals).count();
        assertTrue(complete >= 1 && complete < 5, status.toString());
        for (int i = 0; i < 5; i++) {
            assertEquals(i < complete ? "complete" : "cancelled", status.get(i), status.toString());
        }
        assertNoTemporaryFiles(out);
    }

    static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    static int completeCells(Path out) {
        try {
            return Files.exists(out.resolve("results.json"))
                    ? (int) statuses(results(out)).stream().filter("complete"::equals).count() : 0;
        } catch (IOException e) {
            throw new AssertionError("results.json must always be whole JSON", e);
        }
    }

    @Test
    void aFailingCellIsRecordedAndTheOthersComplete() throws IOException {
        // far from the data, the largest allowed scale multiplies the state each step until it overflows
        ObjectNode s = Cli.JSON.createObjectNode();
        ObjectNode g = s.putObject("model").put("kind", "gaussian");
        g.putArray("mean").add(0.0).add(0.0);
        g.putArray("std").add(1.0).add(1.0);
        s.putObject("objective").put("kind", "squared-distance").putArray("target").add(100.0).add(100.0);
        s.put("particles", 8).put("steps", 100);
        s.putObject("metrics").put("particles", 0);
        s.putObject("sweep").putArray("scale").add(0.1).add(1e6).add(0.0);
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("run", write("fail.json", s).toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode cells = results(out).get("cells");
        assertEquals(List.of("complete", "failed", "complete"), statuses(results(out)));
        assertTrue(cells.get(1).get("error").asText().contains("became NaN or infinite"), cells.get(1).toString());
        assertFalse(cells.get(1).has("summary"));
        assertFalse(cells.get(1).has("files"));
        assertFalse(Files.exists(out.resolve("samples/cell-001.npy")));
        assertTrue(Files.exists(out.resolve("samples/cell-002.npy")));
        List<String> steps = Files.readAllLines(out.resolve("steps.csv"));
        assertEquals(1 + 2 * 100, steps.size());
        assertTrue(steps.stream().noneMatch(l -> l.startsWith("1,")), "no step rows of the failed cell");
        assertTrue(r.out().contains("failed"), r.out());

        // resume runs a failed cell again (it is not complete)
        Cli.Result resumed = Cli.run("run", out.getParent().resolve("fail.json").toString(), "--out",
                out.toString(), "--resume");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("(2 cells already complete, skipped)"), resumed.out());
        assertEquals(List.of("complete", "failed", "complete"), statuses(results(out)));
    }

    @Test
    void theSameSpecGivesTheSameFiles() throws IOException {
        Path specFile = write("sweep.json", sweepSpec());
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, Cli.run("run", specFile.toString(), "--out", a.toString()).code());
        assertEquals(0, Cli.run("run", specFile.toString(), "--out", b.toString()).code());
        for (int i = 0; i < 4; i++) {
            for (String ext : List.of(".npy", ".csv")) {
                String name = String.format("samples/cell-%03d%s", i, ext);
                assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
            }
        }
        assertEquals(withoutTimings(results(a)), withoutTimings(results(b)));
        assertEquals(stepsWithoutTimings(a), stepsWithoutTimings(b));
    }

    /** results.json without the wall-clock fields (summary.*Ms). */
    static JsonNode withoutTimings(JsonNode results) {
        JsonNode copy = results.deepCopy();
        for (JsonNode c : copy.get("cells")) {
            ObjectNode summary = (ObjectNode) c.get("summary");
            int before = summary.size();
            for (Iterator<String> it = summary.fieldNames(); it.hasNext(); ) {
                if (it.next().endsWith("Ms")) {
                    it.remove();
                }
            }
            assertEquals(before - 3, summary.size(), "samplingMs, guidanceMs, metricsMs");
        }
        return copy;
    }

    /** steps.csv without the guidance_ms column. */
    static List<String> stepsWithoutTimings(Path out) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("steps.csv"))) {
            List<String> cols = new ArrayList<>(List.of(line.split(",", -1)));
            cols.remove(5);
            rows.add(String.join(",", cols));
        }
        return rows;
    }

    static void assertNoTemporaryFiles(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            List<Path> tmp = files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertEquals(List.of(), tmp);
        }
    }
}
