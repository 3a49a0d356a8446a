import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Checks a window screenshot: a PNG (by its signature) of the expected size that shows a drawn workbench, not a blank
 * or starting page: the commonest colour covers under 90% of the pixels and there are many distinct colours (a
 * blank window has one; the starting page, a grey page with one line of anti-aliased text, under a thousand).
 * Usage: java .ci/CheckScreenshot.java FILE.png WIDTH HEIGHT   (exit 0 good, 1 with a one-line reason)
 */
public class CheckScreenshot {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    public static void main(String[] args) throws IOException {
        File file = new File(args[0]);
        int width = Integer.parseInt(args[1]);
        int height = Integer.parseInt(args[2]);
        if (!file.isFile() || file.length() == 0) {
            fail(file + ": missing or empty");
        }
        byte[] head = new byte[8];
        try (DataInputStream in = new DataInputStream(new FileInputStream(file))) {
            in.readFully(head);
        }
        if (!java.util.Arrays.equals(head, PNG)) {
            fail(file + ": not a PNG");
        }
        BufferedImage img = ImageIO.read(file);
        if (img == null) {
            fail(file + ": PNG could not be decoded");
        }
        if (img.getWidth() != width || img.getHeight() != height) {
            fail(file + ": " + img.getWidth() + " x " + img.getHeight() + ", expected " + width + " x " + height);
        }
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                counts.merge(img.getRGB(x, y) & 0xffffff, 1, Integer::sum);
            }
        }
        int commonest = counts.values().stream().max(Integer::compare).orElse(0);
        double share = commonest / (double) (width * height);
        System.out.printf("%s: %d x %d, %d colours, commonest colour on %.0f%% of the pixels%n", file, width, height,
                counts.size(), 100 * share);
        if (share > 0.9 || counts.size() < 2000) {
            fail(file + ": looks blank (" + counts.size() + " colours, commonest on " + Math.round(100 * share)
                    + "% of the pixels)");
        }
    }

    private static void fail(String why) {
        System.err.println("screenshot check failed: " + why);
        System.exit(1);
    }
}
