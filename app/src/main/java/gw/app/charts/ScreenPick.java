package gw.app.charts;

import java.util.Locale;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.plot.XYPlot;

/**
 * What lies under the mouse on a 2-D plot: the nearest of some data points in screen pixels, and whether most
 * particles sit hidden under the target ring.
 */
final class ScreenPick {
    private ScreenPick() {
    }

    /** Index of the point {xs[i], ys[i]} drawn nearest to a screen point, within maxPx pixels, or -1. */
    static int nearest(ChartCanvas canvas, XYPlot plot, double[] xs, double[] ys, double sx, double sy,
                       double maxPx) {
        var info = canvas.getRenderingInfo();
        if (info == null || info.getPlotInfo() == null || xs.length == 0) {
            return -1;
        }
        var area = info.getPlotInfo().getDataArea();
        int best = -1;
        double bestD = maxPx * maxPx;
        for (int i = 0; i < xs.length; i++) {
            double px = plot.getDomainAxis().valueToJava2D(xs[i], area, plot.getDomainAxisEdge());
            double py = plot.getRangeAxis().valueToJava2D(ys[i], area, plot.getRangeAxisEdge());
            double d = (px - sx) * (px - sx) + (py - sy) * (py - sy);
            if (d <= bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    /**
     * A notice when at least 80% of the particles sit within the target ring (8 pixels of the target on a plot
     * {@code widthPx} wide), where they are hard to see: the run did what was asked, the plot just looks empty.
     * Null otherwise.
     */
    static String collapsed(XYPlot plot, double widthPx, double[][] xy, double tx, double ty) {
        double perPixel = (plot.getDomainAxis().getUpperBound() - plot.getDomainAxis().getLowerBound())
                / Math.max(50, widthPx - 60);
        double r = 8 * perPixel;
        int n = xy[0].length;
        if (n == 0) {
            return null;
        }
        int inside = 0;
        for (int i = 0; i < n; i++) {
            double dx = xy[0][i] - tx;
            double dy = xy[1][i] - ty;
            if (dx * dx + dy * dy <= r * r) {
                inside++;
            }
        }
        if (inside < 0.8 * n) {
            return null;
        }
        return String.format(Locale.ROOT, "%.0f%% of the particles sit under the target ring (within %.2g of it). "
                + "Scroll on the plot to zoom in.", 100.0 * inside / n, r);
    }
}
