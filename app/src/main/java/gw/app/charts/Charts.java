package gw.app.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/** The workbench's chart look: fonts, white plots with light grid lines, legends at the bottom. */
public final class Charts {
    public static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    public static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    public static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    public static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    public static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

    private Charts() {
    }

    public static NumberAxis number(String label) {
        NumberAxis a = new NumberAxis(label);
        style(a);
        a.setAutoRangeIncludesZero(false);
        return a;
    }

    public static LogAxis log(String label) {
        LogAxis a = new LogAxis(label);
        style(a);
        a.setSmallestValue(1e-12);
        a.setBase(10);
        a.setMinorTickMarksVisible(true);
        return a;
    }

    private static void style(ValueAxis a) {
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
    }

    public static XYPlot plot(ValueAxis x, ValueAxis y) {
        return style(new XYPlot(null, x, y, null));
    }

    /** A 2-D plot with equal units on both axes (samples, inspector), without grid lines. */
    public static EqualUnitsPlot plane(ValueAxis x, ValueAxis y) {
        EqualUnitsPlot p = style(new EqualUnitsPlot(x, y));
        p.setDomainGridlinesVisible(false);
        p.setRangeGridlinesVisible(false);
        return p;
    }

    private static <P extends XYPlot> P style(P p) {
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(GRID);
        p.setRangeGridlinePaint(GRID);
        p.setAxisOffset(RectangleInsets.ZERO_INSETS);
        p.setOutlinePaint(Color.GRAY);
        return p;
    }

    /** A line renderer with small filled markers, one colour per series set by the caller. */
    public static XYLineAndShapeRenderer lines(boolean shapes) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, shapes);
        r.setAutoPopulateSeriesStroke(false);
        r.setDefaultStroke(new BasicStroke(2f));
        r.setAutoPopulateSeriesShape(false);
        r.setDefaultShape(new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
        return r;
    }

    public static JFreeChart chart(String title, XYPlot plot, boolean legend) {
        JFreeChart c = new JFreeChart(title, TITLE, plot, legend);
        c.setBackgroundPaint(Color.WHITE);
        c.setAntiAlias(true);
        c.setTextAntiAlias(true);
        c.setPadding(new RectangleInsets(4, 4, 4, 8));
        LegendTitle l = c.getLegend();
        if (l != null) {
            l.setItemFont(SUBTITLE);
            l.setPosition(RectangleEdge.BOTTOM);
            l.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        return c;
    }

    /** Replaces the chart's one subtitle line (a short explanation or a summary of the data). */
    public static void subtitle(JFreeChart c, String text) {
        for (int i = c.getSubtitleCount() - 1; i >= 0; i--) {
            if (c.getSubtitle(i) instanceof TextTitle) {
                c.removeSubtitle(c.getSubtitle(i));
            }
        }
        if (text != null && !text.isEmpty()) {
            TextTitle t = new TextTitle(text, SUBTITLE);
            t.setPaint(Color.DARK_GRAY);
            c.addSubtitle(0, t);
        }
    }
}
