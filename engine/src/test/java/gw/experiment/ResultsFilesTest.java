package gw.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gw.spec.ExperimentSpec;
import gw.tensor.Batch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFilesTest {

    @Test
    void npyHeaderFollowsTheFormatAndValuesRoundTrip() {
        Batch x = Batch.of(new double[][] {{1.5, -2.25, Math.PI}, {Double.MIN_VALUE, -0.0, 1e300}});
        byte[] bytes = Npy.write(x);
        assertEquals((byte) 0x93, bytes[0]);
        assertEquals("NUMPY", new String(bytes, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, bytes[6]);
        int headerLen = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        assertEquals(0, (10 + headerLen) % 64, "data must start on a 64-byte boundary");
        assertEquals('\n', bytes[10 + headerLen - 1]);
        String header = new String(bytes, 10, headerLen, StandardCharsets.US_ASCII);
        assertTrue(header.contains("'shape': (2, 3)"), header);
        assertEquals(10 + headerLen + 6 * 8, bytes.length);
        Batch back = Npy.read(bytes);
        assertEquals(2, back.rows());
        assertEquals(3, back.cols());
        assertArrayEquals(x.data(), back.data());
    }

    @Test
    void npyReaderRejectsOtherFormats() {
        assertThrows(IllegalArgumentException.class, () -> Npy.read(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 0, 0}));
    }

    @Test
    void atomicWriteReplacesWholeAndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.txt");
        AtomicFiles.writeString(f, "first");
        AtomicFiles.writeString(f, "second");
        assertEquals("second", Files.readString(f));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList());
        }
    }

    @Test
    void atomicWriteGivesOrdinaryPermissionsAndCanRefuseToReplace(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("results.json");
        AtomicFiles.writeString(f, "{}");
        if (Files.getFileStore(f).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(f)), "readable like any file, not only by the owner");
        }
        assertThrows(java.nio.file.FileAlreadyExistsException.class,
                () -> AtomicFiles.write(f, new byte[] {1}, false));
        assertEquals("{}", Files.readString(f), "a refused write leaves the file as it was");
    }

    @Test
    void runDirectoryHasEveryFileAndResumeKeepsFinishedCells(@TempDir Path dir) throws Exception {
        ExperimentSpec spec = new ExperimentSpec("t", "", ExperimentRunTest.base().toBuilder().particles(16)
                .steps(5).build(), Map.of("scheme", List.of("greedy", "lookahead", "none")), null);
        JsonNode echo = new ObjectMapper().readTree("{\"echo\": 1}");
        ResultsWriter w = new ResultsWriter(dir, spec, echo);
        List<CellResult> all = Experiment.run(spec, new RunListener() { });
        w.add(all.get(0));
        w.markUnfinished("cancelled");
        JsonNode results = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertEquals(ResultsWriter.VERSION, results.get("version").asText());
        assertEquals(echo, results.get("spec"));
        assertEquals("complete", results.get("cells").get(0).get("status").asText());
        assertEquals("cancelled", results.get("cells").get(1).get("status").asText());
        assertEquals("greedy", results.get("cells").get(0).get("settings").get("scheme").asText());
        Batch samples = Npy.read(Files.readAllBytes(dir.resolve("samples/cell-000.npy")));
        assertArrayEquals(all.get(0).samples().data(), samples.data());
        List<String> csv = Files.readAllLines(dir.resolve("samples/cell-000.csv"));
        assertEquals("x0,x1,loss,log_likelihood", csv.get(0));
        assertEquals(17, csv.size());
        List<String> steps = Files.readAllLines(dir.resolve("steps.csv"));
        assertEquals(1 + 5, steps.size(), "header + one row per grid step of the finished cell");

        ResultsWriter again = new ResultsWriter(dir, spec, echo);
        Set<Integer> done = again.resume();
        assertEquals(Set.of(0), done);
        List<CellResult> rest = Experiment.run(spec, new RunListener() { }, done);
        assertEquals(2, rest.size());
        for (CellResult r : rest) {
            again.add(r);
        }
        JsonNode finalResults = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        for (JsonNode c : finalResults.get("cells")) {
            assertEquals("complete", c.get("status").asText());
        }
        assertEquals(1 + 15, Files.readAllLines(dir.resolve("steps.csv")).size());
        assertArrayEquals(samples.data(), Npy.read(Files.readAllBytes(dir.resolve("samples/cell-000.npy"))).data(),
                "resume leaves finished cells untouched");
        assertThrows(IllegalArgumentException.class,
                () -> new ResultsWriter(dir, spec, new ObjectMapper().readTree("{\"other\": 2}")).resume());
    }
}
