package gw.app.charts;

import gw.app.export.CsvTable;
import gw.experiment.Inspector;
import gw.model.ClosedFormDensity;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One particle at one time: its state x_t, where each scheme asked the loss (greedy at x̂1(x_t), lookahead and
 * end-to-end at the ends of their solves, the ideal at the flow's endpoint Φ(x_t): exact for a closed form, the
 * network's own flow solved to its tolerance for a network), and each scheme's guidance direction (minus its
 * gradient) as an arrow from x_t, all arrows on one scale.
 */
public final class InspectorChart extends ChartPane {
    private final XYPlot plot;
    private final XYSeriesCollection points = new XYSeriesCollection();
    private final XYSeriesCollection path = new XYSeriesCollection();
    private final XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
    private final XYLineAndShapeRenderer pathRenderer = new XYLineAndShapeRenderer(true, false);
    private Inspector.Inspection last;

    private InspectorChart(JFreeChart chart, XYPlot plot) {
        super("inspector", chart);
        this.plot = plot;
        plot.setDataset(0, points);
        plot.setRenderer(0, pointRenderer);
        plot.setDataset(1, path);
        plot.setRenderer(1, pathRenderer);
        pathRenderer.setSeriesPaint(0, new Color(0x44, 0x44, 0x44, 140));
        pointRenderer.setAutoPopulateSeriesShape(false);
        pointRenderer.setDefaultShape(new Ellipse2D.Double(-5, -5, 10, 10));
        pointRenderer.setUseOutlinePaint(true);
        pointRenderer.setDefaultOutlinePaint(Color.WHITE);
    }

    public static InspectorChart create() {
        XYPlot plot = Charts.plane(Charts.number("x\u2081"), Charts.number("x\u2082"));
        JFreeChart chart = Charts.chart("Particle inspector", plot, true);
        // short enough for two lines at the tab's usual width (a third where the window is narrow), not cut
        Charts.subtitle(chart, "dots: where each scheme asks the loss; arrows: its push (\u2212gradient), "
                + "to one scale; wide grey: ideal", 3);
        return new InspectorChart(chart, plot);
    }

    /**
     * @param trajectory the particle's states x_0 .. x_N under the followed scheme (drawn as a grey line)
     * @param density the background, or null for none (a network has no closed-form density)
     * @param exactFlow whether the ideal's endpoint is the exact flow's (a closed form) rather than the network's own
     *     flow, solved to its tolerance
     */
    public void show(Inspector.Inspection in, double[][] trajectory, double[] target, ClosedFormDensity density,
                     double[] bounds, boolean exactFlow) {
        last = in;
        chart().setNotify(false);
        try {
            points.removeAllSeries();
            path.removeAllSeries();
            pointRenderer.removeAnnotations();
            ((EqualUnitsPlot) plot).setWindow(bounds);
            if (density != null) {
                pointRenderer.addAnnotation(new ImageAnnotation(DensityImage.of(density, bounds), bounds),
                        Layer.BACKGROUND);
            }
            XYSeries traj = new XYSeries("trajectory", false, true);
            for (double[] p : trajectory) {
                traj.add(p[0], p[1], false);
            }
            path.addSeries(traj);
            add("x_t (t = " + String.format(java.util.Locale.ROOT, "%.2f", in.t()) + ")", in.x(), Color.BLACK);
            Map<String, Inspector.View> v = in.views();
            add("greedy: x\u0302\u2081(x_t)", v.get("greedy").endpoint(), SchemeStyle.color("greedy"));
            add("lookahead endpoint", v.get("lookahead").endpoint(), SchemeStyle.color("lookahead"));
            add("end-to-end endpoint", v.get("end-to-end").endpoint(), SchemeStyle.color("end-to-end"));
            add((exactFlow ? "exact-flow" : "network-flow") + " endpoint \u03a6(x_t)", v.get("ideal").endpoint(),
                    Color.WHITE);
            pointRenderer.setSeriesOutlinePaint(points.getSeriesCount() - 1, Color.BLACK);
            pointRenderer.addAnnotation(new MarkerAnnotation(target[0], target[1], MarkerAnnotation.Kind.TARGET,
                    new Color(0xC0, 0, 0), "target"), Layer.FOREGROUND);
            double scale = arrowScale(v, bounds);
            for (String s : shown()) {
                double[] g = v.get(s).gradient();
                float width = s.equals("ideal") ? 5f : 2f;
                pointRenderer.addAnnotation(new ArrowAnnotation(in.x()[0], in.x()[1], -scale * g[0],
                        -scale * g[1], s.equals("ideal") ? new Color(0, 0, 0, 120) : SchemeStyle.color(s), width),
                        Layer.FOREGROUND);
            }
            showMessage(null);
        } finally {
            chart().setNotify(true);
        }
    }

    /** The arrows drawn: the ideal first (underneath), then every per-step scheme of the registry. */
    private static List<String> shown() {
        List<String> out = new java.util.ArrayList<>(List.of(Inspector.IDEAL));
        out.addAll(Inspector.guidedSchemes());
        return out;
    }

    /** One scale for all arrows: the longest is a fifth of the plot width. */
    private static double arrowScale(Map<String, Inspector.View> v, double[] bounds) {
        double longest = 0;
        for (String s : shown()) {
            double[] g = v.get(s).gradient();
            if (Double.isFinite(g[0]) && Double.isFinite(g[1])) {
                longest = Math.max(longest, Math.hypot(g[0], g[1]));
            }
        }
        return longest > 0 ? 0.2 * (bounds[1] - bounds[0]) / longest : 0;
    }

    private void add(String name, double[] p, Color c) {
        XYSeries s = new XYSeries(name, false, true);
        s.add(p[0], p[1], false);
        pointRenderer.setSeriesPaint(points.getSeriesCount(), c);
        points.addSeries(s);
    }

    public Inspector.Inspection last() {
        return last;
    }

    @Override
    protected CsvTable table() {
        CsvTable t = new CsvTable("scheme", "t", "x1", "x2", "grad1", "grad2", "endpoint1", "endpoint2",
                "rel_error", "cosine", "abs_error", "nfe", "vjps", "ms");
        if (last != null) {
            for (Inspector.View v : last.views().values()) {
                t.add(v.scheme(), last.t(), last.x()[0], last.x()[1], v.gradient()[0], v.gradient()[1],
                        v.endpoint()[0], v.endpoint()[1], v.relativeError(), v.cosine(), v.absoluteError(), v.nfe(), v.vjps(), v.ms());
            }
        }
        return t;
    }
}
