package gw.app.charts;

import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;

/**
 * A 2-D plot with one data unit the same length on both axes, so a round blob looks round: the wanted window
 * always shows in full, and the axis along the longer side of the data area gets a wider range around it. The
 * ranges are set at the start of every draw, for the size drawn at (the screen, or an export of any size), so no
 * extra draw is needed after a resize.
 */
public final class EqualUnitsPlot extends XYPlot {
    private double[] window;
    /** Data area of the last draw: a new window takes the ranges it will be drawn with at once. */
    private double lastWidth;
    private double lastHeight;

    public EqualUnitsPlot(ValueAxis x, ValueAxis y) {
        super(null, x, y, null);
    }

    /** The window {xmin, xmax, ymin, ymax} that must be visible. */
    public void setWindow(double[] window) {
        this.window = window.clone();
        double[] r = lastWidth > 0 ? ranges(window, lastWidth, lastHeight) : window;
        getDomainAxis().setRange(new Range(r[0], r[1]), true, false);
        getRangeAxis().setRange(new Range(r[2], r[3]), true, true);
    }

    public double[] window() {
        return window == null ? null : window.clone();
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState,
                     PlotRenderingInfo info) {
        if (window != null) {
            // the data area as XYPlot.draw computes it; the axes' space depends on their tick labels, so on the
            // ranges: a second round settles it
            Rectangle2D a = (Rectangle2D) area.clone();
            getInsets().trim(a);
            for (int round = 0; round < 2; round++) {
                AxisSpace space = calculateAxisSpace(g2, a);
                Rectangle2D data = space.shrink(a, null);
                getAxisOffset().trim(data);
                if (data.getWidth() < 10 || data.getHeight() < 10) {
                    break;
                }
                lastWidth = data.getWidth();
                lastHeight = data.getHeight();
                double[] r = ranges(window, lastWidth, lastHeight);
                getDomainAxis().setRange(new Range(r[0], r[1]), true, false);
                getRangeAxis().setRange(new Range(r[2], r[3]), true, false);
            }
        }
        super.draw(g2, area, anchor, parentState, info);
    }

    /**
     * Axis ranges that show the window in a data area of w by h pixels with equal units: the side with room to
     * spare shows more, centred on the window.
     */
    public static double[] ranges(double[] window, double w, double h) {
        double cx = 0.5 * (window[0] + window[1]);
        double cy = 0.5 * (window[2] + window[3]);
        double perUnit = Math.min(w / (window[1] - window[0]), h / (window[3] - window[2]));
        double hx = 0.5 * w / perUnit;
        double hy = 0.5 * h / perUnit;
        return new double[] {cx - hx, cx + hx, cy - hy, cy + hy};
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && o instanceof EqualUnitsPlot p && java.util.Arrays.equals(window, p.window);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
