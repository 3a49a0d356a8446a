package gw.app.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gw.app.FxSteps;
import gw.data.FashionMnist;
import gw.data.LabelledImages;
import gw.metric.ImageQuality;
import gw.model.NetworkPredictor;
import gw.model.net.UNet;
import gw.path.Paths;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.concurrent.Worker;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Images view on the real test images with a tiny untrained U-Net (channels 4/8: a step takes milliseconds), so
 * every assertion is about the view: the measurement tile follows the task, Run fills one tile per scheme with a
 * PSNR that matches its own pixels, Cancel stops, Export writes the grid as it looks.
 */
@ExtendWith(ApplicationExtension.class)
class ImagesPaneTest extends FxSteps {
    private static final Pattern PSNR = Pattern.compile("PSNR (-?\\d+\\.\\d) dB \u00b7 SSIM (-?\\d\\.\\d{3})");
    private ImagesPane pane;
    private LabelledImages test;

    @Start
    void start(Stage stage) throws Exception {
        assumeTrue(FashionMnist.available(FashionMnist.Split.TEST), "dataset-fashion-mnist is not installed");
        test = FashionMnist.load(FashionMnist.Split.TEST);
        UNet net = new UNet(new UNet.Config(28, new int[] {4, 8}, 2, 2, 10, 4, DataType.FLOAT));
        net.parameters().initialise(7);
        NetworkPredictor tiny = new NetworkPredictor("unet", net, Paths.byName("ot"));
        pane = new ImagesPane(CompletableFuture.completedFuture(new EngineImages(test,
                CompletableFuture.completedFuture(tiny), "Model: a tiny untrained test U-Net")));
        Scene scene = new Scene(pane, 1280, 640);
        scene.getStylesheets().add(gw.app.WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        if (pane != null) {
            interact(pane::cancel);
        }
    }

    @Test
    void choosingATaskRedrawsTheMeasurement() {
        await("the test images are in", 60, () -> pane.tile("measurement") != null
                && pane.tile("measurement").pixels() != null);
        double[] random = onFx(() -> pane.tile("measurement").pixels());
        assertEquals(Math.round(0.7 * 784), hidden(random), "70 % of the pixels hidden by the random mask");
        assertEquals("235 of 784 pixels seen", onFx(() -> pane.tile("measurement").quality().getText()));
        clickOn("#images-task");
        clickOn("super-resolution-x4");
        assertEquals("super-resolution-x4", onFx(() -> pane.controls().getSettings().task()));
        double[] low = onFx(() -> pane.tile("measurement").pixels());
        assertEquals(0, hidden(low), "super-resolution measures every block");
        // the picture is the 7 x 7 measurement blown up: constant over each 4 x 4 block, and not the random mask's
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                assertEquals(low[(r / 4 * 4) * 28 + c / 4 * 4], low[r * 28 + c], 0.0, "pixel " + r + "," + c);
            }
        }
        assertEquals("7 \u00d7 7 block means", onFx(() -> pane.tile("measurement").quality().getText()));
        // the ground truth is the chosen test image, with its class beside the thumbnail
        assertEquals(test.image(0)[300], onFx(() -> pane.tile("truth").pixels())[300], 0.0);
        assertEquals(FashionMnist.CLASSES.get(test.label(0)), onFx(() -> pane.controls().imageLabel().getText()));
    }

    @Test
    void runFillsOneTilePerSchemeWithItsQuality() {
        await("ready", 60, () -> pane.tile("truth") != null);
        interact(() -> pane.controls().apply(pane.controls().getSettings().withIndex(3).withTask("denoise")
                .withSteps(3).withSchemes(List.of("none", "greedy")).withScale(0.01)));
        assertNull(onFx(() -> pane.tile("greedy").pixels()), "no picture before Run");
        clickOn("#images-run");
        await("the run ends", 60, () -> pane.service().getState() == Worker.State.SUCCEEDED);
        double[] truth = test.image(3);
        for (String scheme : List.of("none", "greedy")) {
            ImageTile t = onFx(() -> pane.tile(scheme));
            double[] px = onFx(t::pixels);
            assertNotNull(px, scheme + " has its picture");
            Matcher m = PSNR.matcher(onFx(() -> t.quality().getText()));
            assertTrue(m.matches(), scheme + ": " + onFx(() -> t.quality().getText()));
            // the label is the PSNR and SSIM of the picture drawn, against the ground truth drawn beside it
            assertEquals(ImageQuality.psnr(px, truth, 2.0), Double.parseDouble(m.group(1)), 0.051);
            assertEquals(ImageQuality.ssim(px, truth, 28, 2.0), Double.parseDouble(m.group(2)), 0.00051);
            assertTrue(onFx(() -> t.cost().getText()).matches("\\d+ NFE \u00b7 \\d+ VJP \u00b7 .*"));
        }
        double none = ImageQuality.psnr(onFx(() -> pane.tile("none").pixels()), truth, 2.0);
        double greedy = ImageQuality.psnr(onFx(() -> pane.tile("greedy").pixels()), truth, 2.0);
        assertTrue(onFx(() -> pane.status().getText()).startsWith("Done: image 3, denoise, N = 3; highest PSNR: "
                + (greedy > none ? "greedy" : "none")), onFx(() -> pane.status().getText()));
        assertEquals("0 VJP", onFx(() -> pane.tile("none").cost().getText()).split(" \u00b7 ")[1],
                "unguided sampling takes no backward pass");
        assertNotEquals(onFx(() -> pane.tile("none").pixels())[400], onFx(() -> pane.tile("greedy").pixels())[400],
                "guidance changed the sample");
        assertEquals(List.of("images-truth", "images-measurement", "images-tile-none", "images-tile-greedy"),
                onFx(() -> pane.grid().getChildren().stream().map(n -> n.getId()).toList()));
        // the tiles grow to fill the width (four of them: more than the smallest zoom) and all fit across
        int zoom = onFx(() -> pane.tile("greedy").zoom());
        assertTrue(zoom > ImagesPane.MIN_ZOOM, "zoom " + zoom);
        assertEquals(zoom, onFx(() -> pane.tile("truth").zoom()));
        assertTrue(onFx(() -> pane.grid().getLayoutBounds().getWidth()
                <= pane.gridScroll().getViewportBounds().getWidth() + 1), "no horizontal scrolling");
    }

    @Test
    void cancelStopsALongRun() {
        await("ready", 60, () -> pane.tile("truth") != null);
        interact(() -> pane.controls().apply(pane.controls().getSettings().withSteps(50)
                .withSchemes(List.of("end-to-end", "greedy"))));
        clickOn("#images-run");
        await("running", 60, () -> pane.service().getState() == Worker.State.RUNNING);
        sleep(500);
        clickOn("#images-cancel");
        await("cancelled", 60, () -> pane.service().getState() == Worker.State.CANCELLED);
        assertTrue(onFx(() -> pane.status().getText()).startsWith("Cancelled"));
        assertEquals("cancelled", onFx(() -> pane.tile("greedy").note().getText()), "greedy never ran");
        assertFalse(onFx(() -> pane.lookup("#images-run").isDisabled()), "Run is available again");
        // the engine stopped: no thread is left computing (progress no longer moves)
        sleep(300);
        double p = onFx(() -> pane.service().getProgress());
        sleep(300);
        assertEquals(p, onFx(() -> pane.service().getProgress()), 0.0);
    }

    @Test
    void exportWritesTheGridAsOnScreen(@TempDir Path dir) throws Exception {
        await("ready", 60, () -> pane.tile("truth") != null && pane.tile("truth").pixels() != null);
        Path file = dir.resolve("grid.png");
        assertTrue(onFx(() -> pane.exportTo(file)), onFx(() -> pane.status().getText()));
        BufferedImage png = ImageIO.read(file.toFile());
        Bounds grid = onFx(() -> pane.grid().getLayoutBounds());
        assertEquals(Math.ceil(grid.getWidth()), png.getWidth(), 1.0);
        assertEquals(Math.ceil(grid.getHeight()), png.getHeight(), 1.0);
        // the ground truth's pixel (10, 14) is one crisp ZOOM x ZOOM square of its grey
        Bounds view = onFx(() -> pane.grid().sceneToLocal(pane.tile("truth").view()
                .localToScene(pane.tile("truth").view().getLayoutBounds())));
        int zoom = onFx(() -> pane.tile("truth").zoom());
        assertTrue(zoom >= ImagesPane.MIN_ZOOM && zoom <= ImagesPane.MAX_ZOOM, "zoom " + zoom);
        int x = (int) Math.round(view.getMinX()) + 14 * zoom;
        int y = (int) Math.round(view.getMinY()) + 10 * zoom;
        int want = Pixels.argb(test.image(0)[10 * 28 + 14]) & 0xFFFFFF;
        for (int d = 1; d < zoom - 1; d++) {
            assertEquals(want, png.getRGB(x + d, y + d) & 0xFFFFFF, "pixel at +" + d);
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left beside it");
        }
    }

    @Test
    void stepsAndHorizonFollowTheWorkbenchRules() {
        await("ready", 60, () -> pane.tile("truth") != null);
        interact(() -> pane.controls().apply(pane.controls().getSettings().withSteps(8).withHorizon(8)
                .withSchemes(List.of("lookahead"))));
        assertEquals("lookahead H=N\u2212i (end-to-end)", onFx(() -> pane.tile("lookahead").title().getText()));
        assertEquals("end-to-end", onFx(() -> pane.controls().horizon().field().getText()));
        // at its top the horizon follows the step count; a typed horizon above N is refused with a message
        typeInto("#images-steps-field", "12");
        assertEquals(12, onFx(() -> pane.controls().getSettings().horizon()));
        typeInto("#images-horizon-field", "30");
        assertTrue(onFx(() -> pane.controls().horizon().error().getText()).contains("Horizon H must be from 1 to 12"));
        typeInto("#images-sigma-field", "0");
        assertTrue(onFx(() -> pane.controls().sigma().error().isVisible()));
        assertEquals(0.05, onFx(() -> pane.controls().getSettings().sigmaY()), 0.0, "a refused value changes nothing");
        reveal("#images-dps");
        clickOn("#images-dps");
        assertFalse(onFx(() -> pane.controls().getSettings().dps()), "DPS normalisation off");
    }

    private static int hidden(double[] px) {
        int n = 0;
        for (double v : px) {
            n += Double.isNaN(v) ? 1 : 0;
        }
        return n;
    }
}
