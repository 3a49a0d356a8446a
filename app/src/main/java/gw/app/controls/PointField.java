package gw.app.controls;

import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** A 2-D point typed as two numbers (the guidance target), with an inline error for invalid text. */
public final class PointField extends VBox {
    /** Largest coordinate accepted: far beyond any data here, small enough that guidance stays finite. */
    public static final double LIMIT = 50;
    private final TextField x = new TextField();
    private final TextField y = new TextField();
    private final Label error = new Label();
    private BiConsumer<Double, Double> listener = (a, b) -> { };

    public PointField(String name, String help) {
        setSpacing(2);
        Label label = new Label(name);
        Tips.lazy(label, help);
        Tips.lazy(x, "Horizontal coordinate of the " + name.toLowerCase() + ". " + help);
        Tips.lazy(y, "Vertical coordinate of the " + name.toLowerCase() + ". " + help);
        x.setId("target-x");
        y.setId("target-y");
        error.setId("target-error");
        x.setPrefColumnCount(5);
        y.setPrefColumnCount(5);
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        HBox row = new HBox(6, label, new Label("x"), x, new Label("y"), y);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(row, error);
        showError(null);
        // an error goes away as soon as both fields are valid again, not only when they are committed
        x.textProperty().addListener((o, a, b) -> recheck());
        y.textProperty().addListener((o, a, b) -> recheck());
        x.setOnAction(e -> commit());
        y.setOnAction(e -> commit());
        x.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit();
            }
        });
        y.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit();
            }
        });
    }

    public void setListener(BiConsumer<Double, Double> l) {
        this.listener = l;
    }

    private void commit() {
        double a;
        double b;
        mark(x, false);
        mark(y, false);
        try {
            a = parse(x, "Target x");
            b = parse(y, "Target y");
        } catch (IllegalArgumentException e) {
            showError(e.getMessage());
            return;
        }
        showError(null);
        listener.accept(a, b);
    }

    private void recheck() {
        if (!error.isVisible()) {
            return;
        }
        try {
            Parsers.range("Target x", -LIMIT, LIMIT).parse(x.getText().trim());
            Parsers.range("Target y", -LIMIT, LIMIT).parse(y.getText().trim());
            mark(x, false);
            mark(y, false);
            showError(null);
        } catch (IllegalArgumentException e) {
            // still invalid
        }
    }

    /** Parses one field, marking it invalid (red border, as the sliders' fields) when it does not parse. */
    private static double parse(TextField f, String what) {
        try {
            return Parsers.range(what, -LIMIT, LIMIT).parse(f.getText().trim());
        } catch (IllegalArgumentException e) {
            mark(f, true);
            throw e;
        }
    }

    private static void mark(TextField f, boolean invalid) {
        f.getStyleClass().remove("invalid");
        if (invalid) {
            f.getStyleClass().add("invalid");
        }
    }

    public void show(double a, double b) {
        x.setText(Parsers.compact(Math.round(a * 100) / 100.0));
        y.setText(Parsers.compact(Math.round(b * 100) / 100.0));
        mark(x, false);
        mark(y, false);
        showError(null);
    }

    private void showError(String message) {
        error.setText(message == null ? "" : message);
        error.setVisible(message != null);
        error.setManaged(message != null);
    }

    public Label error() {
        return error;
    }
}
