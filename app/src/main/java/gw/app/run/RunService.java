package gw.app.run;

import gw.app.state.Settings;
import gw.model.LearnedModel;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.concurrent.Service;
import javafx.concurrent.Task;

/**
 * Runs the enabled schemes for the current settings in the background. {@link #restart()} cancels a run in progress
 * (interrupting it, so the engine stops within one op) and starts the new one. Each scheme's outcome is handed to
 * the partial listener on the FX thread as soon as its cell ends (never after its run was cancelled), and the
 * task's progress is the mean fraction of steps done.
 */
public final class RunService extends Service<RunResult> {
    private final SchemeRunner runner;
    private volatile Settings settings;
    private BiConsumer<Settings, SchemeOutcome> partial = (s, o) -> { };
    private java.util.function.Consumer<Settings> modelLoaded = s -> { };

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

    /** Receives (the run's settings, one finished scheme) on the FX thread. */
    public void setOnPartial(BiConsumer<Settings, SchemeOutcome> l) {
        this.partial = l;
    }

    /** Hears (on the FX thread) that a run's learned model finished loading and sampling starts. */
    public void setOnModelLoaded(java.util.function.Consumer<Settings> l) {
        this.modelLoaded = l;
    }

    /** Whether the settings' model is a learned one whose network is not loaded yet (the run loads it first). */
    public static boolean needsLoading(Settings s) {
        return s.model() instanceof LearnedModel m && !m.isLoaded();
    }

    @Override
    protected Task<RunResult> createTask() {
        Settings s = settings;
        return new Task<>() {
            @Override
            protected RunResult call() {
                if (s.model() instanceof LearnedModel m && !m.isLoaded()) {
                    updateMessage("Loading the network " + m.card().name() + "\u2026");
                    m.load(); // ND4J's start (the first time) and the weights, here, off the FX thread
                    Platform.runLater(() -> {
                        if (!isDone()) {
                            modelLoaded.accept(s);
                        }
                    });
                }
                updateMessage("Sampling " + s.schemes().size() + " schemes, " + s.particles() + " particles, N = "
                        + s.steps());
                updateProgress(0, 1);
                return runner.runSchemes(s, o -> Platform.runLater(() -> {
                    if (!isDone()) {
                        partial.accept(s, o);
                    }
                }), f -> updateProgress(f, 1));
            }
        };
    }
}
