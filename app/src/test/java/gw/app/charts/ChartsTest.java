package gw.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/** The chart helpers behind readable plots: decade labels, equal units in 2-D plots, labels that do not collide. */
class ChartsTest {

    private static ChartRenderingInfo draw(JFreeChart chart, int w, int h) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        chart.draw(g, new Rectangle2D.Double(0, 0, w, h), info);
        g.dispose();
        return info;
    }

    @Test
    void logAxesAreLabelledAtWholeDecadesInPlainNumbers() {
        assertEquals("0.001", Charts.decade(1e-3));
        assertEquals("0.1", Charts.decade(0.1));
        assertEquals("1", Charts.decade(1));
        assertEquals("100", Charts.decade(100));
        assertEquals("1e-5", Charts.decade(1e-5));
        assertEquals("1e+6", Charts.decade(1e6));
        LogAxis a = Charts.log("error");
        // values within one decade still get two labelled decades
        Charts.fitDecades(a, 0.3, 0.8);
        assertTrue(a.getLowerBound() <= 0.1 + 1e-12 && a.getUpperBound() >= 1 - 1e-12,
                a.getLowerBound() + " .. " + a.getUpperBound());
        // inside the plot, not on its edge (where half the label is outside, over the subtitle)
        assertTrue(a.getLowerBound() < 0.099 && a.getUpperBound() > 1.01, a.getLowerBound() + " .. "
                + a.getUpperBound());
        Charts.fitDecades(a, 2e-3, 1.5);
        assertTrue(a.getLowerBound() < 2e-3 && a.getUpperBound() > 1.5);
        assertTrue(a.getUpperBound() < 3, "a small margin, not a whole empty decade: " + a.getUpperBound());
    }

    @Test
    void cosineAxisDoesNotMagnifyNearlyPerfectAgreement() {
        NumberAxis a = Charts.number("cosine");
        Charts.fitCosine(a, 0.9996);
        assertTrue(a.getLowerBound() < 0.9 && a.getUpperBound() > 1, a.getRange().toString());
        Charts.fitCosine(a, -0.4);
        assertTrue(a.getLowerBound() < -0.4);
    }

    @Test
    void twoDimensionalPlotsKeepEqualUnitsAtAnySize() {
        EqualUnitsPlot plot = Charts.plane(Charts.number("x1"), Charts.number("x2"));
        plot.setWindow(new double[] {-4.5, 4.5, -4.5, 4.5});
        JFreeChart chart = Charts.chart("samples", plot, false);
        for (int[] size : new int[][] {{300, 400}, {800, 350}, {760, 720}}) {
            Rectangle2D area = draw(chart, size[0], size[1]).getPlotInfo().getDataArea();
            double xPerPixel = (plot.getDomainAxis().getUpperBound() - plot.getDomainAxis().getLowerBound())
                    / area.getWidth();
            double yPerPixel = (plot.getRangeAxis().getUpperBound() - plot.getRangeAxis().getLowerBound())
                    / area.getHeight();
            assertEquals(xPerPixel, yPerPixel, 5e-3 * xPerPixel, "equal units at " + size[0] + "x" + size[1]);
            assertTrue(plot.getDomainAxis().getLowerBound() <= -4.5 && plot.getDomainAxis().getUpperBound() >= 4.5);
            assertTrue(plot.getRangeAxis().getLowerBound() <= -4.5 && plot.getRangeAxis().getUpperBound() >= 4.5);
        }
    }

    @Test
    void pointLabelsNeitherOverlapNorLeaveThePlot() {
        // a tight cluster, like the horizon sweep on the loss-vs-compute plot, with three labels in it
        XYSeries s = new XYSeries("sweep", false, true);
        double[][] pts = {{40, 0.74}, {45, 0.80}, {48, 0.75}, {52, 0.86}, {60, 0.73}, {75, 0.94}, {90, 0.82},
            {110, 0.78}, {50, 0.76}};
        for (double[] p : pts) {
            s.add(p[0], p[1]);
        }
        XYPlot plot = Charts.plot(Charts.log("ms"), Charts.number("loss"));
        plot.setDataset(new XYSeriesCollection(s));
        XYLineAndShapeRenderer r = Charts.lines(true);
        plot.setRenderer(r);
        plot.getRangeAxis().setRange(0, 2.6);
        PointLabels labels = new PointLabels();
        labels.add(50, 0.76, "current: H = 3", java.awt.Color.RED);
        labels.add(40, 0.74, "H = 1", java.awt.Color.BLUE);
        labels.add(52, 0.86, "end-to-end", java.awt.Color.BLUE);
        for (double[] p : pts) {
            labels.avoid(p[0], p[1]);
        }
        r.addAnnotation(labels);
        draw(Charts.chart("Loss vs compute", plot, true), 420, 480);
        List<Rectangle2D> boxes = labels.placed();
        assertEquals(3, boxes.size());
        for (int i = 0; i < boxes.size(); i++) {
            assertTrue(labels.lastArea().contains(boxes.get(i)), "label " + i + " inside the plot");
            for (int j = i + 1; j < boxes.size(); j++) {
                assertFalse(boxes.get(i).intersects(boxes.get(j)), "labels " + i + " and " + j + " overlap");
            }
        }
    }
}
