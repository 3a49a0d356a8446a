package gw.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.app.export.ExperimentFiles;
import gw.app.export.ExportActions;
import gw.app.export.Exportable;
import gw.app.state.Scenario;
import gw.experiment.AtomicFiles;
import gw.spec.ExperimentJson;
import gw.spec.ExperimentSpec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Export writes real PNG, SVG and CSV files, never replaces a file unasked, and experiments round-trip. */
class ExportTest extends WorkbenchFixture {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @TempDir
    Path dir;

    @Test
    void everyChartExportsAsPngSvgAndCsv() throws Exception {
        awaitRunOf(settings());
        List<Exportable> items = onFx(() -> bench.exportables());
        List<Path> written = onFx(() -> ExportActions.writeAll(items, dir, false));
        assertEquals(3 * items.size(), written.size());
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        // the SVG's DOCTYPE names the W3C DTD; parse offline
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        for (Exportable e : items) {
            byte[] png = Files.readAllBytes(dir.resolve(e.exportName() + ".png"));
            assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png, 8), e.exportName() + ".png is a PNG");
            Document svg = xml.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(Files.readAllBytes(dir.resolve(e.exportName() + ".svg"))));
            assertEquals("svg", svg.getDocumentElement().getTagName(), e.exportName() + ".svg is SVG");
            List<String> csv = Files.readAllLines(dir.resolve(e.exportName() + ".csv"), StandardCharsets.UTF_8);
            assertTrue(csv.get(0).contains(","), "CSV header");
        }
        List<String> samples = Files.readAllLines(dir.resolve("samples-greedy.csv"));
        assertEquals("scheme,particle,t,x1,x2", samples.get(0), "the time shown is exported with the particles");
        assertEquals(1 + 64, samples.size(), "one row per particle");
        List<String> errors = Files.readAllLines(dir.resolve("gradient-error.csv"));
        assertTrue(errors.get(0).startsWith("scheme,step,t,rel_error_mean"));
        assertTrue(errors.size() > 1, "gradient-error rows");
        assertTrue(errors.stream().skip(1).allMatch(l -> l.split(",").length == 9));
    }

    @Test
    void exportedFilesAreReadableLikeAnyOther() throws Exception {
        Path f = dir.resolve("chart.png");
        AtomicFiles.write(f, new byte[] {1, 2, 3}, false);
        // the temporary file it was written as is owner-only; the export must not stay that way
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(f)));
    }

    @Test
    void twoDimensionalPlotsExportNearSquare() {
        awaitRunOf(settings());
        var panel = bench.samples().panels().get(0);
        assertTrue(Math.abs(panel.exportWidth() - panel.exportHeight()) < 100, "samples export near-square");
        assertEquals(900, bench.errorChart().exportWidth());
    }

    @Test
    void aSavedExperimentNamesTheSettingsChangedFromItsScenario() {
        var own = gw.app.state.Scenarios.all().get(0).defaults();
        assertEquals("", ExperimentFiles.changes(own, own));
        assertEquals("target (-1.2, 2.85), N = 200", ExperimentFiles.changes(own,
                own.withTarget(-1.2, 2.85).withSteps(200)));
        assertEquals("H = end-to-end", ExperimentFiles.changes(own, own.withHorizon(own.steps())));
    }

    @Test
    void neverReplacesAFileWithoutPermission() throws Exception {
        Path f = dir.resolve("kept.csv");
        Files.writeString(f, "original");
        assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.write(f, new byte[] {1}, false));
        assertEquals("original", Files.readString(f));
        AtomicFiles.write(f, "new".getBytes(StandardCharsets.UTF_8), true);
        assertEquals("new", Files.readString(f));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file left behind");
        }
    }

    @Test
    void savedExperimentReadsBackAsTheSameSettings() throws Exception {
        awaitRunOf(settings());
        var s = settings().withHorizon(4).withSeed(9);
        String json = ExperimentFiles.toJson(s, "test", "round trip");
        ExperimentSpec spec = ExperimentJson.parse(json);
        assertEquals(List.of("none", "greedy", "lookahead", "end-to-end"), spec.sweep().get("scheme"));
        Path f = dir.resolve("exp.json");
        AtomicFiles.write(f, json.getBytes(StandardCharsets.UTF_8), false);
        Scenario back = ExperimentFiles.read(f);
        assertEquals("test", back.name());
        assertEquals(s.schemes(), back.defaults().schemes());
        assertEquals(4, back.defaults().horizon());
        assertEquals(9L, back.defaults().seed());
        assertEquals(s.cellSpec("lookahead").toString().replaceAll("@\\w+", ""),
                back.defaults().cellSpec("lookahead").toString().replaceAll("@\\w+", ""));
    }
}
