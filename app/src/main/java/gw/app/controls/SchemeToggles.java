package gw.app.controls;

import gw.app.charts.SchemeStyle;
import gw.app.state.Schemes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/** One check box per scheme, each with its plot colour; reports the enabled set when it changes. */
public final class SchemeToggles extends VBox {
    private final Map<String, CheckBox> boxes = new LinkedHashMap<>();
    private Consumer<List<String>> listener = s -> { };
    private boolean updating;

    public SchemeToggles() {
        setSpacing(3);
        for (String scheme : Schemes.ALL) {
            CheckBox box = new CheckBox(scheme);
            box.setId("scheme-" + scheme);
            box.setGraphic(new Rectangle(10, 10, SchemeStyle.fx(scheme)));
            Tips.lazy(box, Schemes.explain(scheme));
            box.selectedProperty().addListener((o, a, b) -> {
                if (!updating) {
                    listener.accept(selected());
                }
            });
            boxes.put(scheme, box);
            getChildren().add(box);
        }
    }

    public void setListener(Consumer<List<String>> l) {
        this.listener = l;
    }

    public List<String> selected() {
        List<String> out = new ArrayList<>();
        boxes.forEach((k, v) -> {
            if (v.isSelected()) {
                out.add(k);
            }
        });
        return out;
    }

    public void show(List<String> schemes, String lookaheadLabel) {
        updating = true;
        try {
            boxes.forEach((k, v) -> v.setSelected(schemes.contains(k)));
            boxes.get("lookahead").setText(lookaheadLabel);
        } finally {
            updating = false;
        }
    }

    public CheckBox box(String scheme) {
        return boxes.get(scheme);
    }
}
