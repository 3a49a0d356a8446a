package gw.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.junit.jupiter.api.Test;

/** The chart helpers behind readable plots: decade labels, cosine ranges, equal units in 2-D plots. */
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
}
