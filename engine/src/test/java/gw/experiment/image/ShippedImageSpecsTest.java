package gw.experiment.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gw.data.FashionMnist;
import gw.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The image experiments shipped in assets/examples (the README's tables are run from them) pass the reader's
 * validation against the shipped models and data, so a README command cannot fail on its own spec. Running them is a
 * benchmark's job (minutes), not a test's.
 */
class ShippedImageSpecsTest {
    @Test
    void everyShippedImageExperimentReads() throws Exception {
        assumeTrue(FashionMnist.available(FashionMnist.Split.TEST), "dataset-fashion-mnist is not installed");
        List<Path> specs;
        try (Stream<Path> s = Files.list(Path.of("..", "assets", "examples"))) {
            specs = s.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> ImageExperimentReader.isImageExperiment(SpecReader.read(p))).sorted().toList();
        }
        assertTrue(specs.size() >= 6, "expected the README's image specs, found " + specs);
        for (Path p : specs) {
            ImageExperimentSpec spec = ImageExperimentReader.read(p);
            assertEquals(784, spec.model().dim(), p.toString());
            assertTrue(spec.runCount() > 0, p.toString());
        }
    }
}
