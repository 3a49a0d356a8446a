package gw.experiment.image;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gw.data.FashionMnist;
import gw.data.LabelledImages;
import gw.model.NetworkPredictor;
import gw.model.TinyModels;
import gw.path.Paths;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the image reconstruction tests run on: Fashion-MNIST's test split and {@link TinyModels#unet} (28 x 28,
 * channels 4/8, seed 3) on the ot path; a test is skipped when the dataset package is not installed.
 */
abstract class TinyUnetFixture {
    static LabelledImages test;
    static NetworkPredictor unet;

    @BeforeAll
    static void loadImagesAndUnet() throws IOException {
        assumeTrue(FashionMnist.available(FashionMnist.Split.TEST), "dataset-fashion-mnist is not installed");
        test = FashionMnist.load(FashionMnist.Split.TEST);
        unet = new NetworkPredictor("unet", TinyModels.unet(3), Paths.byName("ot"));
    }
}
