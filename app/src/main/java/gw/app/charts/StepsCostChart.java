package gw.app.charts;

import gw.app.export.CsvTable;
import gw.app.run.ComputeCurves;
import gw.app.run.CostPoint;
import gw.app.state.Schemes;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Wall time (top) and model evaluations (bottom, log axis) of every enabled scheme against the step count N. */
public final class StepsCostChart extends ChartPane {
    private final CombinedDomainXYPlot plot;
    private final XYSeriesCollection ms = new XYSeriesCollection();
    private final XYSeriesCollection nfe = new XYSeriesCollection();
    private final XYLineAndShapeRenderer msRenderer = Charts.lines(true);
    private final XYLineAndShapeRenderer nfeRenderer = Charts.lines(true);
    private ComputeCurves last;

    private StepsCostChart(JFreeChart chart, CombinedDomainXYPlot plot) {
        super("cost-vs-steps", chart);
        this.plot = plot;
        XYPlot top = (XYPlot) plot.getSubplots().get(0);
        XYPlot bottom = (XYPlot) plot.getSubplots().get(1);
        top.setDataset(ms);
        top.setRenderer(msRenderer);
        bottom.setDataset(nfe);
        bottom.setRenderer(nfeRenderer);
        nfeRenderer.setDefaultSeriesVisibleInLegend(false);
    }

    public static StepsCostChart create() {
        NumberAxis n = Charts.number("sampling steps N");
        n.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        LogAxis ms = Charts.log("wall time (ms, median of " + gw.app.run.ComputeSweep.TIMED_RUNS + " runs)");
        LogAxis nfe = Charts.log("NFE");
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(n);
        plot.setGap(8);
        plot.add(Charts.plot(null, ms), 1);
        plot.add(Charts.plot(null, nfe), 1);
        JFreeChart chart = Charts.chart("Cost vs step count", plot, true);
        Charts.subtitle(chart, "each enabled scheme; lookahead at the current H; current N marked");
        return new StepsCostChart(chart, plot);
    }

    public void show(ComputeCurves c) {
        last = c;
        chart().setNotify(false);
        try {
            ms.removeAllSeries();
            nfe.removeAllSeries();
            for (Map.Entry<String, List<CostPoint>> e : c.bySteps().entrySet()) {
                String label = Schemes.label(e.getKey(), c.settings());
                XYSeries t = new XYSeries(label);
                XYSeries n = new XYSeries(label);
                for (CostPoint p : e.getValue()) {
                    if (p.ok() && p.ms() > 0) {
                        t.add(p.steps(), p.ms(), false);
                        n.add(p.steps(), Math.max(1, p.nfe()), false);
                    }
                }
                int i = ms.getSeriesCount();
                ms.addSeries(t);
                nfe.addSeries(n);
                msRenderer.setSeriesPaint(i, SchemeStyle.color(e.getKey()));
                nfeRenderer.setSeriesPaint(i, SchemeStyle.color(e.getKey()));
            }
            XYPlot top = (XYPlot) plot.getSubplots().get(0);
            XYPlot bottom = (XYPlot) plot.getSubplots().get(1);
            double[] msExt = Charts.positiveExtent(ms, true);
            Charts.fitDecades((LogAxis) top.getRangeAxis(), msExt[0], msExt[1]);
            double[] nfeExt = Charts.positiveExtent(nfe, true);
            Charts.fitDecades((LogAxis) bottom.getRangeAxis(), nfeExt[0], nfeExt[1]);
            for (Object o : plot.getSubplots()) {
                XYPlot sub = (XYPlot) o;
                sub.clearDomainMarkers();
                sub.addDomainMarker(new ValueMarker(c.settings().steps(), Color.RED, new BasicStroke(1.5f)),
                        Layer.FOREGROUND);
            }
            showMessage(ms.getSeriesCount() == 0 ? "Enable a scheme to see its cost." : null);
        } finally {
            chart().setNotify(true);
        }
    }

    public int seriesCount() {
        return ms.getSeriesCount();
    }

    @Override
    protected CsvTable table() {
        CsvTable t = new CsvTable("scheme", "steps", "horizon", "wall_ms", "nfe", "mean_loss", "error");
        if (last != null) {
            for (List<CostPoint> ps : last.bySteps().values()) {
                for (CostPoint p : ps) {
                    t.add(p.scheme(), p.steps(), p.horizon(), p.ms(), p.nfe(), p.loss(), p.error());
                }
            }
        }
        return t;
    }
}
