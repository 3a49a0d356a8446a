package gw.experiment.image;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gw.data.FashionMnist;
import gw.data.LabelledImages;
import gw.model.NetworkPredictor;
import gw.model.TinyModels;
import gw.path.Paths;
import java.io.IOException;

/** What the image reconstruction tests run on: Fashion-MNIST's test split and a tiny seeded U-Net. */
final class TinyImageSetup {
    private TinyImageSetup() {
    }

    /** The test split; the calling test is skipped when the dataset package is not installed. */
    static LabelledImages testImages() throws IOException {
        assumeTrue(FashionMnist.available(FashionMnist.Split.TEST), "dataset-fashion-mnist is not installed");
        return FashionMnist.load(FashionMnist.Split.TEST);
    }

    /** {@link TinyModels#unet} (28 x 28, channels 4/8, seed 3) on the ot path. */
    static NetworkPredictor unet() {
        return new NetworkPredictor("unet", TinyModels.unet(3), Paths.byName("ot"));
    }
}
