package gw.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.app.state.Settings;
import java.util.List;
import javafx.concurrent.Worker;
import org.junit.jupiter.api.Test;

/** The Cancel button stops a long run: the service ends cancelled and the worker threads go idle. */
class CancelTest extends WorkbenchFixture {

    @Test
    void cancelStopsALongRun() {
        awaitRunOf(settings());
        // end-to-end and the adjoint at 200 steps with 8192 particles: tens of seconds of work
        Settings heavy = settings().withSteps(200).withParticles(8192)
                .withSchemes(List.of("end-to-end", "adjoint"));
        fx(() -> bench.controls().apply(heavy, true));
        await("the long run is under way", 10, () -> bench.runService().isRunning()
                && !bench.runner().idle());
        sleep(300);
        assertTrue(onFx(() -> bench.runService().isRunning()), "still running before Cancel");
        long start = System.nanoTime();
        clickOn("#cancel");
        await("service cancelled", 5, () -> bench.runService().getState() == Worker.State.CANCELLED);
        await("worker threads idle", 5, () -> bench.runner().idle());
        double ms = (System.nanoTime() - start) / 1e6;
        assertTrue(ms < 5000, "cancel took " + ms + " ms");
        assertTrue(onFx(() -> bench.status().message()).startsWith("Cancelled"));
    }
}
