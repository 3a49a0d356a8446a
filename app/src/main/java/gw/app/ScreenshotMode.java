package gw.app;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/** Saves the window as a PNG once the first run (and the selected tab's extra work) is drawn, then exits. */
final class ScreenshotMode {
    private final Workbench bench;
    private final Scene scene;
    private final Path file;
    private boolean taken;

    ScreenshotMode(Workbench bench, Scene scene, Path file) {
        this.bench = bench;
        this.scene = scene;
        this.file = file;
    }

    void arm() {
        bench.addRunAppliedListener(() -> later(1500));
        // the Images tab runs its reconstructions first: a U-Net run takes tens of seconds
        PauseTransition timeout = new PauseTransition(Duration.seconds(imagesPane() == null ? 60 : 600));
        timeout.setOnFinished(e -> take());
        timeout.play();
    }

    private void later(int ms) {
        PauseTransition p = new PauseTransition(Duration.millis(ms));
        p.setOnFinished(e -> {
            gw.app.images.ImagesPane images = imagesPane();
            if (images != null && !images.hasRun()) {
                images.runWhenReady();
                later(500);
            } else if (bench.computeService().isRunning() || bench.inspector().service().isRunning()
                    || (images != null && images.isRunning())) {
                later(300);
            } else {
                take();
            }
        });
        p.play();
    }

    /** The Images view when its tab is the one shown, else null. */
    private gw.app.images.ImagesPane imagesPane() {
        javafx.scene.control.Tab t = bench.tabs().getSelectionModel().getSelectedItem();
        return t != null && t.getContent() instanceof gw.app.images.ImagesPane p ? p : null;
    }

    private void take() {
        if (taken) {
            return;
        }
        taken = true;
        WritableImage img = scene.snapshot(null);
        BufferedImage b = SwingFXUtils.fromFXImage(img, null);
        BufferedImage rgb = new BufferedImage(b.getWidth(), b.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(b, 0, 0, null);
        try {
            ImageIO.write(rgb, "png", file.toFile());
            System.out.println("[screenshot] " + file.toAbsolutePath());
        } catch (Exception ex) {
            System.err.println("[screenshot] failed: " + ex);
        }
        Platform.exit();
    }
}
