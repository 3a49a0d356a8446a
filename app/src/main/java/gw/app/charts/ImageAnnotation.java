package gw.app.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/** An image stretched over a rectangle in data coordinates (the density heat map behind the particles). */
public final class ImageAnnotation extends IdentityAnnotation {
    private final BufferedImage image;
    private final double[] bounds;

    /** @param bounds {xmin, xmax, ymin, ymax} in data coordinates */
    public ImageAnnotation(BufferedImage image, double[] bounds) {
        this.image = image;
        this.bounds = bounds.clone();
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis x, ValueAxis y, int rendererIndex,
                     PlotRenderingInfo info) {
        double x0 = x.valueToJava2D(bounds[0], area, plot.getDomainAxisEdge());
        double x1 = x.valueToJava2D(bounds[1], area, plot.getDomainAxisEdge());
        double y0 = y.valueToJava2D(bounds[3], area, plot.getRangeAxisEdge());
        double y1 = y.valueToJava2D(bounds[2], area, plot.getRangeAxisEdge());
        g2.drawImage(image, (int) Math.round(x0), (int) Math.round(y0), (int) Math.round(x1 - x0),
                (int) Math.round(y1 - y0), null);
    }
}
