package gw.app.panels;

import gw.app.WorkbenchModel;
import gw.app.controls.Tips;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * What is running, how far along it is (percentage and time left), Cancel and Run, and how long the last update
 * took. It shows a {@link WorkbenchModel}'s status properties.
 */
public final class StatusBar extends HBox {
    private final Label message = new Label("Ready");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label percent = new Label();
    private final Button cancel = new Button("Cancel");
    private final Button run = new Button("Run");
    private final Label timing = new Label();

    public StatusBar(Runnable onCancel, Runnable onRun) {
        setId("status-bar");
        getStyleClass().add("status-bar");
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(3, 8, 3, 8));
        progress.setVisible(false);
        progress.managedProperty().bind(progress.visibleProperty());
        percent.managedProperty().bind(percent.visibleProperty());
        percent.setId("status-progress");
        percent.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setId("cancel");
        cancel.setDisable(true);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        Tips.lazy(cancel, "Stop the computation that is running now; the last finished results stay.");
        cancel.setOnAction(e -> onCancel.run());
        run.setId("run");
        run.setMinWidth(Region.USE_PREF_SIZE);
        Tips.lazy(run, "Run the current settings again (after Cancel, or to time a run). Any change of a setting "
                + "runs by itself.");
        run.setOnAction(e -> onRun.run());
        message.setId("status-message");
        message.setMinWidth(80);
        timing.setId("status-timing");
        timing.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // Cancel, Run and the progress bar first: they stay put whatever the message says
        progress.setPrefWidth(100);
        getChildren().addAll(cancel, run, progress, percent, message, spacer, timing);
    }

    /** Shows the model's status: message, busy (Cancel enabled, progress shown), progress with time left, timing. */
    public void bind(WorkbenchModel m) {
        message.textProperty().bind(m.statusProperty());
        cancel.disableProperty().bind(m.busyProperty().not());
        progress.visibleProperty().bind(m.busyProperty());
        progress.progressProperty().bind(m.progressProperty());
        percent.textProperty().bind(m.progressTextProperty());
        percent.visibleProperty().bind(m.busyProperty().and(m.progressTextProperty().isNotEmpty()));
        timing.textProperty().bind(m.timingProperty());
        // made when the mouse first reaches the timing, like the other tooltips (Tips), and then kept up to date
        Tips.lazy(timing, () -> {
            javafx.scene.control.Tooltip tip = Tips.of("");
            tip.textProperty().bind(javafx.beans.binding.Bindings.concat("Time from your last change to the "
                    + "redrawn plots: compute (all schemes in parallel) + drawing. ", m.timingDetailProperty()));
            return tip;
        });
    }

    public Button cancelButton() {
        return cancel;
    }

    public Button runButton() {
        return run;
    }

    public String message() {
        return message.getText();
    }

    public String progressText() {
        return percent.isVisible() ? percent.getText() : "";
    }
}
