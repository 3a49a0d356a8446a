package gw.app;

import gw.app.state.Scenarios;
import gw.app.state.Settings;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Shared set-up of the UI tests: a workbench on a stage, small and fast settings, and waiting helpers. */
abstract class WorkbenchFixture extends FxRobot {
    protected Workbench bench;

    /** Builds the window with the reference scenario, shrunk so every run takes milliseconds. */
    protected void open(Stage stage) {
        bench = new Workbench(Scenarios.all());
        Scene scene = new Scene(bench.root(), 1280, 800);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        bench.controls().load(Scenarios.all().get(0));
        bench.controls().apply(bench.controls().getSettings().withParticles(64).withSteps(10), true);
    }

    protected void stop() {
        if (bench != null) {
            interact(bench::shutdown);
        }
    }

    protected Settings settings() {
        return bench.controls().getSettings();
    }

    /** Replaces the text of a field as a person would (select all, type) and presses Enter. */
    protected void typeInto(String query, String text) {
        reveal(query);
        clickOn(query);
        push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A);
        write(text);
        type(javafx.scene.input.KeyCode.ENTER);
    }

    /** Scrolls the settings column so the node is in view (the column scrolls when the window is short). */
    protected void reveal(String query) {
        javafx.scene.Node n = lookup(query).query();
        fx(() -> {
            for (javafx.scene.Node p = n.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
                    double y = sp.getContent().sceneToLocal(n.localToScene(0, 0)).getY();
                    double room = sp.getContent().getLayoutBounds().getHeight() - sp.getViewportBounds().getHeight();
                    if (room > 0) {
                        sp.setVvalue(Math.max(0, Math.min(1, (y - 40) / room)));
                    }
                    sp.layout();
                    return;
                }
            }
        });
    }

    /** Computes a value on the FX thread. */
    protected <T> T onFx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("failed on the FX thread", e);
        }
    }

    /** Runs on the FX thread and waits for it. */
    protected void fx(Runnable r) {
        interact(r);
    }

    /** Waits until the condition holds (checked on the FX thread), or fails after the timeout. */
    protected void await(String what, int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what);
        }
    }

    /** Waits until a run for exactly these settings has been drawn, samples and error plot. */
    protected void awaitRunOf(Settings s) {
        awaitRunOf(s, 30);
    }

    /** The same with a longer wait (a network's gradient error: its ideal takes seconds per step). */
    protected void awaitRunOf(Settings s, int seconds) {
        await("a finished run of " + s, seconds, () -> bench.lastResult() != null
                && bench.lastResult().settings().equals(s) && !bench.runService().isRunning()
                && !bench.errorService().isRunning());
    }
}
