package gw.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import gw.app.export.ExperimentFiles;
import gw.app.state.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed app reads its presets and shipped models from the folder -Dgw.assets names (its launcher points it
 * into the app image), whatever the working directory: a copied assets tree with one learned preset and its model
 * opens as exactly that preset and that learned scenario.
 */
class AssetsTest {

    @AfterEach
    void clear() {
        System.clearProperty(Assets.PROPERTY);
    }

    @Test
    void theNamedFolderWinsOverTheWorkingDirectory(@TempDir Path tmp) throws IOException {
        Path shipped = Path.of("..", "assets");
        Path copy = tmp.resolve("lib").resolve("assets");
        Files.createDirectories(copy.resolve("presets"));
        Files.copy(shipped.resolve("presets/learned-moons-horizon.json"),
                copy.resolve("presets/learned-moons-horizon.json"));
        copyTree(shipped.resolve("models/moons"), copy.resolve("models/moons"));
        System.setProperty(Assets.PROPERTY, copy.toAbsolutePath().toString());

        List<String> names = WorkbenchApp.presets().stream().map(Scenario::name).toList();
        List<String> preset = ExperimentFiles.presets(copy.resolve("presets"), new ArrayList<>()).stream()
                .map(Scenario::name).toList();
        assertEquals(1, preset.size());
        assertEquals(List.of(preset.get(0), "Learned: moons (MLP)"), names);
        assertEquals(copy.toAbsolutePath(), Assets.root());
        assertNull(Assets.dir("models/fashion-unet"), "only what the copy holds is found");
    }

    @Test
    void aMissingFolderMeansNoAssetsRatherThanTheCheckout(@TempDir Path tmp) {
        System.setProperty(Assets.PROPERTY, tmp.resolve("nowhere").toString());
        assertNull(Assets.root());
        assertEquals(List.of(), WorkbenchApp.presets());
    }

    @Test
    void aBadFolderIsReportedOncePerProcess(@TempDir Path tmp) {
        String bad = tmp.resolve("nowhere").toString();
        System.setProperty(Assets.PROPERTY, bad);
        PrintStream err = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
        try {
            assertNull(Assets.root());
            assertNull(Assets.dir("presets"));
            assertNull(Assets.root());
        } finally {
            System.setErr(err);
        }
        String text = said.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().filter(l -> l.contains(bad)).count(), text);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }
}
