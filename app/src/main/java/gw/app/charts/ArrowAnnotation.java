package gw.app.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/** An arrow from a data point along a vector given in data units (a guidance direction in the inspector). */
public final class ArrowAnnotation extends IdentityAnnotation {
    private final double x;
    private final double y;
    private final double dx;
    private final double dy;
    private final Color color;
    private final float width;

    public ArrowAnnotation(double x, double y, double dx, double dy, Color color, float width) {
        this.x = x;
        this.y = y;
        this.dx = dx;
        this.dy = dy;
        this.color = color;
        this.width = width;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis xa, ValueAxis ya, int rendererIndex,
                     PlotRenderingInfo info) {
        double x0 = xa.valueToJava2D(x, area, plot.getDomainAxisEdge());
        double y0 = ya.valueToJava2D(y, area, plot.getRangeAxisEdge());
        double x1 = xa.valueToJava2D(x + dx, area, plot.getDomainAxisEdge());
        double y1 = ya.valueToJava2D(y + dy, area, plot.getRangeAxisEdge());
        double len = Math.hypot(x1 - x0, y1 - y0);
        if (!(len > 1) || !Double.isFinite(len)) {
            return;
        }
        g2.setPaint(color);
        g2.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g2.draw(new Line2D.Double(x0, y0, x1, y1));
        double ux = (x1 - x0) / len;
        double uy = (y1 - y0) / len;
        double head = Math.min(12, 0.4 * len);
        Path2D.Double tip = new Path2D.Double();
        tip.moveTo(x1, y1);
        tip.lineTo(x1 - head * ux - 0.5 * head * uy, y1 - head * uy + 0.5 * head * ux);
        tip.lineTo(x1 - head * ux + 0.5 * head * uy, y1 - head * uy - 0.5 * head * ux);
        tip.closePath();
        g2.fill(tip);
    }
}
