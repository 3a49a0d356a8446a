package gw.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gw.data.FashionMnist;
import gw.data.FashionMnistDir;
import gw.spec.SpecException;
import gw.model.net.UNet;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Train specs for images: validation of the U-Net fields, and a few steps of flow matching on Fashion-MNIST. */
class ImageTrainingTest {

    static String spec(String model, int steps) {
        return "{\"data\": {\"kind\": \"fashion-mnist\", \"samples\": 96}, \"path\": \"ot\", \"model\": " + model + ","
                + " \"training\": {\"steps\": " + steps + ", \"batch\": 8, \"learningRate\": 0.002, \"warmup\": 2,"
                + " \"logEvery\": 4, \"checkpointEvery\": 4, \"validation\": 8, \"seed\": 1}}";
    }

    private static final String TINY = "{\"kind\": \"unet\", \"channels\": [8, 16], \"groups\": 4, \"frequencies\": 4,"
            + " \"timeDim\": 16}";

    @Test
    void unetFieldsAreValidatedNamingTheField() {
        assumeTrue(FashionMnist.available(FashionMnist.Split.TRAIN), "dataset-fashion-mnist is not installed");
        assertField("model.groups", "{\"kind\": \"unet\", \"channels\": [12, 16], \"groups\": 8}");
        assertField("model.channels", "{\"kind\": \"unet\", \"channels\": [8, 16, 32, 64]}");
        assertField("model.channels", "{\"kind\": \"unet\", \"channels\": [0]}");
        assertField("model.kind", "{\"kind\": \"mlp\"}");
        assertField("model.depth", "{\"kind\": \"unet\", \"depth\": 3}");
        SpecException e = assertThrows(SpecException.class, () -> TrainSpecReader.parse(
                "{\"data\": {\"kind\": \"moons\"}, \"model\": {\"kind\": \"unet\"}}", Path.of(".")));
        assertEquals("model.kind", e.field());
    }

    @Test
    void missingDataNamesTheDebianPackage(@TempDir Path empty) {
        try (FashionMnistDir missing = FashionMnistDir.pointAt(empty)) {
            SpecException e = assertThrows(SpecException.class, () -> TrainSpecReader.parse(spec(TINY, 4), Path.of(".")));
            assertEquals("data.kind", e.field());
            assertTrue(e.getMessage().contains(FashionMnist.PACKAGE), e.getMessage());
        }
    }

    private static void assertField(String field, String model) {
        SpecException e = assertThrows(SpecException.class, () -> TrainSpecReader.parse(spec(model, 4), Path.of(".")));
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void aTinyUnetTrainsOnFashionMnist() {
        assumeTrue(FashionMnist.available(FashionMnist.Split.TRAIN), "dataset-fashion-mnist is not installed");
        TrainSpec spec = TrainSpecReader.parse(spec(TINY, 8), Path.of("."));
        Trainer t = new Trainer(spec);
        t.run((step, steps, loss) -> { });
        List<LossRow> rows = t.rows();
        assertEquals(2, rows.size());
        // x1 regression starts near E|x1|^2 (images in [-1, 1], mostly background -1): a few Adam steps lower it
        assertTrue(rows.get(1).trainLoss() < rows.get(0).trainLoss(), rows.toString());
        assertTrue(Double.isFinite(rows.get(1).validationLoss()));
        UNet ema = assertInstanceOf(UNet.class, t.emaNetwork());
        assertEquals(784, ema.inputShape()[0]);
    }
}
