package gw.app;

import gw.app.state.Scenarios;
import gw.app.state.Settings;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Shared set-up of the UI tests: before each test a workbench on TestFX's stage (headless under Monocle, see the
 * pom) with small and fast settings, shut down after it; and waiting for a run ({@link FxSteps} for the rest). TestFX's {@code @Start} is only
 * looked for on the test class itself, so the window is opened from a {@code @BeforeEach} here instead, on the FX
 * thread and on the same primary stage.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WorkbenchFixture extends FxSteps {
    protected Workbench bench;

    @BeforeEach
    void openWorkbench() throws TimeoutException {
        FxToolkit.setupStage(this::open);
    }

    @AfterEach
    void closeWorkbench() {
        stop();
    }

    /** Builds the window with the reference scenario, shrunk so every run takes milliseconds. */
    protected void open(Stage stage) {
        open(stage, 1280, 800, s -> s);
    }

    /** The same in a window of this size, with the shrunk settings changed further by {@code settings}. */
    protected void open(Stage stage, double width, double height, UnaryOperator<Settings> settings) {
        bench = new Workbench(Scenarios.all());
        Scene scene = new Scene(bench.root(), width, height);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        bench.controls().load(Scenarios.all().get(0));
        bench.controls().apply(settings.apply(bench.controls().getSettings().withParticles(64).withSteps(10)), true);
    }

    /** Shuts the workbench's services down (after each test). */
    protected void stop() {
        if (bench != null) {
            interact(bench::shutdown);
        }
    }

    protected Settings settings() {
        return bench.controls().getSettings();
    }

    /** Waits until a run for exactly these settings has been drawn, samples and error plot. */
    protected void awaitRunOf(Settings s) {
        awaitRunOf(s, 30);
    }

    /** The same with a longer wait (a network's gradient error: its ideal takes seconds). */
    protected void awaitRunOf(Settings s, int seconds) {
        await("a finished run of " + s, seconds, () -> bench.lastResult() != null
                && bench.lastResult().settings().equals(s) && !bench.runService().isRunning()
                && !bench.errorService().isRunning());
    }
}
