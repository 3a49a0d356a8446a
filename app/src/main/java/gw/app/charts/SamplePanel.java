package gw.app.charts;

import gw.app.export.CsvTable;
import gw.app.run.SchemeOutcome;
import gw.app.state.Schemes;
import gw.app.state.Settings;
import gw.experiment.CellResult;
import gw.experiment.CellSummary;
import gw.model.ClosedFormDensity;
import gw.tensor.Batch;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYDotRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * One scheme's final samples: particles over the data density (heat map), the target marked, and optionally the
 * first particles' trajectories. Every panel uses the same axes, so the schemes compare at a glance.
 */
public final class SamplePanel extends ChartPane {
    private final String scheme;
    private final XYPlot plot;
    private final DefaultXYDataset particles = new DefaultXYDataset();
    private final DefaultXYDataset paths = new DefaultXYDataset();
    private final XYDotRenderer dots = new XYDotRenderer();
    private final XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
    private ImageAnnotation heat;
    private MarkerAnnotation target;
    private double[][] shown = new double[2][0];

    private SamplePanel(String scheme, JFreeChart chart, XYPlot plot) {
        super("samples-" + scheme, chart);
        this.scheme = scheme;
        this.plot = plot;
        setId("samples-" + scheme);
        plot.setDataset(0, particles);
        plot.setRenderer(0, dots);
        plot.setDataset(1, paths);
        plot.setRenderer(1, lines);
        Color c = SchemeStyle.color(scheme);
        dots.setDotWidth(3);
        dots.setDotHeight(3);
        dots.setSeriesPaint(0, SchemeStyle.withAlpha(c, 170));
        lines.setDefaultPaint(SchemeStyle.withAlpha(c, 110));
        lines.setAutoPopulateSeriesPaint(false);
        lines.setDefaultStroke(new BasicStroke(1f));
        lines.setAutoPopulateSeriesStroke(false);
        lines.setDefaultSeriesVisibleInLegend(false);
    }

    public static SamplePanel create(String scheme) {
        NumberAxis x = Charts.number("x\u2081");
        NumberAxis y = Charts.number("x\u2082");
        XYPlot plot = Charts.plane(x, y);
        JFreeChart chart = Charts.chart(scheme, plot, false);
        return new SamplePanel(scheme, chart, plot);
    }

    public String scheme() {
        return scheme;
    }

    /** Redraws for a new outcome; a failed scheme keeps its axes and density and shows the reason. */
    public void show(SchemeOutcome outcome, Settings s, ClosedFormDensity density, double[] bounds) {
        JFreeChart chart = chart();
        chart.setNotify(false);
        try {
            chart.setTitle(Schemes.label(scheme, s));
            chart.getTitle().setFont(Charts.TITLE);
            chart.getTitle().setPaint(SchemeStyle.color(scheme).darker());
            ((EqualUnitsPlot) plot).setWindow(bounds);
            ImageAnnotation h = new ImageAnnotation(DensityImage.of(density, bounds), bounds);
            if (heat != null) {
                dots.removeAnnotation(heat);
            }
            dots.addAnnotation(h, Layer.BACKGROUND);
            heat = h;
            setTarget(s.targetX(), s.targetY());
            if (particles.getSeriesCount() > 0) {
                particles.removeSeries(particles.getSeriesKey(0));
            }
            while (paths.getSeriesCount() > 0) {
                paths.removeSeries(paths.getSeriesKey(0));
            }
            if (outcome == null || !outcome.ok()) {
                shown = new double[2][0];
                Charts.subtitle(chart, "no samples", 1);
                if (outcome == null) {
                    showNote("Sampling\u2026");
                } else {
                    showMessage(outcome.error());
                }
                return;
            }
            CellResult r = outcome.result();
            shown = columns(r.samples());
            particles.addSeries(scheme, shown);
            if (s.trajectories()) {
                addTrajectories(r.trajectories());
            }
            CellSummary sum = r.summary();
            int outside = outsideCount();
            String where = outside == 0 ? "" : String.format(Locale.ROOT, " \u00b7 %,d off the plot", outside);
            if (!inView(s.targetX(), s.targetY())) {
                where += " \u00b7 target off the plot";
            }
            Charts.subtitle(chart, String.format(Locale.ROOT, "mean loss %.3g \u00b7 %.0f ms \u00b7 %,d NFE%s",
                    sum.meanLoss(), sum.samplingMs() + sum.guidanceMs(), sum.totalNfe(), where), 1);
            // a run that ends far away is finite, so the engine does not call it diverged; say why the plot is empty
            showMessage(outside > 0 && outside == shown[0].length ? String.format(Locale.ROOT,
                    "All %,d particles ended outside the plot (mean loss %.3g): guidance this strong overshoots. "
                            + "Try a smaller guidance scale.", outside, sum.meanLoss()) : null);
        } finally {
            chart.setNotify(true);
        }
    }

    private boolean inView(double x, double y) {
        return x >= plot.getDomainAxis().getLowerBound() && x <= plot.getDomainAxis().getUpperBound()
                && y >= plot.getRangeAxis().getLowerBound() && y <= plot.getRangeAxis().getUpperBound();
    }

    /** Particles drawn outside the axes' current ranges (invisible), e.g. after guidance overshoots. */
    public int outsideCount() {
        int n = 0;
        for (int i = 0; i < shown[0].length; i++) {
            if (!inView(shown[0][i], shown[1][i])) {
                n++;
            }
        }
        return n;
    }

    /** Whether the data density is drawn behind the particles. */
    public boolean showsDensity() {
        // by identity: JFreeChart's own annotation equality would call any annotation "equal" to the heat map
        return heat != null && dots.getAnnotations().stream().anyMatch(a -> a == heat);
    }

    /** Moves only the target marker (while the target is dragged, before the new run lands). */
    public void setTarget(double x, double y) {
        if (target != null) {
            dots.removeAnnotation(target);
        }
        target = new MarkerAnnotation(x, y, MarkerAnnotation.Kind.TARGET, new Color(0xC0, 0x00, 0x00), null);
        dots.addAnnotation(target, Layer.FOREGROUND);
    }

    private void addTrajectories(List<Batch> states) {
        if (states.isEmpty()) {
            return;
        }
        int n = states.get(0).rows();
        for (int p = 0; p < n; p++) {
            double[][] xy = new double[2][states.size()];
            for (int k = 0; k < states.size(); k++) {
                xy[0][k] = states.get(k).get(p, 0);
                xy[1][k] = states.get(k).get(p, 1);
            }
            paths.addSeries("particle " + p, xy);
        }
    }

    private static double[][] columns(Batch b) {
        double[][] xy = new double[2][b.rows()];
        double[] d = b.data();
        for (int i = 0; i < b.rows(); i++) {
            xy[0][i] = d[2 * i];
            xy[1][i] = d[2 * i + 1];
        }
        return xy;
    }

    /** Number of particles drawn. */
    public int particleCount() {
        return shown[0].length;
    }

    public XYPlot plot() {
        return plot;
    }

    @Override
    protected CsvTable table() {
        CsvTable t = new CsvTable("scheme", "particle", "x1", "x2");
        for (int i = 0; i < shown[0].length; i++) {
            t.add(scheme, i, shown[0][i], shown[1][i]);
        }
        return t;
    }
}
