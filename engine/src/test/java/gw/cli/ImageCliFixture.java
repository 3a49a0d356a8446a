package gw.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import gw.data.FashionMnist;
import gw.model.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the `run` tests on image experiments share: {@link TinyModels#unet} (seed 5) written as a model folder once
 * per class, and running a spec from a file; a test is skipped when the dataset package is not installed.
 */
abstract class ImageCliFixture {
    @TempDir
    static Path shared;
    static Path unet;

    @BeforeAll
    static void writeTinyUnet() throws IOException {
        assumeTrue(FashionMnist.available(FashionMnist.Split.TEST), "dataset-fashion-mnist is not installed");
        unet = TinyModels.writeUnet(shared.resolve("tiny-unet"), 5);
    }

    /** `run` on {@code spec} written to a file in {@code dir}, results to {@code out}. */
    static Cli.Result run(Path dir, JsonNode spec, Path out) throws Exception {
        Path f = Files.createTempFile(dir, "spec", ".json");
        Files.writeString(f, Cli.JSON.writeValueAsString(spec));
        return Cli.run("run", f.toString(), "--out", out.toString());
    }
}
