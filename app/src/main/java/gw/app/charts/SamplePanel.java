package gw.app.charts;

import gw.app.export.CsvTable;
import gw.app.run.SchemeOutcome;
import gw.app.state.Schemes;
import gw.app.state.Settings;
import gw.experiment.CellResult;
import gw.experiment.CellSummary;
import gw.model.ClosedFormDensity;
import gw.tensor.Batch;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYDotRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * One scheme's particles at one time step of its solve (the end, t = 1, unless the time scrubber says otherwise)
 * over the data density (heat map), the target marked; optionally the first particles' trajectories, each
 * particle's prediction x̂1(x_t), one highlighted particle's whole trajectory, and handles on the mixture's means.
 * Every panel uses the same axes, so the schemes compare at a glance.
 */
public final class SamplePanel extends ChartPane {
    private static final String KEY = "particles";
    private final String scheme;
    private final EqualUnitsPlot plot;
    private final DefaultXYDataset particles = new DefaultXYDataset();
    private final XYDotRenderer dots = new XYDotRenderer();
    private final SampleOverlays overlays;
    private final Label notice = new Label();
    private final Label hover = new Label();
    private ImageAnnotation heat;
    private MarkerAnnotation target;
    private Settings settings;
    private CellResult result;
    /** The summary's pieces; the subtitle packs them into lines that fit the panel's width. */
    private List<String> tokens = List.of();
    private double[][] shown = new double[2][0];
    private int step = Integer.MAX_VALUE;
    private boolean lecture;

    private SamplePanel(String scheme, JFreeChart chart, EqualUnitsPlot plot) {
        super("samples-" + scheme, chart);
        this.scheme = scheme;
        this.plot = plot;
        setId("samples-" + scheme);
        plot.setDataset(0, particles);
        plot.setRenderer(0, dots);
        overlays = new SampleOverlays(scheme, plot, dots);
        dots.setSeriesPaint(0, SchemeStyle.withAlpha(SchemeStyle.color(scheme), 170));
        setLecture(false);
        notice.getStyleClass().add("panel-notice");
        notice.setId("notice-" + scheme);
        notice.setWrapText(true);
        notice.setVisible(false);
        notice.setMouseTransparent(true);
        StackPane.setAlignment(notice, Pos.BOTTOM_CENTER);
        hover.getStyleClass().add("hover-info");
        hover.setId("hover-" + scheme);
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        StackPane.setAlignment(hover, Pos.TOP_LEFT);
        getChildren().addAll(notice, hover);
        // the subtitle's lines depend on the width: re-pack them when the panel is resized
        widthProperty().addListener((o, a, b) -> {
            if (Math.abs(a.doubleValue() - b.doubleValue()) > 1 && settings != null) {
                setStep(step);
            }
        });
    }

    public static SamplePanel create(String scheme) {
        NumberAxis x = Charts.number("x\u2081");
        NumberAxis y = Charts.number("x\u2082");
        EqualUnitsPlot plot = Charts.plane(x, y);
        JFreeChart chart = Charts.chart(scheme, plot, false);
        return new SamplePanel(scheme, chart, plot);
    }

    public String scheme() {
        return scheme;
    }

    /** Redraws for a new outcome; a failed scheme keeps its axes and density and shows the reason. */
    public void show(SchemeOutcome outcome, Settings s, double[] window, boolean highContrast) {
        JFreeChart chart = chart();
        chart.setNotify(false);
        try {
            settings = s;
            chart.setTitle(Schemes.label(scheme, s));
            chart.getTitle().setFont(Charts.font(Charts.TITLE, lecture));
            chart.getTitle().setPaint(SchemeStyle.color(scheme).darker());
            plot.setWindow(window);
            if (heat != null) {
                dots.removeAnnotation(heat);
                heat = null;
            }
            // a learned model has no density to draw: its unguided samples show what it learned
            for (ClosedFormDensity density : s.model().density().stream().toList()) {
                heat = new ImageAnnotation(DensityImage.of(density, window, highContrast), window);
                dots.addAnnotation(heat, Layer.BACKGROUND);
            }
            setTarget(s.targetX(), s.targetY());
            if (outcome == null || !outcome.ok()) {
                overlays.reset(List.of(), false);
                result = null;
                tokens = List.of("no samples");
                drawStep();
                if (outcome == null) {
                    showNote(gw.app.run.RunService.needsLoading(s) ? "Loading the network\u2026" : "Sampling\u2026");
                } else {
                    showMessage(outcome.error());
                }
                return;
            }
            result = outcome.result();
            overlays.reset(result.trajectories(), s.trajectories());
            CellSummary sum = result.summary();
            tokens = new java.util.ArrayList<>(List.of(String.format(Locale.ROOT, "loss %.3g", sum.meanLoss()),
                    // the median beside the mean: one particle thrown far off rules the mean
                    String.format(Locale.ROOT, "median %.3g", sum.medianLoss()),
                    String.format(Locale.ROOT, "log p %.2f", sum.meanLogLikelihood()),
                    String.format(Locale.ROOT, "%.0f ms", sum.samplingMs() + sum.guidanceMs()),
                    String.format(Locale.ROOT, "%,d NFE", sum.totalNfe()),
                    bytes(sum.peakRetainedBytes()) + " kept"));
            if (Double.isNaN(sum.meanLogLikelihood())) {
                tokens.remove(2); // a learned model has no density, so no log p to show (index 2: after loss, median)
            }
            drawStep();
        } finally {
            chart.setNotify(true);
        }
    }

    /** The number of recorded states x_0 .. x_N (0 when the run recorded none). */
    public int states() {
        return result == null ? 0 : result.trajectories().size();
    }

    /** Shows the particles at time step k (0 = noise, N = the samples); values past the end show the end. */
    public void setStep(int k) {
        step = k;
        chart().setNotify(false);
        try {
            drawStep();
        } finally {
            chart().setNotify(true);
        }
    }

    /** The step shown, clamped to the run's steps. */
    public int step() {
        int n = states();
        return n == 0 ? 0 : Math.max(0, Math.min(step, n - 1));
    }

    private boolean atEnd() {
        return states() == 0 || step() == states() - 1;
    }

    private void drawStep() {
        if (result == null) {
            shown = new double[2][0];
            particles.removeSeries(KEY);
            overlays.draw(settings, null, 0, true, shown);
            Charts.subtitle(chart(), Charts.pack(tokens, Charts.font(Charts.SUBTITLE, lecture), subtitleWidth()),
                    4);
            notice.setVisible(false);
            return;
        }
        // the samples themselves at the end: every particle, also beyond those recorded per step
        shown = atEnd() ? columns(result.samples()) : columns(result.trajectories().get(step()));
        particles.addSeries(KEY, shown);
        overlays.draw(settings, result, step(), atEnd(), shown);
        showMessage(null);
        List<String> all = new java.util.ArrayList<>();
        if (!atEnd()) {
            all.add(String.format(Locale.ROOT, "shown: t = %.2f", time()));
        }
        all.addAll(tokens);
        int outside = outsideCount();
        if (outside > 0) {
            all.add(String.format(Locale.ROOT, "%,d off plot", outside));
        }
        if (!inView(settings.targetX(), settings.targetY())) {
            all.add("target off plot");
        }
        Charts.subtitle(chart(), Charts.pack(all, Charts.font(Charts.SUBTITLE, lecture), subtitleWidth()), 6);
        if (atEnd() && outside > 0 && outside == shown[0].length) {
            // a run that ends far away is finite, so the engine does not call it diverged; say why the plot is empty
            showMessage(String.format(Locale.ROOT, "All %,d particles ended outside the plot (mean loss %.3g): "
                    + "guidance this strong overshoots. Try a smaller guidance scale, or Fit.", outside,
                    result.summary().meanLoss()));
        }
        String collapsed = ScreenPick.collapsed(plot, getWidth(), shown, settings.targetX(), settings.targetY());
        notice.setText(collapsed == null ? "" : collapsed);
        notice.setVisible(collapsed != null);
    }

    private double subtitleWidth() {
        // the chart pads its subtitle (see Charts.subtitle) and measures with other font metrics: keep clear
        return Math.max(80, getWidth() - 80);
    }

    /** Time t of the step shown, on the uniform grid. */
    public double time() {
        return states() <= 1 ? 1 : (double) step() / (states() - 1);
    }

    /** Peak memory kept for backward passes, for people: 0 B, 12 kB, 3.4 MB. */
    static String bytes(long b) {
        if (b < 1000) {
            return b + " B";
        }
        return b < 1_000_000 ? String.format(Locale.ROOT, "%.0f kB", b / 1e3)
                : String.format(Locale.ROOT, "%.1f MB", b / 1e6);
    }

    /** Highlights one particle's whole trajectory (-1: none). */
    public void setHighlight(int p) {
        overlays.setHighlighted(p);
        chart().setNotify(false);
        try {
            overlays.drawHighlight(result, step());
        } finally {
            chart().setNotify(true);
        }
    }

    public int highlighted() {
        return overlays.highlighted();
    }

    /** Shows or hides the guidance arrows. */
    public void setShowArrows(boolean on) {
        overlays.setShowArrows(on);
        setStep(step);
    }

    /** The arrows drawn now (their count; 0 at the end of the solve or without guidance). */
    public int arrowCount() {
        return overlays.arrowCount();
    }

    /** Shows x̂1(x_t) of every particle at the step shown (grey), or hides them. */
    public void setShowPredictions(boolean on) {
        overlays.setShowPredictions(on);
        setStep(step);
    }

    /** Draws a ring on each of the data's component means; null: none. */
    public void setHandles(double[][] means, double[] weights) {
        overlays.setHandles(means);
    }

    /** Index of the component ring nearest a screen point, within maxPx pixels, or -1. */
    public int handleAt(double sx, double sy, double maxPx) {
        double[][] h = overlays.handles();
        return ScreenPick.nearest(canvas(), plot, h[0], h[1], sx, sy, maxPx);
    }

    /** Changes the visible window (zoom, pan, fit); the density stays drawn over the window it was made for. */
    public void setWindow(double[] window) {
        plot.setWindow(window);
        chart().setNotify(false);
        try {
            drawStep();
        } finally {
            chart().setNotify(true);
        }
    }

    /** Larger points and fonts for a projector. */
    public void setLecture(boolean on) {
        lecture = on;
        int d = on ? 5 : 3;
        dots.setDotWidth(d);
        dots.setDotHeight(d);
        overlays.setDotSize(d);
        Charts.restyle(chart(), on);
    }

    /** Index of the particle drawn nearest to a screen point, within maxPx pixels, or -1. */
    public int particleAt(double sx, double sy, double maxPx) {
        return ScreenPick.nearest(canvas(), plot, shown[0], shown[1], sx, sy, maxPx);
    }

    /** Shows a particle's coordinates at the step shown and its final loss (null hides). */
    public void hover(int i) {
        if (i < 0 || result == null || i >= shown[0].length) {
            hover.setVisible(false);
            return;
        }
        hover.setText(String.format(Locale.ROOT, "particle %d \u00b7 x = (%.3f, %.3f)%s \u00b7 final loss %.3g", i,
                shown[0][i], shown[1][i], atEnd() ? "" : String.format(Locale.ROOT, " at t = %.2f", time()),
                result.loss()[i]));
        hover.setVisible(true);
    }

    /** Shows a line of text in the hover box (a component's description). */
    public void hoverText(String text) {
        hover.setText(text);
        hover.setVisible(true);
    }

    public String hoverText() {
        return hover.isVisible() ? hover.getText() : null;
    }

    public String notice() {
        return notice.isVisible() ? notice.getText() : null;
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

    /** The particles drawn now: {xs, ys}. */
    public double[][] shown() {
        return shown;
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

    static double[][] columns(Batch b) {
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
        CsvTable t = new CsvTable("scheme", "particle", "t", "x1", "x2");
        for (int i = 0; i < shown[0].length; i++) {
            t.add(scheme, i, time(), shown[0][i], shown[1][i]);
        }
        return t;
    }
}
