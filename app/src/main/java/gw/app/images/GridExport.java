package gw.app.images;

import gw.experiment.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;

/** The image grid as a PNG, as it looks on screen (pictures and captions), written atomically (temp file + rename). */
final class GridExport {
    private GridExport() {
    }

    /** Renders the node at its on-screen size (call on the FX thread). */
    static BufferedImage render(Node grid) {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.WHITE);
        WritableImage img = grid.snapshot(p, null);
        BufferedImage argb = SwingFXUtils.fromFXImage(img, null);
        BufferedImage rgb = new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(argb, 0, 0, null);
        return rgb;
    }

    static void write(Node grid, Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(render(grid), "png", out);
        AtomicFiles.write(file, out.toByteArray());
    }
}
