package gw.app.controls;

import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.IntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

/**
 * Time through the solve, shared by every sample panel: a scrubber over the steps 0 (noise, t = 0) to N (data,
 * t = 1), play / pause (the whole solve in about three seconds), one step back or forward, and whether to show
 * each particle's prediction x̂1(x_t). It edits an integer step property; the panels and the inspector follow it.
 */
public final class TimeScrubber extends HBox {
    private static final double PLAY_SECONDS = 3;
    private final Slider slider = new Slider(0, 20, 20);
    private final Label time = new Label();
    private final Button play = new Button("\u25b6 Play");
    private final Button back = new Button("\u25c0");
    private final Button forward = new Button("\u25b6|");
    private final CheckBox predictions = new CheckBox("x\u0302\u2081");
    private final CheckBox arrows = new CheckBox("arrows");
    private final IntegerProperty step;
    private final Timeline timeline = new Timeline();
    private int steps = 20;
    private boolean updating;

    public TimeScrubber(IntegerProperty step) {
        this.step = step;
        setId("time-scrubber");
        getStyleClass().add("time-scrubber");
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        slider.setId("time-slider");
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setMinWidth(60);
        HBox.setHgrow(slider, Priority.ALWAYS);
        play.setId("time-play");
        back.setId("time-back");
        forward.setId("time-forward");
        predictions.setId("time-predictions");
        time.setId("time-label");
        time.setMinWidth(Label.USE_PREF_SIZE);
        for (Button b : new Button[] {play, back, forward}) {
            b.setMinWidth(Button.USE_PREF_SIZE);
        }
        predictions.setMinWidth(CheckBox.USE_PREF_SIZE);
        Tips.lazy(slider, "Time through the solve: drag to see every scheme's particles at x_t, from noise (t = 0) "
                + "to the samples (t = 1). Nothing is recomputed.");
        Tips.lazy(time, "The time shown, and its step of the N steps of the solve.");
        Tips.lazy(play, "Play the solve from noise to data (about three seconds), or pause it.");
        Tips.lazy(back, "One step back in time.");
        Tips.lazy(forward, "One step forward in time.");
        Tips.lazy(predictions, "Predictions: also draw, in grey, where the model predicts each particle will end: the prediction "
                + "E[x\u2081 | x_t], the point greedy guidance asks the loss at.");
        Label name = new Label("Time");
        name.setMinWidth(Label.USE_PREF_SIZE);
        arrows.setId("time-arrows");
        arrows.setMinWidth(CheckBox.USE_PREF_SIZE);
        Tips.lazy(arrows, "Guidance arrows on the first " + gw.app.state.Settings.TRACED + " particles: guidance's push "
                + "during the next step (the guided step minus the plain solver step), per unit time.");
        getChildren().addAll(name, back, play, forward, slider, time, predictions, arrows);
        slider.valueProperty().addListener((o, a, b) -> {
            if (!updating) {
                step.set((int) Math.round(b.doubleValue()));
            }
        });
        step.addListener((o, a, b) -> show());
        back.setOnAction(e -> {
            pause();
            step.set(Math.max(0, current() - 1));
        });
        forward.setOnAction(e -> {
            pause();
            step.set(Math.min(steps, current() + 1));
        });
        play.setOnAction(e -> {
            if (timeline.getStatus() == Timeline.Status.RUNNING) {
                pause();
            } else {
                play();
            }
        });
        show();
    }

    /** The step count N of the run shown (the scrubber's top). */
    public void setSteps(int n) {
        steps = n;
        updating = true;
        try {
            slider.setMax(n);
        } finally {
            updating = false;
        }
        show();
    }

    /** The step shown, clamped to 0..N. */
    public int current() {
        return Math.max(0, Math.min(steps, step.get()));
    }

    public void play() {
        if (current() >= steps) {
            step.set(0);
        }
        timeline.stop();
        timeline.getKeyFrames().setAll(new KeyFrame(Duration.seconds(PLAY_SECONDS / steps), e -> {
            if (current() >= steps) {
                pause();
            } else {
                step.set(current() + 1);
            }
        }));
        timeline.setCycleCount(Timeline.INDEFINITE);
        timeline.play();
        play.setText("\u23f8 Pause");
    }

    public void pause() {
        timeline.stop();
        play.setText("\u25b6 Play");
    }

    public boolean isPlaying() {
        return timeline.getStatus() == Timeline.Status.RUNNING;
    }

    private void show() {
        updating = true;
        try {
            slider.setValue(current());
        } finally {
            updating = false;
        }
        time.setText(String.format(Locale.ROOT, "t = %.2f (%d/%d)", (double) current() / steps, current(), steps));
    }

    public Slider slider() {
        return slider;
    }

    public CheckBox arrows() {
        return arrows;
    }

    public CheckBox predictions() {
        return predictions;
    }
}
