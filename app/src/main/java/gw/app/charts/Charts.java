package gw.app.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.math.BigDecimal;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeriesCollection;

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

    /**
     * A base-10 log axis labelled at whole decades in plain numbers (0.01, 0.1, 1, 10; 1e-5 beyond), not at
     * fractional powers such as 10^0.5.
     */
    public static LogAxis log(String label) {
        LogAxis a = new LogAxis(label);
        style(a);
        a.setSmallestValue(1e-12);
        a.setBase(10);
        TickUnits decades = new TickUnits();
        for (int k : new int[] {1, 2, 3, 4, 5, 10}) {
            decades.add(new NumberTickUnit(k));
        }
        a.setStandardTickUnits(decades);
        a.setNumberFormatOverride(DECADES);
        a.setMinorTickMarksVisible(true);
        a.setMinorTickCount(9);
        return a;
    }

    /** Formats a power of ten as people write it: 0.001, 0.1, 1, 100, 10000, and 1e-5, 1e+6 beyond. */
    static final NumberFormat DECADES = new NumberFormat() {
        @Override
        public StringBuffer format(double v, StringBuffer b, FieldPosition p) {
            return b.append(decade(v));
        }

        @Override
        public StringBuffer format(long v, StringBuffer b, FieldPosition p) {
            return b.append(decade(v));
        }

        @Override
        public Number parse(String s, ParsePosition p) {
            return null;
        }
    };

    static String decade(double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            return "";
        }
        double e = Math.log10(v);
        long k = Math.round(e);
        if (Math.abs(e - k) > 1e-6) {
            return String.format(Locale.ROOT, "%.2g", v);
        }
        if (k >= -3 && k <= 4) {
            return BigDecimal.ONE.scaleByPowerOfTen((int) k).stripTrailingZeros().toPlainString();
        }
        return "1e" + (k > 0 ? "+" : "") + k;
    }

    /**
     * Sets a log axis to the values it shows (with a small margin), widened where needed so that at least two
     * whole decades, and so two labels, are on it. An axis with no positive values goes back to auto range.
     */
    public static void fitDecades(LogAxis a, double min, double max) {
        if (!(min > 0) || !(max >= min) || !Double.isFinite(max)) {
            a.setAutoRange(true);
            return;
        }
        double lmin = Math.log10(min);
        double lmax = Math.log10(max);
        double m = Math.max(0.05 * (lmax - lmin), 0.05);
        double lo = lmin - m;
        double hi = lmax + m;
        if (Math.floor(hi) - Math.ceil(lo) < 1) {
            // widened to whole decades, with the same small margin beyond them: a decade on the plot's very edge
            // has its label half outside, where the top one ran into the chart's subtitle
            lo = Math.min(lo, Math.floor(lmin) - m);
            hi = Math.max(hi, Math.ceil(lmax) + m);
            if (Math.floor(hi) - Math.ceil(lo) < 1) {
                hi = Math.ceil(lo) + 1 + m;
            }
        }
        a.setRange(Math.pow(10, lo), Math.pow(10, hi));
    }

    /** Smallest and largest positive finite y (or x) over every series of a collection: {min, max}, NaN if none. */
    public static double[] positiveExtent(XYSeriesCollection d, boolean y) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < d.getSeriesCount(); s++) {
            for (int i = 0; i < d.getItemCount(s); i++) {
                double v = y ? d.getYValue(s, i) : d.getXValue(s, i);
                if (v > 0 && Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return min <= max ? new double[] {min, max} : new double[] {Double.NaN, Double.NaN};
    }

    /**
     * A cosine-similarity axis: always shows 0.9 to 1 (so values of 0.9996 do not fill the plot as if they were
     * far apart), widened down to the lowest value shown.
     */
    public static void fitCosine(NumberAxis a, double min) {
        double lo = Double.isFinite(min) ? Math.max(-1, Math.min(0.9, min)) : 0.9;
        double pad = 0.05 * (1 - lo);
        a.setRange(lo - pad, 1 + pad);
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

    public static JFreeChart chart(String title, Plot plot, boolean legend) {
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

    /** Replaces the chart's subtitle (a short explanation or a summary of the data), wrapped to at most 2 lines. */
    public static void subtitle(JFreeChart c, String text) {
        subtitle(c, text, 2);
    }

    /**
     * Replaces the chart's subtitle, shown in at most the given number of lines (side-by-side panels use 1, so
     * their plots line up whatever their summaries say).
     */
    public static void subtitle(JFreeChart c, String text, int lines) {
        for (int i = c.getSubtitleCount() - 1; i >= 0; i--) {
            if (c.getSubtitle(i) instanceof TextTitle) {
                c.removeSubtitle(c.getSubtitle(i));
            }
        }
        if (text != null && !text.isEmpty()) {
            TextTitle t = new TextTitle(text, subtitleFont);
            t.setPaint(Color.DARK_GRAY);
            t.setMaximumLinesToDisplay(lines);
            // wrap well inside the chart: the line breaks are measured with other font metrics than those drawn
            // with, and a centred line that comes out wider than the chart is cut on both sides
            t.setPadding(0, 24, 0, 24);
            c.addSubtitle(0, t);
        }
    }

    /** A chart font as drawn in normal or lecture-hall mode (half as large again). */
    public static Font font(Font base, boolean lecture) {
        return lecture ? base.deriveFont(base.getSize2D() * 1.5f) : base;
    }

    /**
     * Sets the fonts of a chart's title, subtitles, legend and axes for normal or lecture-hall mode (the base
     * sizes are the constants above).
     */
    public static void restyle(JFreeChart c, boolean lecture) {
        if (c.getTitle() != null) {
            c.getTitle().setFont(font(TITLE, lecture));
        }
        for (int i = 0; i < c.getSubtitleCount(); i++) {
            if (c.getSubtitle(i) instanceof TextTitle t) {
                t.setFont(font(SUBTITLE, lecture));
            } else if (c.getSubtitle(i) instanceof LegendTitle l) {
                l.setItemFont(font(SUBTITLE, lecture));
            }
        }
        subtitleFont = font(SUBTITLE, lecture);
        Plot p = c.getPlot();
        java.util.List<XYPlot> plots = new java.util.ArrayList<>();
        if (p instanceof org.jfree.chart.plot.CombinedDomainXYPlot cd) {
            plots.addAll(cd.getSubplots());
            styleAxis(cd.getDomainAxis(), lecture);
        }
        if (p instanceof XYPlot xy) {
            plots.add(xy);
        }
        for (XYPlot xy : plots) {
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                styleAxis(xy.getDomainAxis(i), lecture);
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                styleAxis(xy.getRangeAxis(i), lecture);
            }
        }
    }

    private static void styleAxis(ValueAxis a, boolean lecture) {
        if (a != null) {
            a.setLabelFont(font(LABEL, lecture));
            a.setTickLabelFont(font(TICK, lecture));
        }
    }

    /** Font of subtitles made from now on (lecture-hall mode makes it larger). */
    private static Font subtitleFont = SUBTITLE;

    private static final java.awt.image.BufferedImage MEASURE = new java.awt.image.BufferedImage(1, 1,
            java.awt.image.BufferedImage.TYPE_INT_RGB);

    /**
     * Joins pieces of a summary with " \u00b7 " into lines no wider than the given width in the font (a piece
     * wider than that gets a line of its own), so a narrow panel shows its summary on more lines instead of cutting
     * it.
     */
    public static String pack(java.util.List<String> pieces, Font font, double width) {
        java.awt.FontMetrics fm = MEASURE.getGraphics().getFontMetrics(font);
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String p : pieces) {
            String next = line.length() == 0 ? p : line + " \u00b7 " + p;
            if (line.length() > 0 && fm.stringWidth(next) > width) {
                out.append(out.length() == 0 ? "" : "\n").append(line);
                line.setLength(0);
                line.append(p);
            } else {
                line.setLength(0);
                line.append(next);
            }
        }
        if (line.length() > 0) {
            out.append(out.length() == 0 ? "" : "\n").append(line);
        }
        return out.toString();
    }
}
