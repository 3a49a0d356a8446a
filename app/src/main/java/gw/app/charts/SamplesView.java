package gw.app.charts;

import gw.app.export.Exportable;
import gw.app.run.RunResult;
import gw.app.state.Scenario;
import gw.app.state.Settings;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.plot.XYPlot;

/**
 * The sample panels side by side, one per enabled scheme, all from the same seed on the same axes. Clicking or
 * dragging on any panel moves the target (reported as committed when the mouse is released).
 */
public final class SamplesView extends HBox {
    /** Receives a target position and whether the gesture is finished. */
    public interface TargetListener {
        void moved(double x, double y, boolean committed);
    }

    private final Map<String, SamplePanel> panels = new LinkedHashMap<>();
    private final Label empty = new Label("Enable at least one scheme on the left to draw samples.");
    private TargetListener targetListener = (x, y, c) -> { };
    private BiConsumer<Exportable, String> onExport = (e, f) -> { };

    public SamplesView() {
        setSpacing(4);
        setId("samples");
        empty.getStyleClass().add("hint");
    }

    public void setTargetListener(TargetListener l) {
        this.targetListener = l;
    }

    public void setOnExport(BiConsumer<Exportable, String> handler) {
        this.onExport = handler;
        panels.values().forEach(p -> p.setOnExport(handler));
    }

    /** Shows the panels of the settings' schemes, each with its outcome in the result (null: not run yet). */
    public void show(Settings s, Scenario scenario, RunResult result) {
        List<SamplePanel> wanted = new ArrayList<>();
        for (String scheme : s.schemes()) {
            wanted.add(panels.computeIfAbsent(scheme, this::newPanel));
        }
        if (!getChildren().equals(wanted)) {
            getChildren().setAll(wanted.isEmpty() ? List.of(empty) : wanted);
        }
        for (SamplePanel p : wanted) {
            p.show(result == null ? null : result.outcomes().get(p.scheme()), s, scenario.density(),
                    scenario.bounds());
        }
    }

    /** Moves the target marker on every panel without waiting for a run. */
    public void previewTarget(double x, double y) {
        for (javafx.scene.Node n : getChildren()) {
            if (n instanceof SamplePanel p) {
                p.setTarget(x, y);
            }
        }
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
        ChartCanvas canvas = p.canvas();
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> pick(p, e, false));
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> pick(p, e, false));
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> pick(p, e, true));
        return p;
    }

    private void pick(SamplePanel p, MouseEvent e, boolean committed) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        double[] xy = toData(p, e.getX(), e.getY());
        if (xy != null) {
            previewTarget(xy[0], xy[1]);
            targetListener.moved(xy[0], xy[1], committed);
        }
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
}
