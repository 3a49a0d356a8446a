package gw.app.charts;

import gw.model.ClosedFormDensity;
import gw.tensor.Batch;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The data density as a heat map image over a plot window, computed once per model and window (a few ms) and
 * cached: the samples change with every setting, the density never does.
 */
public final class DensityImage {
    private static final int SIZE = 160;
    private static final Map<ClosedFormDensity, Entry> CACHE = new WeakHashMap<>();

    private record Entry(double[] bounds, boolean highContrast, BufferedImage image) {
    }

    private DensityImage() {
    }

    /** Heat map of p(x) over bounds {xmin, xmax, ymin, ymax}; row 0 of the image is the top (ymax). */
    public static BufferedImage of(ClosedFormDensity density, double[] bounds) {
        return of(density, bounds, false);
    }

    /** The same; high contrast (lecture-hall mode) runs from white to a dark slate grey, visible on a projector under coloured points. */
    public static synchronized BufferedImage of(ClosedFormDensity density, double[] bounds, boolean highContrast) {
        Entry e = CACHE.get(density);
        if (e != null && java.util.Arrays.equals(e.bounds(), bounds) && e.highContrast() == highContrast) {
            return e.image();
        }
        BufferedImage img = render(density, bounds, highContrast);
        CACHE.put(density, new Entry(bounds.clone(), highContrast, img));
        return img;
    }

    static BufferedImage render(ClosedFormDensity density, double[] b) {
        return render(density, b, false);
    }

    static BufferedImage render(ClosedFormDensity density, double[] b, boolean highContrast) {
        double[] pts = new double[SIZE * SIZE * 2];
        for (int r = 0; r < SIZE; r++) {
            double y = b[3] - (r + 0.5) * (b[3] - b[2]) / SIZE;
            for (int c = 0; c < SIZE; c++) {
                double x = b[0] + (c + 0.5) * (b[1] - b[0]) / SIZE;
                int i = 2 * (r * SIZE + c);
                pts[i] = x;
                pts[i + 1] = y;
            }
        }
        double[] logp = density.logDensity(new Batch(pts, SIZE * SIZE, 2));
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logp) {
            max = Math.max(max, v);
        }
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                double p = Math.exp(logp[r * SIZE + c] - max);
                img.setRGB(c, r, highContrast ? strong(Math.sqrt(p)) : color(Math.sqrt(p)));
            }
        }
        return img;
    }

    /** White at zero density to a soft purple at the peak, so dark particles stay visible on top. */
    static int color(double u) {
        u = Math.max(0, Math.min(1, u));
        int r = (int) Math.round(255 - u * (255 - 0x9E));
        int g = (int) Math.round(255 - u * (255 - 0x9A));
        int bl = (int) Math.round(255 - u * (255 - 0xC8));
        return (r << 16) | (g << 8) | bl;
    }

    /** White at zero density to a dark slate grey at the peak: about twice the soft palette's contrast. */
    static int strong(double u) {
        u = Math.max(0, Math.min(1, u));
        int r = (int) Math.round(255 - u * (255 - 0x6A));
        int g = (int) Math.round(255 - u * (255 - 0x6A));
        int bl = (int) Math.round(255 - u * (255 - 0x80));
        return (r << 16) | (g << 8) | bl;
    }
}
