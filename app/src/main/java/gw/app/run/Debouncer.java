package gw.app.run;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Coalesces bursts of requests (a slider being dragged) into one action after a quiet period; a committed change
 * (slider released, a choice made) fires at once.
 */
public final class Debouncer {
    private final PauseTransition pause;
    private final Runnable action;

    public Debouncer(Duration quiet, Runnable action) {
        this.action = action;
        this.pause = new PauseTransition(quiet);
        this.pause.setOnFinished(e -> action.run());
    }

    public void request() {
        pause.playFromStart();
    }

    public void now() {
        pause.stop();
        action.run();
    }

    public void stop() {
        pause.stop();
    }
}
