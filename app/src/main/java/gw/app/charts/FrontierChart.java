package gw.app.charts;

import gw.app.export.CsvTable;
import gw.app.run.ComputeCurves;
import gw.app.run.ComputeSweep;
import gw.app.run.CostPoint;
import gw.app.state.Schemes;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Final loss against compute: the lookahead horizon sweep (labelled by H) and each scheme's step-count sweep. Lower
 * left is better; the current setting is ringed.
 */
public final class FrontierChart extends ChartPane {
    private final XYPlot plot;
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = Charts.lines(true);
    private ComputeCurves last;
    private PointLabels labels = new PointLabels();

    private FrontierChart(JFreeChart chart, XYPlot plot) {
        super("loss-vs-compute", chart);
        this.plot = plot;
        plot.setDataset(data);
        plot.setRenderer(renderer);
    }

    public static FrontierChart create() {
        LogAxis ms = Charts.log("wall time (ms, log; median of " + ComputeSweep.TIMED_RUNS + " runs)");
        NumberAxis loss = Charts.number("mean final loss");
        XYPlot plot = Charts.plot(ms, loss);
        JFreeChart chart = Charts.chart("Loss vs compute", plot, true);
        Charts.subtitle(chart, "lower left is better; lookahead H = 1 \u2026 end-to-end; N sweeps: guidance per unit time; "
                + "current ringed");
        return new FrontierChart(chart, plot);
    }

    public void show(ComputeCurves c) {
        last = c;
        chart().setNotify(false);
        try {
            data.removeAllSeries();
            renderer.removeAnnotations();
            labels = new PointLabels();
            int n = c.settings().steps();
            int current = c.settings().effectiveHorizon();
            XYSeries h = new XYSeries("lookahead, H = 1 \u2026 N", false, true);
            CostPoint ringed = null;
            for (CostPoint p : c.byHorizon()) {
                if (p.ok() && p.ms() > 0) {
                    h.add(p.ms(), p.loss(), false);
                    if (p.horizon() == current) {
                        ringed = p;
                    }
                }
            }
            // the current setting first, so it gets the best spot; then the two ends of the horizon sweep
            if (ringed != null) {
                renderer.addAnnotation(new MarkerAnnotation(ringed.ms(), ringed.loss(), MarkerAnnotation.Kind.RING,
                        Color.RED, null));
                labels.add(ringed.ms(), ringed.loss(), "current: " + horizonName(current, n), Color.RED);
            }
            for (CostPoint p : c.byHorizon()) {
                boolean end = p.horizon() == 1 || p.horizon() >= n;
                if (p.ok() && p.ms() > 0 && end && p.horizon() != current) {
                    labels.add(p.ms(), p.loss(), horizonName(p.horizon(), n), SchemeStyle.color("lookahead"));
                }
            }
            renderer.setSeriesPaint(0, SchemeStyle.color("lookahead"));
            data.addSeries(h);
            for (Map.Entry<String, List<CostPoint>> e : c.bySteps().entrySet()) {
                if (!Schemes.guided(e.getKey()) || e.getKey().equals("lookahead")) {
                    continue;
                }
                XYSeries s = new XYSeries(e.getKey() + ", N sweep", false, true);
                for (CostPoint p : e.getValue()) {
                    if (p.ok() && p.ms() > 0) {
                        s.add(p.ms(), p.loss(), false);
                    }
                }
                renderer.setSeriesPaint(data.getSeriesCount(), SchemeStyle.color(e.getKey()));
                data.addSeries(s);
            }
            for (int i = 0; i < data.getSeriesCount(); i++) {
                for (int k = 0; k < data.getItemCount(i); k++) {
                    labels.avoid(data.getXValue(i, k), data.getYValue(i, k));
                }
            }
            renderer.addAnnotation(labels, org.jfree.chart.ui.Layer.FOREGROUND);
            double[] x = Charts.positiveExtent(data, false);
            Charts.fitDecades((LogAxis) plot.getDomainAxis(), x[0], x[1]);
            showMessage(h.getItemCount() == 0 ? "No finished lookahead run to plot (all diverged?)" : null);
        } finally {
            chart().setNotify(true);
        }
    }

    private static String horizonName(int h, int steps) {
        return h >= steps ? "end-to-end" : "H = " + h;
    }

    /** The labels at the current setting and the ends of the horizon sweep (placed when the chart is drawn). */
    public PointLabels labels() {
        return labels;
    }

    public int seriesCount() {
        return data.getSeriesCount();
    }

    @Override
    protected CsvTable table() {
        CsvTable t = new CsvTable("series", "scheme", "steps", "horizon", "wall_ms", "nfe", "mean_loss");
        if (last != null) {
            for (CostPoint p : last.byHorizon()) {
                t.add("horizon-sweep", p.scheme(), p.steps(), p.horizon(), p.ms(), p.nfe(), p.loss());
            }
            for (List<CostPoint> ps : last.bySteps().values()) {
                for (CostPoint p : ps) {
                    t.add("steps-sweep", p.scheme(), p.steps(), p.horizon(), p.ms(), p.nfe(), p.loss());
                }
            }
        }
        return t;
    }
}
