package gw.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.app.FxSteps;
import gw.app.state.Scenario;
import gw.model.NetworkPredictor;
import gw.model.TargetPredictor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Train pane on its own: pick a set, train a few steps (the loss curve fills, the trained model is handed over
 * as a scenario on its path), cancel a long run (nothing handed over, the status stays "Cancelled" whenever the cancel
 * lands), paint and clear points.
 */
@ExtendWith(ApplicationExtension.class)
class TrainPaneTest extends FxSteps {
    private final List<Scenario> handed = new ArrayList<>();
    private TrainPane pane;

    @Start
    void start(Stage stage) {
        pane = new TrainPane(handed::add);
        stage.setScene(new Scene(pane, 900, 420));
        stage.show();
    }

    /** The status line, and where the training thread is, for a timed-out wait's message. */
    @Override
    protected String waitContext() {
        StringBuilder where = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().equals("train")) {
                where.append("; train thread ").append(thread.getState());
                for (int i = 0; i < Math.min(12, stack.length); i++) {
                    where.append("\n    at ").append(stack[i]);
                }
            }
        });
        return "; status: " + onFx(() -> pane.status().getText()) + where;
    }

    @Test
    void trainingAFewStepsFillsTheLossCurveAndHandsOverTheModel() {
        interact(() -> {
            pane.data().setValue("circles");
            pane.steps().getValueFactory().setValue(50);
        });
        assertTrue(onFx(() -> pane.canvas().countProperty().get()) == TrainPane.SHOWN_SAMPLES,
                "the set's samples are shown");
        clickOn("#train-start");
        await("a trained model", 120, () -> !handed.isEmpty());
        int points = onFx(() -> pane.loss().trainPoints());
        assertTrue(points >= 10, "the curve has a point per few steps: " + points);
        Scenario sc = handed.get(0);
        TargetPredictor m = sc.model();
        assertTrue(m instanceof NetworkPredictor, m.getClass().toString());
        assertEquals(2, m.dim());
        assertEquals("ot", m.requiredPath().orElseThrow());
        assertEquals("ot", sc.defaults().path(), "the scenario runs on the model's path");
        assertTrue(sc.density().isEmpty(), "a network has no closed-form density");
        assertFalse(onFx(() -> lookup("#train-save").queryButton().isDisabled()), "a trained model can be saved");
        assertTrue(onFx(() -> pane.status().getText()).startsWith("Trained 50 steps"),
                onFx(() -> pane.status().getText()));
    }

    @Test
    void cancelStopsTrainingAndKeepsNothing() {
        interact(() -> {
            pane.data().setValue("moons");
            pane.steps().getValueFactory().setValue(2_000);
        });
        clickOn("#train-start");
        await("the first loss points", 120, () -> pane.loss().trainPoints() > 0);
        Button cancel = lookup("#train-cancel").queryButton();
        assertFalse(cancel.isDisabled());
        clickOn("#train-cancel");
        assertCancelledForGood();
    }

    /**
     * The race that once left the status at "Step 20 of 2000": a cancel that lands while a step runs lets that step
     * finish, and its report reached the FX thread after "Cancelled" and overwrote it. Here the training thread is
     * held at the end of step 20 (a step that reports) until the cancel has interrupted it.
     */
    @Test
    void aStepThatEndsAfterTheCancelDoesNotOverwriteIt() {
        CountDownLatch held = new CountDownLatch(1);
        pane.stepDone(step -> {
            if (step == 20) {
                held.countDown();
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!Thread.currentThread().isInterrupted() && System.nanoTime() < until) {
                    LockSupport.parkNanos(1_000_000);
                }
            }
        });
        interact(() -> {
            pane.data().setValue("moons");
            pane.steps().getValueFactory().setValue(2_000);
        });
        clickOn("#train-start");
        await("step 20 to end", 120, () -> held.getCount() == 0);
        clickOn("#train-cancel");
        assertCancelledForGood();
    }

    /** Cancel pressed before the task has even reported that it is scheduled. */
    @Test
    void aCancelRightAfterTrainIsHonoured() {
        interact(() -> {
            pane.data().setValue("moons");
            pane.start();
            pane.cancelTraining();
        });
        assertCancelledForGood();
    }

    /**
     * Cancel pressed after the last step, when the task's result is made but not yet on the FX thread (the FX
     * thread is held until the training thread has returned): the user asked for nothing, so nothing is kept.
     */
    @Test
    void aCancelAfterTheLastStepStillKeepsNothing() {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        pane.stepDone(step -> {
            if (step == 50) {
                held.countDown();
                try {
                    go.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        interact(() -> {
            pane.data().setValue("moons");
            pane.steps().getValueFactory().setValue(50);
        });
        clickOn("#train-start");
        await("the last step to end", 120, () -> held.getCount() == 0);
        interact(() -> {
            go.countDown();
            try {
                pane.thread().join(TimeUnit.SECONDS.toMillis(60));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            pane.cancelTraining();
        });
        assertCancelledForGood();
    }

    /** The status says "Cancelled" once the training thread has stopped and every event it posted has been shown. */
    private void assertCancelledForGood() {
        await("cancelled", 30, () -> pane.status().getText().startsWith("Cancelled"));
        Thread t = onFx(pane::thread);
        try {
            t.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertFalse(t.isAlive(), "the training thread stopped" + waitContext());
        WaitForAsyncUtils.waitForFxEvents();
        String status = onFx(() -> pane.status().getText());
        assertTrue(status.startsWith("Cancelled"), "still cancelled after the thread's last events: " + status);
        assertTrue(handed.isEmpty(), "nothing handed over");
        assertFalse(onFx(() -> lookup("#train-start").queryButton().isDisabled()), "Train is enabled again");
        assertTrue(onFx(() -> lookup("#train-cancel").queryButton().isDisabled()), "Cancel is disabled");
    }

    @Test
    void paintingAddsPointsAndClearRemovesThem() {
        interact(() -> pane.data().setValue(TrainPane.PAINT));
        assertEquals(0, onFx(() -> pane.canvas().countProperty().get()));
        drag(pane.canvas(), MouseButton.PRIMARY).moveBy(40, 10).moveBy(20, 30).release(MouseButton.PRIMARY);
        int n = onFx(() -> pane.canvas().countProperty().get());
        assertTrue(n >= 3 * PointsCanvas.SPRAY, "a drag sprays points at each move: " + n);
        clickOn("#train-clear");
        assertEquals(0, onFx(() -> pane.canvas().countProperty().get()));
        clickOn("#train-start");
        assertTrue(onFx(() -> pane.status().getText()).startsWith("Paint at least 20 points"));
    }
}
