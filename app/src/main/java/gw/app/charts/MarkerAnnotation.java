package gw.app.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/** A marker of fixed screen size at a data point: the target's crosshair, or a labelled dot in the inspector. */
public final class MarkerAnnotation extends IdentityAnnotation {
    public enum Kind { TARGET, DOT, RING }

    private final double x;
    private final double y;
    private final Kind kind;
    private final Color color;
    private final String label;

    public MarkerAnnotation(double x, double y, Kind kind, Color color, String label) {
        this.x = x;
        this.y = y;
        this.kind = kind;
        this.color = color;
        this.label = label;
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis xa, ValueAxis ya, int rendererIndex,
                     PlotRenderingInfo info) {
        double px = xa.valueToJava2D(x, area, plot.getDomainAxisEdge());
        double py = ya.valueToJava2D(y, area, plot.getRangeAxisEdge());
        if (!Double.isFinite(px) || !Double.isFinite(py)) {
            return;
        }
        switch (kind) {
            case TARGET -> {
                // a ring with ticks outside it: the middle stays open, so particles that reach the target show
                Ellipse2D ring = new Ellipse2D.Double(px - 8, py - 8, 16, 16);
                Line2D[] ticks = {new Line2D.Double(px - 14, py, px - 8, py),
                    new Line2D.Double(px + 8, py, px + 14, py), new Line2D.Double(px, py - 14, px, py - 8),
                    new Line2D.Double(px, py + 8, px, py + 14)};
                g2.setStroke(new BasicStroke(3.5f));
                g2.setPaint(Color.WHITE);
                g2.draw(ring);
                for (Line2D t : ticks) {
                    g2.draw(t);
                }
                g2.setStroke(new BasicStroke(1.8f));
                g2.setPaint(color);
                g2.draw(ring);
                for (Line2D t : ticks) {
                    g2.draw(t);
                }
            }
            case DOT -> {
                g2.setPaint(color);
                g2.fill(new Ellipse2D.Double(px - 5, py - 5, 10, 10));
                g2.setPaint(Color.WHITE);
                g2.setStroke(new BasicStroke(1.2f));
                g2.draw(new Ellipse2D.Double(px - 5, py - 5, 10, 10));
            }
            case RING -> {
                g2.setPaint(color);
                g2.setStroke(new BasicStroke(2.2f));
                g2.draw(new Ellipse2D.Double(px - 7, py - 7, 14, 14));
            }
        }
        if (label != null) {
            g2.setFont(Charts.SUBTITLE);
            g2.setPaint(Color.BLACK);
            g2.drawString(label, (float) px + 10, (float) py - 8);
        }
    }
}
