package gw.app.run;

import gw.app.state.Settings;
import java.util.concurrent.Executors;
import javafx.concurrent.Service;
import javafx.concurrent.Task;

/**
 * Runs the enabled schemes for the current settings in the background. {@link #restart()} cancels a run in progress
 * (interrupting it, so the engine stops within one op) and starts the new one.
 */
public final class RunService extends Service<RunResult> {
    private final SchemeRunner runner;
    private volatile Settings settings;

    public RunService(SchemeRunner runner) {
        this.runner = runner;
        setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "run-service");
            t.setDaemon(true);
            return t;
        }));
    }

    public void setSettings(Settings s) {
        this.settings = s;
    }

    public Settings getSettings() {
        return settings;
    }

    public SchemeRunner runner() {
        return runner;
    }

    @Override
    protected Task<RunResult> createTask() {
        Settings s = settings;
        return new Task<>() {
            @Override
            protected RunResult call() {
                updateMessage("Sampling " + s.schemes().size() + " schemes, " + s.particles() + " particles, N = "
                        + s.steps());
                updateProgress(-1, 1);
                return runner.runSchemes(s);
            }
        };
    }
}
