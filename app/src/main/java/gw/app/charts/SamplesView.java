package gw.app.charts;

import gw.app.export.Exportable;
import gw.app.run.RunResult;
import gw.app.state.DataEdits;
import gw.app.state.Settings;
import gw.model.TargetPredictor;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.plot.XYPlot;

/**
 * The sample panels side by side, one per enabled scheme, all from the same seed on the same axes, at the same time
 * step. On any panel: click or drag to move the target; click a particle to follow it in every panel; drag a
 * component's ring to move it, scroll over it to change its width (with Shift: its weight); scroll elsewhere to
 * zoom, Shift-drag or middle-drag to pan.
 */
public final class SamplesView extends HBox {
    /** Receives a target position and whether the gesture is finished. */
    public interface TargetListener {
        void moved(double x, double y, boolean committed);
    }

    /** Receives an edited data model and whether the gesture is finished. */
    public interface DataListener {
        void edited(TargetPredictor model, boolean committed);
    }

    private static final double PICK_PX = 5;
    private static final double HANDLE_PX = 11;
    private final Map<String, SamplePanel> panels = new LinkedHashMap<>();
    private final Label empty = new Label("Enable at least one scheme on the left to draw samples.");
    private TargetListener targetListener = (x, y, c) -> { };
    private DataListener dataListener = (m, c) -> { };
    private IntConsumer particleListener = p -> { };
    private BiConsumer<Exportable, String> onExport = (e, f) -> { };
    private Settings settings;
    private double[] home;
    private double[] window;
    private boolean highContrast;
    private boolean lecture;
    private int step = Integer.MAX_VALUE;
    private int highlighted = -1;
    private boolean predictions;
    private boolean stale;
    private boolean arrows;
    /** Schemes of a partial result whose panels still show the previous run. */
    private final java.util.Set<String> waiting = new java.util.HashSet<>();
    /** The gesture under way: what the press picked. */
    private Gesture gesture = Gesture.NONE;
    private int dragged = -1;
    private int selectedComponent = -1;
    private double pressX;
    private double pressY;
    private double[] pressWindow;

    private enum Gesture { NONE, TARGET, MAYBE_PICK, COMPONENT, PAN }

    public SamplesView() {
        setSpacing(4);
        setId("samples");
        empty.getStyleClass().add("hint");
    }

    public void setTargetListener(TargetListener l) {
        this.targetListener = l;
    }

    public void setDataListener(DataListener l) {
        this.dataListener = l;
    }

    public void setParticleListener(IntConsumer l) {
        this.particleListener = l;
    }

    public void setOnExport(BiConsumer<Exportable, String> handler) {
        this.onExport = handler;
        panels.values().forEach(p -> p.setOnExport(handler));
    }

    /**
     * Shows the panels of the settings' schemes, each with its outcome in the result (null: not run yet), over
     * the window {@code bounds} (the scenario's; kept while the user has zoomed, unless the scenario changed).
     */
    public void show(Settings s, double[] bounds, RunResult result) {
        if (home == null || !java.util.Arrays.equals(home, bounds)) {
            home = bounds.clone();
            window = bounds.clone();
        }
        settings = s;
        List<SamplePanel> wanted = new ArrayList<>();
        for (String scheme : s.schemes()) {
            wanted.add(panels.computeIfAbsent(scheme, this::newPanel));
        }
        if (!getChildren().equals(wanted)) {
            getChildren().setAll(wanted.isEmpty() ? List.of(empty) : wanted);
        }
        DataEdits edits = DataEdits.of(s.model()).orElse(null);
        waiting.clear();
        for (SamplePanel p : wanted) {
            var outcome = result == null ? null : result.outcomes().get(p.scheme());
            if (outcome == null && result != null && !result.complete() && p.particleCount() > 0) {
                // progressive update: this scheme is still running; keep its last picture, marked as old
                waiting.add(p.scheme());
                p.setStale(true);
                continue;
            }
            p.setStep(step);
            p.show(outcome, s, window, highContrast);
            p.setHandles(edits == null ? null : edits.means(), edits == null ? null : edits.weights());
            p.setStale(stale);
        }
    }

    /** Shows every panel at time step k (past the end: the samples). Nothing is recomputed. */
    public void setStep(int k) {
        step = k;
        panels().forEach(p -> p.setStep(k));
    }

    public void setHighlight(int p) {
        highlighted = p;
        panels().forEach(q -> q.setHighlight(p));
    }

    public void setShowPredictions(boolean on) {
        predictions = on;
        panels().forEach(p -> p.setShowPredictions(on));
    }

    /** Marks the panels as showing an older run; a panel still waiting for its scheme stays marked. */
    public void setShowArrows(boolean on) {
        arrows = on;
        panels().forEach(p -> p.setShowArrows(on));
    }

    public void setStale(boolean stale) {
        this.stale = stale;
        panels().forEach(p -> p.setStale(stale || waiting.contains(p.scheme())));
    }

    /** Lecture-hall mode: larger points and fonts, high-contrast density. */
    public void setLecture(boolean on) {
        lecture = on;
        highContrast = on;
        panels.values().forEach(p -> p.setLecture(on));
    }

    /** The window every panel must show (zoom, pan); the same for all panels. */
    public void setWindow(double[] w) {
        window = w.clone();
        panels().forEach(p -> p.setWindow(window));
    }

    public double[] window() {
        return window == null ? null : window.clone();
    }

    /** Fits the view to the scenario's window, every particle shown (finite ones) and the target. */
    public void fit() {
        if (home == null) {
            return;
        }
        double[] b = home.clone();
        for (SamplePanel p : panels()) {
            double[][] xy = p.shown();
            for (int i = 0; i < xy[0].length; i++) {
                if (Double.isFinite(xy[0][i]) && Double.isFinite(xy[1][i])
                        && Math.abs(xy[0][i]) < 1e6 && Math.abs(xy[1][i]) < 1e6) {
                    b[0] = Math.min(b[0], xy[0][i]);
                    b[1] = Math.max(b[1], xy[0][i]);
                    b[2] = Math.min(b[2], xy[1][i]);
                    b[3] = Math.max(b[3], xy[1][i]);
                }
            }
        }
        double pad = 0.05 * Math.max(b[1] - b[0], b[3] - b[2]);
        setWindow(new double[] {b[0] - pad, b[1] + pad, b[2] - pad, b[3] + pad});
    }

    /** Zooms every panel by a factor (below 1: in) around a data point. */
    public void zoom(double factor, double cx, double cy) {
        double[] w = window;
        setWindow(new double[] {cx + (w[0] - cx) * factor, cx + (w[1] - cx) * factor,
            cy + (w[2] - cy) * factor, cy + (w[3] - cy) * factor});
    }

    /** Moves the target marker on every panel without waiting for a run. */
    public void previewTarget(double x, double y) {
        panels().forEach(p -> p.setTarget(x, y));
    }

    /** The component last dragged or scrolled (-1: none yet), which "remove" removes. */
    public int selectedComponent() {
        return selectedComponent;
    }

    public List<SamplePanel> panels() {
        List<SamplePanel> out = new ArrayList<>();
        for (javafx.scene.Node n : getChildren()) {
            if (n instanceof SamplePanel p) {
                out.add(p);
            }
        }
        return out;
    }

    private SamplePanel newPanel(String scheme) {
        SamplePanel p = SamplePanel.create(scheme);
        HBox.setHgrow(p, Priority.ALWAYS);
        p.setPrefWidth(300);
        p.setOnExport(onExport);
        p.setLecture(lecture);
        p.setHighlight(highlighted);
        p.setShowPredictions(predictions);
        p.setShowArrows(arrows);
        ChartCanvas canvas = p.canvas();
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> press(p, e));
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> drag(p, e));
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> release(p, e));
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            int k = p.handleAt(e.getX(), e.getY(), HANDLE_PX);
            DataEdits d = settings == null ? null : DataEdits.of(settings.model()).orElse(null);
            if (k >= 0 && d != null && k < d.means().length) {
                p.hoverText(String.format(java.util.Locale.ROOT, "component %d \u00b7 mean (%.2f, %.2f) \u00b7 std "
                        + "%.2f \u00b7 weight %.2f\ndrag: move \u00b7 scroll: width \u00b7 Shift+scroll: weight", k + 1,
                        d.means()[k][0], d.means()[k][1], d.stds()[k], d.weights()[k]));
            } else {
                p.hover(p.particleAt(e.getX(), e.getY(), PICK_PX + 1));
            }
            canvas.setCursor(k >= 0 ? Cursor.HAND : Cursor.DEFAULT);
        });
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> p.hover(-1));
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> scroll(p, e));
        return p;
    }

    private void press(SamplePanel p, MouseEvent e) {
        pressX = e.getX();
        pressY = e.getY();
        pressWindow = window.clone();
        if (e.getButton() == MouseButton.MIDDLE || (e.getButton() == MouseButton.PRIMARY && e.isShiftDown())) {
            gesture = Gesture.PAN;
        } else if (e.getButton() != MouseButton.PRIMARY) {
            gesture = Gesture.NONE;
        } else if ((dragged = p.handleAt(e.getX(), e.getY(), HANDLE_PX)) >= 0) {
            gesture = Gesture.COMPONENT;
            selectedComponent = dragged;
        } else if (p.particleAt(e.getX(), e.getY(), PICK_PX) >= 0) {
            gesture = Gesture.MAYBE_PICK;
        } else {
            gesture = Gesture.TARGET;
            moveTarget(p, e.getX(), e.getY(), false);
        }
    }

    private void drag(SamplePanel p, MouseEvent e) {
        if (gesture == Gesture.MAYBE_PICK && Math.hypot(e.getX() - pressX, e.getY() - pressY) > 3) {
            gesture = Gesture.TARGET;
        }
        switch (gesture) {
            case TARGET -> moveTarget(p, e.getX(), e.getY(), false);
            case COMPONENT -> moveComponent(p, e.getX(), e.getY(), false);
            case PAN -> pan(p, e.getX(), e.getY());
            default -> { }
        }
    }

    private void release(SamplePanel p, MouseEvent e) {
        switch (gesture) {
            case TARGET -> moveTarget(p, e.getX(), e.getY(), true);
            case COMPONENT -> moveComponent(p, e.getX(), e.getY(), true);
            case MAYBE_PICK -> {
                int i = p.particleAt(e.getX(), e.getY(), PICK_PX);
                particleListener.accept(i == highlighted ? -1 : i);
            }
            default -> { }
        }
        gesture = Gesture.NONE;
    }

    private void moveTarget(SamplePanel p, double sx, double sy, boolean committed) {
        double[] xy = toData(p, sx, sy);
        if (xy != null) {
            previewTarget(xy[0], xy[1]);
            targetListener.moved(xy[0], xy[1], committed);
        }
    }

    private void moveComponent(SamplePanel p, double sx, double sy, boolean committed) {
        double[] xy = toData(p, sx, sy);
        DataEdits edits = settings == null ? null : DataEdits.of(settings.model()).orElse(null);
        if (xy != null && edits != null && dragged < edits.means().length) {
            TargetPredictor m = edits.moveMean(dragged, xy[0], xy[1]);
            settings = settings.withModel(m);
            dataListener.edited(m, committed);
        }
    }

    private void pan(SamplePanel p, double sx, double sy) {
        var info = p.canvas().getRenderingInfo();
        if (info == null || info.getPlotInfo() == null) {
            return;
        }
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = p.plot();
        double perPx = (plot.getDomainAxis().getUpperBound() - plot.getDomainAxis().getLowerBound())
                / area.getWidth();
        double dx = -(sx - pressX) * perPx;
        double dy = (sy - pressY) * perPx;
        setWindow(new double[] {pressWindow[0] + dx, pressWindow[1] + dx, pressWindow[2] + dy,
            pressWindow[3] + dy});
    }

    private void scroll(SamplePanel p, ScrollEvent e) {
        if (e.getDeltaY() == 0 || window == null) {
            return;
        }
        boolean up = e.getDeltaY() > 0;
        int k = p.handleAt(e.getX(), e.getY(), HANDLE_PX);
        DataEdits edits = settings == null ? null : DataEdits.of(settings.model()).orElse(null);
        if (k >= 0 && edits != null) {
            selectedComponent = k;
            TargetPredictor m = e.isShiftDown() ? edits.setWeight(k, edits.weights()[k] + (up ? 0.05 : -0.05))
                    : edits.scaleStd(k, up ? 1.15 : 1 / 1.15);
            settings = settings.withModel(m);
            dataListener.edited(m, false);
        } else {
            double[] c = toData(p, e.getX(), e.getY());
            if (c != null) {
                zoom(up ? 1 / 1.2 : 1.2, c[0], c[1]);
            }
        }
        e.consume();
    }

    /** Screen position on a panel's canvas to data coordinates, or null outside the plot area. */
    public static double[] toData(SamplePanel p, double sx, double sy) {
        var info = p.canvas().getRenderingInfo();
        if (info == null || info.getPlotInfo() == null) {
            return null;
        }
        Rectangle2D area = info.getPlotInfo().getDataArea();
        if (!area.contains(sx, sy)) {
            return null;
        }
        XYPlot plot = p.plot();
        double x = plot.getDomainAxis().java2DToValue(sx, area, plot.getDomainAxisEdge());
        double y = plot.getRangeAxis().java2DToValue(sy, area, plot.getRangeAxisEdge());
        return new double[] {Math.round(x * 100) / 100.0, Math.round(y * 100) / 100.0};
    }

    /** Data coordinates to a screen position on a panel's canvas (for tests and tours), or null before drawing. */
    public static double[] toScreen(SamplePanel p, double x, double y) {
        var info = p.canvas().getRenderingInfo();
        if (info == null || info.getPlotInfo() == null) {
            return null;
        }
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = p.plot();
        return new double[] {plot.getDomainAxis().valueToJava2D(x, area, plot.getDomainAxisEdge()),
            plot.getRangeAxis().valueToJava2D(y, area, plot.getRangeAxisEdge())};
    }
}
