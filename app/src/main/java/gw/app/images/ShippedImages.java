package gw.app.images;

import gw.data.FashionMnist;
import gw.model.LearnedModels;
import gw.model.NetworkPredictor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The Images tab as the workbench opens it: the Fashion-MNIST test split and the shipped U-Net
 * (assets/models/fashion-unet, or the folder named by {@code -Dgw.app.imageModel}), both read in the background.
 */
public final class ShippedImages {
    public static final String HELP = "Image inverse problems on Fashion-MNIST: pick a test image and a task, and "
            + "compare each scheme's reconstruction by a learned U-Net, with its quality and cost.";
    static final String MODEL_PROPERTY = "gw.app.imageModel";

    private ShippedImages() {
    }

    /**
     * A new Images view in the workbench whose root is given (it takes the whole window while its tab is selected,
     * see {@link ImagesLayout}); the data and the model load on background threads.
     */
    public static ImagesPane pane(javafx.scene.layout.BorderPane root) {
        CompletableFuture<NetworkPredictor> model = CompletableFuture.supplyAsync(() -> {
            Path dir = modelDir();
            if (dir == null) {
                throw new IllegalStateException("no image model: assets/models/fashion-unet was not found (or set -D"
                        + MODEL_PROPERTY + "=DIR)");
            }
            return LearnedModels.load(dir);
        });
        CompletableFuture<ImageEngine> engine = CompletableFuture.supplyAsync(() -> {
            try {
                return new EngineImages(FashionMnist.load(FashionMnist.Split.TEST), model, note(modelDir()));
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        });
        ImagesPane pane = new ImagesPane(engine);
        ImagesLayout.attach(root);
        return pane;
    }

    /** "Model: DIR, a U-Net of P parameters trained S steps" from its card.json, and whether training was finished. */
    static String note(Path dir) {
        if (dir == null) {
            return "";
        }
        String base = "Model: " + dir.getFileName();
        try {
            com.fasterxml.jackson.databind.JsonNode card = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(dir.resolve("card.json").toFile());
            base += String.format(java.util.Locale.ROOT, ", a U-Net of %,d parameters trained %d steps",
                    card.path("parameters").asLong(), card.path("training").path("steps").asInt());
            if (!card.path("complete").asBoolean(true)) {
                base += ": an early checkpoint whose training is not finished, so its reconstructions are coarse";
            }
            return base + " (" + dir + ").";
        } catch (IOException | RuntimeException e) {
            return base + " (" + dir + ").";
        }
    }

    /** The image model's folder: the property, else the assets' models/fashion-unet; null if none. */
    static Path modelDir() {
        String prop = System.getProperty(MODEL_PROPERTY);
        if (prop != null) {
            return Path.of(prop);
        }
        return gw.app.Assets.dir("models/fashion-unet");
    }
}
