package gw.app.charts;

import gw.app.export.CsvTable;
import gw.app.run.ErrorProfiles;
import gw.app.run.RunResult;
import gw.app.run.SchemeOutcome;
import gw.app.state.Schemes;
import gw.app.state.Settings;
import gw.experiment.StepRecord;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * How far each scheme's guidance gradient is from the continuous ideal (the gradient through the exact flow) at
 * each step of the solve: relative error on a log axis above, cosine similarity below; one series per guided
 * scheme, averaged over the first few particles.
 */
public final class GradientErrorChart extends ChartPane {
    private final XYSeriesCollection errors;
    private final XYSeriesCollection cosines;
    private final XYLineAndShapeRenderer errRenderer;
    private final XYLineAndShapeRenderer cosRenderer;
    private final LogAxis errAxis;
    private final NumberAxis cosAxis;
    private ErrorProfiles last;

    private GradientErrorChart(JFreeChart chart, XYSeriesCollection errors, XYSeriesCollection cosines,
                               XYLineAndShapeRenderer er, XYLineAndShapeRenderer cr) {
        super("gradient-error", chart);
        this.errors = errors;
        this.cosines = cosines;
        this.errRenderer = er;
        this.cosRenderer = cr;
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) chart.getPlot();
        this.errAxis = (LogAxis) ((XYPlot) plot.getSubplots().get(0)).getRangeAxis();
        this.cosAxis = (NumberAxis) ((XYPlot) plot.getSubplots().get(1)).getRangeAxis();
    }

    public static GradientErrorChart create() {
        NumberAxis t = Charts.number("time t  (0 = noise, 1 = data)");
        t.setRange(0, 1);
        LogAxis err = Charts.log("rel. error");
        NumberAxis cos = Charts.number("cosine");
        cos.setAutoRangeIncludesZero(false);
        XYSeriesCollection e = new XYSeriesCollection();
        XYSeriesCollection c = new XYSeriesCollection();
        XYLineAndShapeRenderer er = Charts.lines(true);
        XYLineAndShapeRenderer cr = Charts.lines(true);
        cr.setDefaultSeriesVisibleInLegend(false);
        XYPlot top = Charts.plot(null, err);
        top.setDataset(e);
        top.setRenderer(er);
        XYPlot bottom = Charts.plot(null, cos);
        bottom.setDataset(c);
        bottom.setRenderer(cr);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(t);
        plot.setGap(8);
        plot.add(top, 3);
        plot.add(bottom, 2);
        JFreeChart chart = Charts.chart("Gradient error against the continuous ideal", plot, true);
        Charts.subtitle(chart, subtitle(false));
        return new GradientErrorChart(chart, e, c, er, cr);
    }

    /** What g and g* are, and what is measured: fewer steps and particles on a network, whose ideal is costly. */
    static String subtitle(boolean network) {
        if (network) {
            return "g = the scheme's guidance gradient, g* = the exact gradient through the network's own flow to "
                    + "t = 0.999, then x\u0302\u2081 there; mean over the first " + ErrorProfiles.NETWORK_PARTICLES
                    + " particles, at up to " + ErrorProfiles.NETWORK_STEPS + " steps (a network's ideal is costly)";
        }
        return "g = the scheme's guidance gradient, g* = the exact (continuous end-to-end) gradient; mean over the "
                + "first " + Settings.METRIC_PARTICLES + " particles, at up to " + ErrorProfiles.MAX_STEPS + " steps";
    }

    /** The subtitle currently shown. */
    public String subtitleText() {
        for (int i = 0; i < chart().getSubtitleCount(); i++) {
            if (chart().getSubtitle(i) instanceof org.jfree.chart.title.TextTitle tt) {
                return tt.getText();
            }
        }
        return "";
    }

    public void show(ErrorProfiles p) {
        last = p;
        RunResult r = p.run();
        JFreeChart chart = chart();
        chart.setNotify(false);
        try {
            boolean network = ErrorProfiles.costlyIdeal(r.settings().model());
            Charts.subtitle(chart, subtitle(network), network ? 3 : 2);
            errors.removeAllSeries();
            cosines.removeAllSeries();
            List<String> failed = new ArrayList<>();
            for (SchemeOutcome o : r.outcomes().values()) {
                if (!Schemes.guided(o.scheme())) {
                    continue;
                }
                String label = Schemes.label(o.scheme(), r.settings());
                XYSeries e = new XYSeries(label, false, true);
                XYSeries c = new XYSeries(label, false, true);
                List<StepRecord> steps = p.steps().get(o.scheme());
                if (!o.ok()) {
                    failed.add(label + ": " + o.error());
                } else if (steps == null) {
                    failed.add(label + ": " + p.errors().getOrDefault(o.scheme(), "not measured"));
                } else {
                    for (StepRecord s : steps) {
                        if (Double.isFinite(s.relErrorMean()) && s.relErrorMean() > 0) {
                            e.add(s.t(), s.relErrorMean(), false);
                        }
                        if (Double.isFinite(s.cosineMean())) {
                            c.add(s.t(), s.cosineMean(), false);
                        }
                    }
                }
                int i = errors.getSeriesCount();
                errors.addSeries(e);
                cosines.addSeries(c);
                errRenderer.setSeriesPaint(i, SchemeStyle.color(o.scheme()));
                cosRenderer.setSeriesPaint(i, SchemeStyle.color(o.scheme()));
            }
            double[] ext = Charts.positiveExtent(errors, true);
            Charts.fitDecades(errAxis, ext[0], ext[1]);
            double lowest = Double.NaN;
            for (int i = 0; i < cosines.getSeriesCount(); i++) {
                for (int k = 0; k < cosines.getItemCount(i); k++) {
                    double v = cosines.getYValue(i, k);
                    lowest = Double.isNaN(lowest) ? v : Math.min(lowest, v);
                }
            }
            Charts.fitCosine(cosAxis, lowest);
            if (errors.getSeriesCount() == 0) {
                showMessage("Enable a guided scheme (greedy, lookahead, end-to-end or adjoint) to see its error.");
            } else if (r.settings().scale() == 0) {
                showMessage("Guidance scale is 0: no step is guided, so there is no gradient to compare.");
            } else {
                showMessage(failed.isEmpty() ? null : String.join("\n", failed));
            }
        } finally {
            chart.setNotify(true);
        }
    }

    /** Points in each relative-error series, in series order. */
    public java.util.List<Integer> pointCounts() {
        java.util.List<Integer> out = new ArrayList<>();
        for (int i = 0; i < errors.getSeriesCount(); i++) {
            out.add(errors.getSeries(i).getItemCount());
        }
        return out;
    }

    public int seriesCount() {
        return errors.getSeriesCount();
    }

    @Override
    protected CsvTable table() {
        CsvTable t = new CsvTable("scheme", "step", "t", "rel_error_mean", "rel_error_median", "cosine_mean", "nfe",
                "vjps", "guidance_ms");
        if (last == null) {
            return t;
        }
        for (var e : last.steps().entrySet()) {
            for (StepRecord s : e.getValue()) {
                t.add(e.getKey(), s.index(), s.t(), s.relErrorMean(), s.relErrorMedian(), s.cosineMean(),
                        s.nfe(), s.vjps(), s.guidanceMs());
            }
        }
        return t;
    }
}
