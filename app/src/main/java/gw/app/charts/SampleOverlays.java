package gw.app.charts;

import gw.app.state.Schemes;
import gw.app.state.Settings;
import gw.experiment.CellResult;
import gw.path.Paths;
import gw.tensor.Batch;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYDotRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * What a sample panel draws over its particles, each layer optional: the first particles' trajectories, every
 * particle's prediction x̂1(x_t) at the step shown, one highlighted particle's path so far, guidance arrows, and
 * rings on the mixture's means. The panel owns the particles and says which step is shown; the layers follow.
 */
final class SampleOverlays {
    private static final String KEY = "particles";
    private final String scheme;
    private final XYDotRenderer host;
    private final DefaultXYDataset paths = new DefaultXYDataset();
    private final DefaultXYDataset predictions = new DefaultXYDataset();
    private final DefaultXYDataset highlight = new DefaultXYDataset();
    private final XYDotRenderer predictionDots = new XYDotRenderer();
    private final List<MarkerAnnotation> handleMarks = new ArrayList<>();
    private final List<ArrowAnnotation> arrowMarks = new ArrayList<>();
    private final Map<Integer, double[][]> predicted = new HashMap<>();
    private final Map<Integer, double[][]> pushes = new HashMap<>();
    private int highlighted = -1;
    private boolean showPredictions;
    private boolean showArrows;

    /** Adds the layers' datasets 1-3 to the plot; annotations go on {@code host}, the particles' renderer. */
    SampleOverlays(String scheme, XYPlot plot, XYDotRenderer host) {
        this.scheme = scheme;
        this.host = host;
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        XYLineAndShapeRenderer highlightLine = new XYLineAndShapeRenderer(true, false);
        plot.setDataset(1, predictions);
        plot.setRenderer(1, predictionDots);
        plot.setDataset(2, paths);
        plot.setRenderer(2, lines);
        plot.setDataset(3, highlight);
        plot.setRenderer(3, highlightLine);
        // datasets are drawn last index first: the highlighted path stays on top of the particles
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        Color c = SchemeStyle.color(scheme);
        predictionDots.setSeriesPaint(0, new Color(0x33, 0x33, 0x33, 90));
        lines.setDefaultPaint(SchemeStyle.withAlpha(c, 110));
        lines.setAutoPopulateSeriesPaint(false);
        lines.setDefaultStroke(new BasicStroke(1f));
        lines.setAutoPopulateSeriesStroke(false);
        lines.setDefaultSeriesVisibleInLegend(false);
        highlightLine.setSeriesPaint(0, Color.BLACK);
        highlightLine.setSeriesStroke(0, new BasicStroke(2.2f));
        highlightLine.setSeriesShapesVisible(0, false);
    }

    /** A new run: forget the cached predictions and pushes, and draw the first particles' trajectories if asked. */
    void reset(List<Batch> trajectories, boolean drawTrajectories) {
        predicted.clear();
        pushes.clear();
        while (paths.getSeriesCount() > 0) {
            paths.removeSeries(paths.getSeriesKey(0));
        }
        if (drawTrajectories && !trajectories.isEmpty()) {
            int n = Math.min(Settings.TRACED, trajectories.get(0).rows());
            for (int p = 0; p < n; p++) {
                double[][] xy = new double[2][trajectories.size()];
                for (int k = 0; k < trajectories.size(); k++) {
                    xy[0][k] = trajectories.get(k).get(p, 0);
                    xy[1][k] = trajectories.get(k).get(p, 1);
                }
                paths.addSeries("particle " + p, xy);
            }
        }
    }

    /**
     * Redraws the per-step layers for step {@code step} of {@code result} (null: nothing to draw), whose particles
     * the panel shows at {@code shown}; {@code atEnd} is the last step, where predictions and arrows have no meaning.
     */
    void draw(Settings s, CellResult result, int step, boolean atEnd, double[][] shown) {
        if (result == null) {
            predictions.removeSeries(KEY);
            highlight.removeSeries(KEY);
            arrows(s, null, step, true, shown);
            return;
        }
        if (showPredictions && !atEnd) {
            predictions.addSeries(KEY, predicted.computeIfAbsent(step, k -> predict(s, result, k)));
        } else {
            predictions.removeSeries(KEY);
        }
        drawHighlight(result, step);
        arrows(s, result, step, atEnd, shown);
    }

    private static double[][] predict(Settings s, CellResult result, int k) {
        Batch x = result.trajectories().get(k);
        double t = (double) k / (result.trajectories().size() - 1);
        return SamplePanel.columns(s.model().predict(x, Paths.byName(s.path()).at(t)).xhat1());
    }

    void drawHighlight(CellResult result, int step) {
        if (result == null || highlighted < 0 || result.trajectories().isEmpty()
                || highlighted >= result.trajectories().get(0).rows()) {
            highlight.removeSeries(KEY);
            return;
        }
        List<Batch> states = result.trajectories();
        int upto = step + 1;
        double[][] xy = new double[2][upto];
        for (int k = 0; k < upto; k++) {
            xy[0][k] = states.get(k).get(highlighted, 0);
            xy[1][k] = states.get(k).get(highlighted, 1);
        }
        highlight.addSeries(KEY, xy);
    }

    /**
     * Arrows on the first particles at the step shown: guidance's push during the next step, per unit time (a
     * push of 1 over the whole solve is one data unit long).
     */
    private void arrows(Settings s, CellResult result, int step, boolean atEnd, double[][] shown) {
        arrowMarks.forEach(host::removeAnnotation);
        arrowMarks.clear();
        if (!showArrows || result == null || atEnd || !Schemes.guided(scheme)) {
            return;
        }
        double[][] push = pushes.computeIfAbsent(step, k -> GuidancePush.at(s, result.trajectories(), k,
                GuidancePush.count()));
        Color c = SchemeStyle.withAlpha(SchemeStyle.color(scheme).darker(), 200);
        for (int i = 0; i < push[0].length; i++) {
            ArrowAnnotation a = new ArrowAnnotation(shown[0][i], shown[1][i], push[0][i], push[1][i], c, 1.2f);
            arrowMarks.add(a);
            host.addAnnotation(a, Layer.FOREGROUND);
        }
    }

    void setHighlighted(int p) {
        highlighted = p;
    }

    int highlighted() {
        return highlighted;
    }

    void setShowArrows(boolean on) {
        showArrows = on;
    }

    int arrowCount() {
        return arrowMarks.size();
    }

    void setShowPredictions(boolean on) {
        showPredictions = on;
    }

    /** Draws a ring on each of the data's component means; null: none. */
    void setHandles(double[][] means) {
        handleMarks.forEach(host::removeAnnotation);
        handleMarks.clear();
        if (means != null) {
            for (double[] m : means) {
                MarkerAnnotation ring = new MarkerAnnotation(m[0], m[1], MarkerAnnotation.Kind.RING,
                        new Color(0x30, 0x20, 0x60), null);
                handleMarks.add(ring);
                host.addAnnotation(ring, Layer.FOREGROUND);
            }
        }
    }

    /** The rings' centres: {xs, ys}. */
    double[][] handles() {
        return new double[][] {handleMarks.stream().mapToDouble(MarkerAnnotation::x).toArray(),
                handleMarks.stream().mapToDouble(MarkerAnnotation::y).toArray()};
    }

    /** Prediction dots one pixel smaller than the particles' {@code dot}. */
    void setDotSize(int dot) {
        predictionDots.setDotWidth(dot - 1);
        predictionDots.setDotHeight(dot - 1);
    }
}
