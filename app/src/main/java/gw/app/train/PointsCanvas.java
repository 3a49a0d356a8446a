package gw.app.train;

import gw.tensor.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * The training points on a square window: a data set's samples, or points painted with the mouse. While
 * {@link #paintableProperty() paintable}, a press or drag sprays {@link #SPRAY} points around the cursor (Gaussian,
 * std {@link #SPRAY_STD}), so dragging longer over a spot makes it denser.
 */
public final class PointsCanvas extends Pane {
    static final int SPRAY = 6;
    static final double SPRAY_STD = 0.12;
    /** Painting stops here: training reads at most this many points from the pane. */
    public static final int MAX_POINTS = 20_000;
    private final Canvas canvas = new Canvas();
    private final List<double[]> points = new ArrayList<>();
    private final BooleanProperty paintable = new SimpleBooleanProperty(this, "paintable", false);
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count", 0);
    private final Random spray = new Random(7);
    private double lo = -4;
    private double hi = 4;

    public PointsCanvas() {
        getChildren().add(canvas);
        setId("train-points");
        setMinSize(160, 160);
        setPrefSize(320, 320);
        widthProperty().addListener((o, a, b) -> layoutCanvas());
        heightProperty().addListener((o, a, b) -> layoutCanvas());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::paint);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::paint);
    }

    public BooleanProperty paintableProperty() {
        return paintable;
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** Shows these points (a data set's samples) and widens the window to hold them. */
    public void setPoints(Batch b) {
        points.clear();
        double m = 4;
        for (int i = 0; i < b.rows(); i++) {
            points.add(new double[] {b.get(i, 0), b.get(i, 1)});
            m = Math.max(m, Math.max(Math.abs(b.get(i, 0)), Math.abs(b.get(i, 1))) * 1.1);
        }
        lo = -m;
        hi = m;
        changed();
    }

    public void clear() {
        points.clear();
        changed();
    }

    /** The points as a [n, 2] batch. */
    public Batch points() {
        double[] d = new double[points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            d[2 * i] = points.get(i)[0];
            d[2 * i + 1] = points.get(i)[1];
        }
        return new Batch(d, points.size(), 2);
    }

    /** The data coordinates of a point on the pane. */
    double[] toData(double px, double py) {
        double side = side();
        double ox = (getWidth() - side) / 2;
        double oy = (getHeight() - side) / 2;
        return new double[] {lo + (px - ox) / side * (hi - lo), hi - (py - oy) / side * (hi - lo)};
    }

    private void paint(MouseEvent e) {
        if (!paintable.get() || points.size() >= MAX_POINTS) {
            return;
        }
        double[] c = toData(e.getX(), e.getY());
        for (int k = 0; k < SPRAY && points.size() < MAX_POINTS; k++) {
            points.add(new double[] {c[0] + SPRAY_STD * spray.nextGaussian(), c[1] + SPRAY_STD * spray.nextGaussian()});
        }
        changed();
        e.consume();
    }

    private double side() {
        return Math.max(10, Math.min(getWidth(), getHeight()));
    }

    private void layoutCanvas() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    private void changed() {
        count.set(points.size());
        redraw();
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        double side = side();
        double ox = (getWidth() - side) / 2;
        double oy = (getHeight() - side) / 2;
        g.setFill(Color.WHITE);
        g.fillRect(ox, oy, side, side);
        g.setStroke(Color.gray(0.85));
        g.setLineWidth(1);
        g.setFill(Color.gray(0.45));
        g.setFont(Font.font(10));
        for (int v = (int) Math.ceil(lo); v <= Math.floor(hi); v++) {
            double px = ox + (v - lo) / (hi - lo) * side;
            double py = oy + (hi - v) / (hi - lo) * side;
            g.strokeLine(px, oy, px, oy + side);
            g.strokeLine(ox, py, ox + side, py);
            if (v % 2 == 0) {
                g.fillText(Integer.toString(v), px + 2, oy + side - 3);
                g.fillText(Integer.toString(v), ox + 2, py - 2);
            }
        }
        g.setStroke(Color.gray(0.5));
        g.strokeRect(ox, oy, side, side);
        g.setFill(Color.rgb(31, 119, 180, 0.55));
        for (double[] p : points) {
            double px = ox + (p[0] - lo) / (hi - lo) * side;
            double py = oy + (hi - p[1]) / (hi - lo) * side;
            g.fillOval(px - 1.5, py - 1.5, 3, 3);
        }
        if (points.isEmpty()) {
            g.setFill(Color.gray(0.4));
            g.setFont(Font.font(13));
            g.fillText(paintable.get() ? "Drag here to paint points" : "No points", ox + side / 2 - 70,
                    oy + side / 2);
        }
    }
}
