package gw.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gw.tensor.Batch;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The PNG grid: cell layout, gaps, scaling and the [-1, 1] to 0..255 map, read back from the PNG bytes. */
class ImageGridTest {

    @Test
    void cellsLandWhereTheyShouldWithTheirGreyValues() throws IOException {
        Batch b = Batch.of(new double[][] {{-1, 1, 0, 2}, {0.5, -0.5, -3, 1}, {1, 1, 1, 1}});
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(ImageGrid.png(b, 2, 2, 3)));
        // 2 columns, 2 rows of 6 x 6 cells with 1-pixel gaps: 2 * 7 + 1 = 15 square
        assertEquals(15, img.getWidth());
        assertEquals(15, img.getHeight());
        assertEquals(0x80, img.getRaster().getSample(0, 0, 0));
        assertEquals(0, img.getRaster().getSample(1, 1, 0)); // image 0, pixel (0, 0) = -1
        assertEquals(255, img.getRaster().getSample(6, 3, 0)); // image 0, pixel (0, 1) = 1, scaled 3x
        assertEquals(128, img.getRaster().getSample(2, 5, 0)); // image 0, pixel (1, 0) = 0 -> 127.5 rounds to 128
        assertEquals(255, img.getRaster().getSample(6, 6, 0)); // 2 clipped to 1
        assertEquals(ImageGrid.grey(0.5), img.getRaster().getSample(8, 1, 0)); // image 1 starts at x = 8
        assertEquals(0, img.getRaster().getSample(8, 4, 0)); // -3 clipped to -1
        assertEquals(255, img.getRaster().getSample(1, 8, 0)); // image 2 on the second grid row
        assertEquals(0x80, img.getRaster().getSample(8, 8, 0)); // empty fourth cell stays background
        assertEquals(191, ImageGrid.grey(0.5));
    }
}
