package gw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gw.spec.SpecException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run directory: a lock against a second run, and one-line exit-2 errors for what a user can get wrong. */
class RunFilesTest {
    @TempDir
    Path dir;

    private Path spec() throws IOException {
        ObjectNode s = RunCommandTest.spec(4, 3);
        s.putObject("metrics").put("particles", 0);
        Path f = dir.resolve("spec.json");
        Files.writeString(f, s.toString());
        return f;
    }

    private void assertRefused(Cli.Result r, String field, String words) {
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().split("\n").length, "one line: " + r.err());
        assertTrue(r.err().startsWith("error: " + field + ": ") && r.err().contains(words), r.err());
    }

    private Cli.Result run(Path out, String... more) throws IOException {
        String[] args = new String[4 + more.length];
        args[0] = "run";
        args[1] = spec().toString();
        args[2] = "--out";
        args[3] = out.toString();
        System.arraycopy(more, 0, args, 4, more.length);
        return Cli.run(args);
    }

    @Test
    void aSecondRunOnAHeldDirectoryIsRefused() throws Exception {
        Path out = dir.resolve("out");
        try (OutDir held = OutDir.open(out)) {
            assertRefused(run(out, "--runs", "0"), "--out", "is in use by another run");
            assertFalse(Files.exists(out.resolve("results.json")), "the refused run wrote nothing");
        }
        assertEquals(0, run(out, "--runs", "0").code(), "free again once the first run let go");
    }

    @Test
    void badOutputDirectoriesAreUserErrors() throws Exception {
        Path file = Files.writeString(dir.resolve("afile"), "x");
        assertRefused(run(file.resolve("sub")), "--out", "is a file");
        assertRefused(run(Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"))), "--out",
                "leads nowhere");
        Path loop = dir.resolve("loop");
        Files.createSymbolicLink(loop, loop);
        assertRefused(run(loop), "--out", "leads nowhere");
        Path d1 = dir.resolve("d1");
        Files.createDirectories(d1.resolve("results.json"));
        assertRefused(run(d1), "--out", "results.json is a directory");
        Path d2 = dir.resolve("d2");
        Files.createDirectories(d2.resolve("steps.csv"));
        assertRefused(run(d2), "--out", "steps.csv is a directory");
    }

    @Test
    void resumeRefusesForeignFilesAndCleansTemporaries() throws Exception {
        Path out = dir.resolve("out");
        assertEquals(0, run(out, "--runs", "0").code());
        Path stale = Files.writeString(out.resolve("samples/.cell-000.csv.123.tmp"), "half");
        assertEquals(0, run(out, "--runs", "0", "--resume").code());
        assertFalse(Files.exists(stale), "--resume removes what a killed run left");

        Path results = out.resolve("results.json");
        String good = Files.readString(results);
        Files.writeString(results, good.replace("samples/cell-000.npy", "../../etc/passwd"));
        Cli.Result r = run(out, "--resume");
        assertRefused(r, "--resume", "not written by run");
        assertFalse(r.err().contains("--resume: --resume"), r.err());
        Files.writeString(results, good);

        Files.write(out.resolve("steps.csv"), new byte[] {(byte) 0xFF, (byte) 0xFE, 0});
        assertRefused(run(out, "--resume"), "--resume", "not UTF-8");
    }

    @Test
    void saveNoiseWritesTheSeededInitialNoiseAndTheOptimisedOne() throws Exception {
        ObjectNode s = RunCommandTest.spec(5, 3);
        s.putObject("metrics").put("particles", 0);
        s.putObject("noiseOptimization").put("iterations", 2);
        s.putObject("sweep").putArray("scheme").add("greedy").add("noise-optimization");
        Path f = dir.resolve("noise.json");
        Files.writeString(f, s.toString());
        Path out = dir.resolve("noise");
        assertEquals(0, Cli.run("run", f.toString(), "--out", out.toString(), "--runs", "0", "--save-noise").code());
        gw.tensor.Batch x0 = gw.experiment.Npy.read(Files.readAllBytes(out.resolve("samples/cell-000-x0.npy")));
        // java.util.Random(seed).nextGaussian(), row by row: the generator the docs name
        java.util.Random rng = new java.util.Random(5);
        for (double v : x0.data()) {
            assertEquals(rng.nextGaussian(), v);
        }
        assertEquals(5, x0.rows());
        assertTrue(java.util.Arrays.equals(x0.data(), gw.experiment.Npy.read(
                Files.readAllBytes(out.resolve("samples/cell-001-x0.npy"))).data()), "every scheme, the same noise");
        gw.tensor.Batch opt = gw.experiment.Npy.read(Files.readAllBytes(out.resolve("samples/cell-001-x0-optimised.npy")));
        assertFalse(java.util.Arrays.equals(x0.data(), opt.data()), "optimised noise moved");
        assertFalse(Files.exists(out.resolve("samples/cell-000-x0-optimised.npy")));
        assertTrue(Cli.JSON.readTree(out.resolve("results.json").toFile()).get("cells").get(1).get("files")
                .get("x0Optimised").asText().endsWith("-x0-optimised.npy"));
    }

    @Test
    void timedRunsOutOfRangeAreUserErrors() throws Exception {
        assertRefused(run(dir.resolve("o"), "--runs", "-1"), "--runs", "0 to 100");
    }

    @Test
    void permissionDeniedIsNamed() {
        assertEquals("permission denied", SpecException.reason(new AccessDeniedException("/x")));
    }
}
