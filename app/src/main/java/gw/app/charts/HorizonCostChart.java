package gw.app.charts;

import gw.app.export.CsvTable;
import gw.app.run.ComputeCurves;
import gw.app.run.CostPoint;
import java.awt.BasicStroke;
import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Wall time (left axis) and model evaluations (right axis) of lookahead guidance against its horizon H. */
public final class HorizonCostChart extends ChartPane {
    private static final Color TIME = new Color(0x00, 0x72, 0xB2);
    private static final Color NFE = new Color(0xE6, 0x9F, 0x00);
    private final XYPlot plot;
    private final XYSeriesCollection ms = new XYSeriesCollection();
    private final XYSeriesCollection nfe = new XYSeriesCollection();
    private ComputeCurves last;

    private HorizonCostChart(JFreeChart chart, XYPlot plot) {
        super("cost-vs-horizon", chart);
        this.plot = plot;
        plot.setDataset(0, ms);
        plot.setDataset(1, nfe);
        XYLineAndShapeRenderer r0 = Charts.lines(true);
        r0.setSeriesPaint(0, TIME);
        XYLineAndShapeRenderer r1 = Charts.lines(true);
        r1.setSeriesPaint(0, NFE);
        r1.setSeriesStroke(0, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                new float[] {6f, 4f}, 0f));
        r1.setAutoPopulateSeriesStroke(false);
        plot.setRenderer(0, r0);
        plot.setRenderer(1, r1);
        NumberAxis right = Charts.number("model evaluations (NFE)");
        right.setAutoRangeIncludesZero(true);
        plot.setRangeAxis(1, right);
        plot.mapDatasetToRangeAxis(1, 1);
    }

    public static HorizonCostChart create() {
        NumberAxis h = Charts.number("lookahead horizon H (top: end-to-end)");
        h.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis ms = Charts.number("wall time (ms)");
        ms.setAutoRangeIncludesZero(true);
        XYPlot plot = Charts.plot(h, ms);
        JFreeChart chart = Charts.chart("Cost of lookahead vs horizon", plot, true);
        Charts.subtitle(chart, "sampling + guidance, all particles; H steps from every t "
                + "(end-to-end: the N \u2212 i left)");
        return new HorizonCostChart(chart, plot);
    }

    public void show(ComputeCurves c) {
        last = c;
        chart().setNotify(false);
        try {
            ms.removeAllSeries();
            nfe.removeAllSeries();
            XYSeries t = new XYSeries("wall time (ms)");
            XYSeries n = new XYSeries("NFE");
            for (CostPoint p : c.byHorizon()) {
                if (p.ok()) {
                    t.add(p.horizon(), p.ms(), false);
                    n.add(p.horizon(), p.nfe(), false);
                }
            }
            ms.addSeries(t);
            nfe.addSeries(n);
            plot.clearDomainMarkers();
            ValueMarker m = new ValueMarker(c.settings().effectiveHorizon(), Color.RED, new BasicStroke(1.5f));
            m.setLabel(c.settings().horizonIsEndToEnd() ? "current: end-to-end" : "current H");
            m.setLabelFont(Charts.SUBTITLE);
            m.setLabelPaint(Color.RED.darker());
            m.setLabelBackgroundColor(new Color(255, 255, 255, 200));
            boolean right = c.settings().effectiveHorizon() < 0.7 * c.settings().steps();
            m.setLabelAnchor(right ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(right ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
            plot.addDomainMarker(m, Layer.FOREGROUND);
            // the top of the sweep is end-to-end: N - i steps from step i, so fewer on average than a large fixed H
            XYLineAndShapeRenderer r0 = (XYLineAndShapeRenderer) plot.getRenderer(0);
            r0.removeAnnotations();
            PointLabels labels = new PointLabels();
            for (CostPoint p : c.byHorizon()) {
                if (p.ok() && p.horizon() >= c.settings().steps()) {
                    labels.add(p.horizon(), p.ms(), "end-to-end: N \u2212 i steps", SchemeStyle.color("end-to-end"));
                }
                if (p.ok()) {
                    labels.avoid(p.horizon(), p.ms());
                }
            }
            r0.addAnnotation(labels, Layer.FOREGROUND);
            long failed = c.byHorizon().stream().filter(p -> !p.ok()).count();
            showMessage(failed == 0 ? null : failed + " horizon(s) diverged and are not plotted: "
                    + c.byHorizon().stream().filter(p -> !p.ok()).findFirst().get().error());
        } finally {
            chart().setNotify(true);
        }
    }

    public int seriesCount() {
        return ms.getSeriesCount() + nfe.getSeriesCount();
    }

    @Override
    protected CsvTable table() {
        CsvTable t = new CsvTable("horizon", "steps", "wall_ms", "nfe", "mean_loss", "error");
        if (last != null) {
            for (CostPoint p : last.byHorizon()) {
                t.add(p.horizon(), p.steps(), p.ms(), p.nfe(), p.loss(), p.error());
            }
        }
        return t;
    }
}
