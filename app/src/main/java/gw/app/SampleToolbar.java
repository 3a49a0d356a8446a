package gw.app;

import gw.app.controls.Tips;
import gw.app.state.DataEdits;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The bar above the sample panels: the time scrubber, Fit, and adding or removing a mixture component. */
final class SampleToolbar {
    private SampleToolbar() {
    }

    static HBox create(Workbench w) {
        Button fit = new Button("Fit");
        fit.setId("fit-view");
        Tips.lazy(fit, "Fit the plots to the data and every particle shown (undo zoom and pan). Scroll on a plot "
                + "to zoom, Shift-drag to pan.");
        fit.setOnAction(e -> w.samples().fit());
        Button add = new Button("+ blob");
        add.setId("add-component");
        Tips.lazy(add, "Add a mixture component in the middle of the view. Drag a component's ring to move it, "
                + "scroll over it to change its width, Shift+scroll to change its weight.");
        add.setOnAction(e -> DataEdits.of(w.model().getSettings().model()).ifPresent(d -> {
            double[] v = w.samples().window();
            w.editData(d.add(0.5 * (v[0] + v[1]), 0.5 * (v[2] + v[3]), 0.4), true);
        }));
        Button remove = new Button("\u2212 blob");
        remove.setId("remove-component");
        Tips.lazy(remove, "Remove the component last dragged or scrolled (else the last one).");
        remove.setOnAction(e -> DataEdits.of(w.model().getSettings().model()).ifPresent(d -> {
            int k = w.samples().selectedComponent();
            if (d.means().length > 1) {
                w.editData(d.remove(k >= 0 && k < d.means().length ? k : d.means().length - 1), true);
            }
        }));
        for (Button b : new Button[] {fit, add, remove}) {
            b.setMinWidth(Button.USE_PREF_SIZE);
        }
        HBox.setHgrow(w.scrubber(), Priority.ALWAYS);
        HBox bar = new HBox(6, w.scrubber(), fit, add, remove);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setId("sample-toolbar");
        w.model().settingsProperty().addListener((o, a, s) -> {
            boolean editable = s != null && DataEdits.of(s.model()).isPresent();
            add.setDisable(!editable);
            remove.setDisable(!editable);
        });
        return bar;
    }

}
