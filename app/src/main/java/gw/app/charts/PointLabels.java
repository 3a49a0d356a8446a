package gw.app.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/**
 * Short labels at data points, placed when drawn (so at the real pixel positions): each goes to the first spot
 * around its point that stays inside the plot, clear of the labels placed before it and of as few plotted points
 * as possible, on a white box so it reads over lines. Labels are placed in the order they were added.
 */
public final class PointLabels extends IdentityAnnotation {
    private record Label(double x, double y, String text, Color color) {
    }

    private static final double GAP = 9;
    private final List<Label> labels = new ArrayList<>();
    private final List<double[]> points = new ArrayList<>();
    private List<Rectangle2D> lastPlaced = List.of();
    private Rectangle2D lastArea;

    /** A label at a data point; placed before labels added after it. */
    public void add(double x, double y, String text, Color color) {
        labels.add(new Label(x, y, text, color));
    }

    /** A plotted point the labels should not cover. */
    public void avoid(double x, double y) {
        points.add(new double[] {x, y});
    }

    public int size() {
        return labels.size();
    }

    /** Where the last draw put each label's box (pixels), in the order added. */
    public List<Rectangle2D> placed() {
        return List.copyOf(lastPlaced);
    }

    /** The data area of the last draw (pixels). */
    public Rectangle2D lastArea() {
        return lastArea;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis xa, ValueAxis ya, int rendererIndex,
                     PlotRenderingInfo info) {
        g2.setFont(Charts.SUBTITLE);
        FontMetrics fm = g2.getFontMetrics();
        List<Rectangle2D> placed = new ArrayList<>();
        lastPlaced = placed;
        lastArea = (Rectangle2D) area.clone();
        List<double[]> px = new ArrayList<>();
        for (double[] p : points) {
            px.add(new double[] {xa.valueToJava2D(p[0], area, plot.getDomainAxisEdge()),
                ya.valueToJava2D(p[1], area, plot.getRangeAxisEdge())});
        }
        for (Label l : labels) {
            double x = xa.valueToJava2D(l.x(), area, plot.getDomainAxisEdge());
            double y = ya.valueToJava2D(l.y(), area, plot.getRangeAxisEdge());
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                continue;
            }
            double w = fm.stringWidth(l.text()) + 8;
            double h = fm.getAscent() + fm.getDescent() + 4;
            Rectangle2D best = null;
            double bestCost = Double.POSITIVE_INFINITY;
            List<Rectangle2D> spots = candidates(x, y, w, h);
            for (int i = 0; i < spots.size(); i++) {
                Rectangle2D r = spots.get(i);
                // earlier spots win ties; overlapping a label is worst, leaving the plot next, covering points least
                double cost = 0.01 * i;
                for (Rectangle2D q : placed) {
                    if (q.intersects(r)) {
                        cost += 1000;
                    }
                }
                if (!area.contains(r)) {
                    cost += 500;
                }
                for (double[] p : px) {
                    if (r.contains(p[0], p[1])) {
                        cost += 20;
                    }
                }
                if (cost < bestCost) {
                    bestCost = cost;
                    best = r;
                }
            }
            placed.add(best);
            double cx = Math.max(best.getMinX(), Math.min(x, best.getMaxX()));
            double cy = Math.max(best.getMinY(), Math.min(y, best.getMaxY()));
            g2.setPaint(new Color(0x88, 0x88, 0x88));
            g2.setStroke(new BasicStroke(1f));
            g2.draw(new Line2D.Double(x, y, cx, cy));
            RoundRectangle2D box = new RoundRectangle2D.Double(best.getX(), best.getY(), w, h, 6, 6);
            g2.setPaint(new Color(255, 255, 255, 225));
            g2.fill(box);
            g2.setPaint(l.color());
            g2.draw(box);
            g2.setPaint(Color.BLACK);
            g2.drawString(l.text(), (float) (best.getX() + 4), (float) (best.getY() + 2 + fm.getAscent()));
        }
    }

    /** Spots for a w-by-h box around (x, y), in order of preference: the four diagonals, then the sides. */
    private static List<Rectangle2D> candidates(double x, double y, double w, double h) {
        double[][] offsets = {{GAP, -GAP - h}, {GAP, GAP}, {-GAP - w, -GAP - h}, {-GAP - w, GAP},
            {GAP + 2, -h / 2}, {-GAP - 2 - w, -h / 2}, {-w / 2, -GAP - 4 - h}, {-w / 2, GAP + 4},
            {2 * GAP, -2 * GAP - h}, {2 * GAP, 2 * GAP}, {-2 * GAP - w, -2 * GAP - h}, {-2 * GAP - w, 2 * GAP}};
        List<Rectangle2D> out = new ArrayList<>();
        for (double[] o : offsets) {
            out.add(new Rectangle2D.Double(x + o[0], y + o[1], w, h));
        }
        return out;
    }
}
