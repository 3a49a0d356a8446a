package gw.app;

import gw.app.run.BackgroundService;
import gw.app.run.ComputeCurves;
import gw.app.run.ComputeSweep;
import gw.app.run.ErrorProfiles;
import gw.app.run.LatencyLog;
import gw.app.run.RunResult;
import gw.app.run.RunService;
import gw.app.run.SchemeOutcome;
import gw.app.run.SchemeRunner;
import gw.app.state.Numbers;
import gw.app.state.Scenario;
import gw.app.state.Settings;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The workbench's state and commands, apart from any view: the settings and scenario (observable, set by the
 * controls), the read-only outcome of the last run (samples first, filled in scheme by scheme as they finish, then
 * the gradient-error profiles), the cost curves, the status (message, busy, progress, timing, failure), the time
 * step the sample panels show and the highlighted particle; and the commands run, cancel and measure curves. The
 * charts and controls bind to these properties; the model knows nothing of them.
 */
public final class WorkbenchModel {
    private static final int THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    private final ObjectProperty<Settings> settings = new SimpleObjectProperty<>(this, "settings");
    private final ObjectProperty<Scenario> scenario = new SimpleObjectProperty<>(this, "scenario");
    private final ReadOnlyObjectWrapper<RunResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<ErrorProfiles> errors = new ReadOnlyObjectWrapper<>(this, "errors");
    private final ReadOnlyObjectWrapper<ComputeCurves> curves = new ReadOnlyObjectWrapper<>(this, "curves");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");
    /** Why the last run has no gradient-error measurement (a model without an ideal); null when it has one. */
    private final ReadOnlyStringWrapper curvesFailure = new ReadOnlyStringWrapper(this, "curvesFailure");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Ready");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper timing = new ReadOnlyStringWrapper(this, "timing", "");
    private final ReadOnlyStringWrapper timingDetail = new ReadOnlyStringWrapper(this, "timingDetail", "");
    /** Time step the sample panels show, 0 (noise) .. N (data); kept at N when a new run lands. */
    private final IntegerProperty step = new SimpleIntegerProperty(this, "step", Integer.MAX_VALUE);
    /** Particle whose trajectory is highlighted in every panel, -1 for none. */
    private final IntegerProperty particle = new SimpleIntegerProperty(this, "particle", -1);
    private final BooleanBinding stale;
    private final SchemeRunner runner = new SchemeRunner(THREADS, "cell");
    /** One thread: sweep cells run one at a time, so their wall times are not inflated by each other. */
    private final SchemeRunner sweepRunner = new SchemeRunner(1, "sweep");
    private final RunService runService = new RunService(runner);
    private final BackgroundService<Settings, ComputeCurves> computeService =
            new BackgroundService<>("compute-sweep", "Measuring cost curves", s -> ComputeSweep.run(s, sweepRunner));
    private final BackgroundService<RunResult, ErrorProfiles> errorService =
            new BackgroundService<>("error-profile", "Measuring gradient error", r -> ErrorProfiles.measure(r, runner));
    private final LatencyLog latency = new LatencyLog();
    private long requestNanos;
    private double firstDrawnMs;
    private double samplesDrawnMs;
    private Runnable afterSamples = () -> { };
    private Runnable afterErrors = () -> { };

    public WorkbenchModel() {
        stale = Bindings.createBooleanBinding(() -> result.get() != null && settings.get() != null
                && !result.get().settings().equals(settings.get()), result, settings);
        runService.setOnPartial(this::partial);
        runService.progressProperty().addListener((o, a, b) -> showProgress(b.doubleValue()));
        runService.setOnSucceeded(e -> applySamples(runService.getValue()));
        runService.setOnFailed(e -> {
            failure.set("Run failed: " + runService.getException());
            idle(failure.get());
        });
        runService.setOnCancelled(e -> idle(result.get() == null ? "Cancelled"
                : "Cancelled: the plots still show the last finished run; press Run to run again"));
        errorService.setOnSucceeded(e -> applyErrors(errorService.getValue()));
        // without this, Cancel during the error measurement left the status busy
        errorService.setOnCancelled(e -> idle("Cancelled: the gradient-error plot still shows the last finished "
                + "measurement"));
        errorService.setOnFailed(e -> {
            failure.set("Could not measure gradient error: " + errorService.getException().getMessage());
            idle("Gradient-error measurement failed");
        });
        computeService.setOnSucceeded(e -> {
            curves.set(computeService.getValue());
            idle("Cost curves updated");
        });
        computeService.setOnFailed(e -> {
            curvesFailure.set("Cost sweep failed: " + computeService.getException().getMessage());
            idle(curvesFailure.get());
        });
        computeService.setOnCancelled(e -> idle("Cost sweep cancelled"));
    }

    /** Starts a run for the settings (they become the current settings), cancelling any work in progress. */
    public void run(Settings s) {
        settings.set(s);
        requestNanos = System.nanoTime();
        firstDrawnMs = Double.NaN;
        computeService.cancel();
        errorService.cancel();
        failure.set(null);
        runService.setSettings(s);
        runService.restart();
        if (RunService.needsLoading(s)) {
            busy("Loading the network " + ((gw.model.LearnedModel) s.model()).card().name() + " (first use)\u2026");
        } else {
            busy(sampling(s));
        }
    }

    private static String sampling(Settings s) {
        return "Sampling " + s.schemes().size() + " scheme(s) \u00b7 " + s.particles() + " particles \u00b7 N = "
                + s.steps();
    }

    /** Runs (on the FX thread) once a run's learned model has loaded and its sampling starts. */
    public void setOnModelLoaded(Runnable r) {
        runService.setOnModelLoaded(s -> {
            if (s.equals(runService.getSettings())) {
                busy(sampling(s));
                r.run();
            }
        });
    }

    /** Runs the current settings again (after Cancel, or to time a run). */
    public void run() {
        if (settings.get() != null) {
            run(settings.get());
        }
    }

    /** Measures the cost curves of the last run's settings, unless they are measured already. */
    public void requestCurves() {
        RunResult r = result.get();
        if (r == null || !r.complete() || isWorking()
                || (curves.get() != null && curves.get().settings().equals(r.settings()))) {
            return;
        }
        Settings s = r.settings();
        curvesFailure.set(null);
        computeService.setInput(() -> s);
        computeService.restart();
        busy("Measuring cost against horizon and step count\u2026");
    }

    /** Whether the samples or the gradient error of a run are still being computed. */
    public boolean isWorking() {
        return runService.isRunning() || errorService.isRunning();
    }

    public void cancel() {
        runService.cancel();
        errorService.cancel();
        computeService.cancel();
    }

    public void shutdown() {
        cancel();
        runner.close();
        sweepRunner.close();
    }

    /** Phase 0: one scheme is done; show it with the ones before (the slow schemes fill in later). */
    private void partial(Settings s, SchemeOutcome o) {
        if (!s.equals(runService.getSettings())) {
            return;
        }
        RunResult r = result.get();
        Map<String, SchemeOutcome> out = new LinkedHashMap<>();
        if (r != null && r.settings().equals(s) && !r.complete()) {
            out.putAll(r.outcomes());
        }
        out.put(o.scheme(), o);
        RunResult next = new RunResult(s, ordered(s, out), Double.NaN);
        if (next.complete()) {
            return; // the full result comes with onSucceeded, with its compute time
        }
        result.set(next);
        if (Double.isNaN(firstDrawnMs)) {
            firstDrawnMs = (System.nanoTime() - requestNanos) / 1e6;
        }
    }

    private static Map<String, SchemeOutcome> ordered(Settings s, Map<String, SchemeOutcome> in) {
        Map<String, SchemeOutcome> out = new LinkedHashMap<>();
        for (String scheme : s.schemes()) {
            if (in.containsKey(scheme)) {
                out.put(scheme, in.get(scheme));
            }
        }
        return out;
    }

    /** Phase 1: all samples are in; show them and start measuring the gradient error. */
    private void applySamples(RunResult r) {
        // a scrubber at the end of the last run stays at the end of this one (N may have changed)
        RunResult before = result.get();
        if (!step.isBound() && before != null && step.get() >= before.settings().steps()) {
            step.set(Integer.MAX_VALUE);
        }
        result.set(r);
        afterSamples.run();
        samplesDrawnMs = (System.nanoTime() - requestNanos) / 1e6;
        if (Double.isNaN(firstDrawnMs)) {
            firstDrawnMs = samplesDrawnMs;
        }
        errorService.setInput(() -> r);
        errorService.restart();
        busy(ErrorProfiles.costlyIdeal(r.settings().model())
                ? "Measuring each scheme's gradient error against the network's ideal (" + ErrorProfiles.NETWORK_STEPS
                        + " steps in one solve)\u2026"
                : "Measuring each scheme's gradient error against the ideal\u2026");
    }

    /** Phase 2: the gradient error is in. */
    private void applyErrors(ErrorProfiles p) {
        errors.set(p);
        afterErrors.run();
        double total = (System.nanoTime() - requestNanos) / 1e6;
        latency.add(samplesDrawnMs, total, p.run().computeMs(), p.computeMs(), firstDrawnMs);
        idle("Done");
        timing.set(String.format(Locale.ROOT, "updated in %.0f ms (first panel %.0f ms)", total, firstDrawnMs));
        timingDetail.set(String.format(Locale.ROOT, "Last update: first panel %.0f ms, all samples %.0f ms, "
                + "error plot %.0f ms (sampling %.0f ms, error measurement %.0f ms).", firstDrawnMs, samplesDrawnMs,
                total, p.run().computeMs(), p.computeMs()));
    }

    private void busy(String text) {
        status.set(text);
        busy.set(true);
        progress.set(-1);
        progressText.set("");
    }

    private void idle(String text) {
        status.set(Numbers.times(text));
        busy.set(false);
        progress.set(-1);
        progressText.set("");
    }

    /** Progress with a percentage and, once a tenth is done, the time left at the pace so far. */
    private void showProgress(double f) {
        if (!runService.isRunning() || !(f > 0)) {
            return;
        }
        progress.set(f);
        double elapsed = (System.nanoTime() - requestNanos) / 1e9;
        String eta = f >= 0.1 && f < 1 ? String.format(Locale.ROOT, " \u00b7 about %s left",
                seconds(elapsed * (1 - f) / f)) : "";
        progressText.set(String.format(Locale.ROOT, "%.0f%%%s", 100 * f, eta));
    }

    private static String seconds(double s) {
        return s < 1 ? String.format(Locale.ROOT, "%.1f s", s) : String.format(Locale.ROOT, "%.0f s", s);
    }

    /** Runs after each full set of samples and after each error profile is drawn (the view's hooks). */
    void setHooks(Runnable afterSamples, Runnable afterErrors) {
        this.afterSamples = Objects.requireNonNull(afterSamples);
        this.afterErrors = Objects.requireNonNull(afterErrors);
    }

    public ObjectProperty<Settings> settingsProperty() {
        return settings;
    }

    public Settings getSettings() {
        return settings.get();
    }

    public ObjectProperty<Scenario> scenarioProperty() {
        return scenario;
    }

    public ReadOnlyObjectProperty<RunResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ErrorProfiles> errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ComputeCurves> curvesProperty() {
        return curves.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty curvesFailureProperty() {
        return curvesFailure.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timingProperty() {
        return timing.getReadOnlyProperty();
    }

    /** The last update's timing in full (first panel, samples, error plot, and their compute parts). */
    public ReadOnlyStringProperty timingDetailProperty() {
        return timingDetail.getReadOnlyProperty();
    }

    public BooleanBinding staleProperty() {
        return stale;
    }

    public IntegerProperty stepProperty() {
        return step;
    }

    public IntegerProperty particleProperty() {
        return particle;
    }

    /** Sets a status message (e.g. from a file action) without starting work. */
    public void say(String text) {
        idle(text);
    }

    public RunResult lastResult() {
        RunResult r = result.get();
        return r != null && r.complete() ? r : null;
    }

    public RunService runService() {
        return runService;
    }

    public BackgroundService<RunResult, ErrorProfiles> errorService() {
        return errorService;
    }

    public BackgroundService<Settings, ComputeCurves> computeService() {
        return computeService;
    }

    public SchemeRunner runner() {
        return runner;
    }

    public LatencyLog latency() {
        return latency;
    }
}
