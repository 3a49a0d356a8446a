package gw.app.panels;

import gw.app.controls.Tips;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** What is running, how far along it is, a Cancel button, and how long the last update took. */
public final class StatusBar extends HBox {
    private final Label message = new Label("Ready");
    private final ProgressBar progress = new ProgressBar(0);
    private final Button cancel = new Button("Cancel");
    private final Label timing = new Label();

    public StatusBar(Runnable onCancel) {
        setId("status-bar");
        getStyleClass().add("status-bar");
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(3, 8, 3, 8));
        progress.setVisible(false);
        progress.managedProperty().bind(progress.visibleProperty());
        cancel.setId("cancel");
        cancel.setDisable(true);
        Tips.lazy(cancel, "Stop the computation that is running now; the last finished results stay.");
        cancel.setOnAction(e -> onCancel.run());
        message.setId("status-message");
        timing.setId("status-timing");
        Tips.lazy(timing, "Time from your last change to redrawn samples and gradient-error plot: "
                + "compute (all schemes in parallel) + drawing.");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // Cancel and the progress bar first: they stay put whatever the message says
        progress.setPrefWidth(100);
        getChildren().addAll(cancel, progress, message, spacer, timing);
    }

    public void busy(String text) {
        message.setText(text);
        progress.setVisible(true);
        progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        cancel.setDisable(false);
    }

    public void idle(String text) {
        message.setText(text);
        progress.setVisible(false);
        progress.managedProperty().bind(progress.visibleProperty());
        cancel.setDisable(true);
    }

    public void timing(String text) {
        timing.setText(text);
    }

    public Button cancelButton() {
        return cancel;
    }

    public String message() {
        return message.getText();
    }
}
