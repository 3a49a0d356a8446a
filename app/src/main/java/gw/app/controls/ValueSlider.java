package gw.app.controls;

import java.util.function.DoubleFunction;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A named numeric setting: a slider for quick changes, a text field for exact values, and an error line right
 * under the field when the typed text is not a valid value. Changes while dragging are reported as not committed
 * (the caller may debounce them); releasing the slider, clicking the track or pressing Enter commits.
 */
public final class ValueSlider extends VBox {
    /** Receives (value, committed). */
    public interface Listener {
        void changed(double value, boolean committed);
    }

    /** Parses typed text into a value or throws IllegalArgumentException with a message for people. */
    public interface Parser {
        double parse(String text);
    }

    private final Slider slider = new Slider();
    private final TextField field = new TextField();
    private final Label error = new Label();
    private final ReadOnlyDoubleWrapper value = new ReadOnlyDoubleWrapper();
    private final SliderScale scale;
    private final DoubleFunction<String> format;
    private final Parser parser;
    private Listener listener = (v, c) -> { };
    private boolean updating;

    public ValueSlider(String name, String help, double minPos, double maxPos, SliderScale scale,
                       DoubleFunction<String> format, Parser parser) {
        this.scale = scale;
        this.format = format;
        this.parser = parser;
        setSpacing(2);
        setId(idFor(name));
        Label label = new Label(name);
        Tips.lazy(label, help);
        Tips.lazy(slider, help);
        Tips.lazy(field, help + " Type a value and press Enter.");
        slider.setMin(minPos);
        slider.setMax(maxPos);
        // arrow keys move one position (H 3 -> 4), not the default tenth of the range
        slider.setBlockIncrement(1);
        slider.setId(getId() + "-slider");
        field.setId(getId() + "-field");
        error.setId(getId() + "-error");
        field.setPrefColumnCount(6);
        field.setAlignment(Pos.CENTER_RIGHT);
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        showError(null);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(6, label, spacer, field);
        top.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(top, slider, error);
        slider.valueProperty().addListener((o, a, b) -> onSlider(!slider.isValueChanging()));
        slider.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                onSlider(true);
            }
        });
        field.setOnAction(e -> onText());
        // an error goes away as soon as the text is valid again, not only when it is committed
        field.textProperty().addListener((o, a, b) -> {
            if (!updating && error.isVisible()) {
                try {
                    parser.parse(b.trim());
                    showError(null);
                } catch (IllegalArgumentException e) {
                    // still invalid: the message stays until the next commit
                }
            }
        });
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                onText();
            }
        });
    }

    private static String idFor(String name) {
        return name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    public void setListener(Listener l) {
        this.listener = l;
    }

    private void onSlider(boolean committed) {
        if (updating) {
            return;
        }
        double v = scale.toValue(slider.getValue());
        boolean same = v == value.get();
        setQuietly(v);
        showError(null);
        if (!same || committed) {
            listener.changed(v, committed);
        }
    }

    private void onText() {
        if (updating) {
            return;
        }
        double v;
        try {
            v = parser.parse(field.getText().trim());
        } catch (IllegalArgumentException e) {
            showError(e.getMessage());
            return;
        }
        showError(null);
        if (v != value.get()) {
            setQuietly(v);
            listener.changed(v, true);
        } else {
            field.setText(format.apply(v));
        }
    }

    /** Shows a value without reporting it (used when settings are loaded); any typed-value error is cleared. */
    public void setQuietly(double v) {
        updating = true;
        try {
            showError(null);
            value.set(v);
            slider.setValue(scale.toPosition(v));
            field.setText(format.apply(v));
        } finally {
            updating = false;
        }
    }

    public void showError(String message) {
        error.setText(message == null ? "" : message);
        error.setVisible(message != null);
        error.setManaged(message != null);
        if (message == null) {
            field.getStyleClass().remove("invalid");
        } else if (!field.getStyleClass().contains("invalid")) {
            field.getStyleClass().add("invalid");
        }
    }

    public double getValue() {
        return value.get();
    }

    public ReadOnlyDoubleProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    public Slider slider() {
        return slider;
    }

    public TextField field() {
        return field;
    }

    public Label error() {
        return error;
    }

    /** Small captions under the two ends of the slider. */
    public void setEnds(String low, String high) {
        Label l = new Label(low);
        Label h = new Label(high);
        l.getStyleClass().add("hint");
        h.getStyleClass().add("hint");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().add(getChildren().indexOf(slider) + 1, new HBox(l, spacer, h));
    }

    /** Changes the slider's range (e.g. the horizon's top follows the step count). */
    public void setRange(double minPos, double maxPos) {
        updating = true;
        try {
            slider.setMin(minPos);
            slider.setMax(maxPos);
            slider.setValue(scale.toPosition(value.get()));
        } finally {
            updating = false;
        }
    }
}
