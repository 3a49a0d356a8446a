package gw.app;

import gw.app.charts.ChartPane;
import gw.app.charts.FrontierChart;
import gw.app.charts.GradientErrorChart;
import gw.app.charts.HorizonCostChart;
import gw.app.charts.SamplesView;
import gw.app.charts.StepsCostChart;
import gw.app.controls.ControlPanel;
import gw.app.export.Exportable;
import gw.app.panels.AboutMath;
import gw.app.panels.InspectorPanel;
import gw.app.panels.StatusBar;
import gw.app.run.BackgroundService;
import gw.app.run.ComputeCurves;
import gw.app.run.ComputeSweep;
import gw.app.run.Debouncer;
import gw.app.run.ErrorProfiles;
import gw.app.run.LatencyLog;
import gw.app.run.RunResult;
import gw.app.run.RunService;
import gw.app.run.SchemeRunner;
import gw.app.state.Scenario;
import gw.app.state.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

/**
 * The workbench window's content and its behaviour: any settings change re-runs the enabled schemes in the
 * background (debounced while a slider is dragged, at once when it is released), cancelling the run before; the
 * finished run redraws the sample panels and the gradient-error chart, then the visible tab's extra work (cost
 * sweeps, particle inspector) starts.
 */
public final class Workbench {
    private static final int THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    private final BorderPane root = new BorderPane();
    private final ControlPanel controls;
    private final SamplesView samples = new SamplesView();
    private final GradientErrorChart errorChart = GradientErrorChart.create();
    private final HorizonCostChart horizonChart = HorizonCostChart.create();
    private final StepsCostChart stepsChart = StepsCostChart.create();
    private final FrontierChart frontierChart = FrontierChart.create();
    private final InspectorPanel inspector;
    private final StatusBar status;
    private final TabPane tabs = new TabPane();
    private final Tab computeTab;
    private final Tab inspectorTab;
    private final SchemeRunner runner = new SchemeRunner(THREADS, "cell");
    /** One thread: sweep cells run one at a time, so their wall times are not inflated by each other. */
    private final SchemeRunner sweepRunner = new SchemeRunner(1, "sweep");
    private final RunService runService = new RunService(runner);
    private final BackgroundService<Settings, ComputeCurves> computeService =
            new BackgroundService<>("compute-sweep", "Measuring cost curves", s -> ComputeSweep.run(s, sweepRunner));
    private final BackgroundService<RunResult, ErrorProfiles> errorService =
            new BackgroundService<>("error-profile", "Measuring gradient error", r -> ErrorProfiles.measure(r, runner));
    private final Debouncer dragDebounce = new Debouncer(Duration.millis(60), this::runLatest);
    private final Debouncer extraDebounce = new Debouncer(Duration.millis(150), this::startExtras);
    private final LatencyLog latency = new LatencyLog();
    private final List<Runnable> onRunApplied = new ArrayList<>();
    private RunResult lastResult;
    private ComputeCurves lastCurves;
    private long requestNanos;
    private double samplesDrawnMs;
    private double sampleDrawMs;
    private boolean held;
    private Settings pending;

    public Workbench(List<Scenario> scenarios) {
        controls = new ControlPanel(scenarios);
        inspector = new InspectorPanel(controls::scenario);
        status = new StatusBar(this::cancel);
        ScrollPane left = new ScrollPane(controls);
        left.setFitToWidth(true);
        left.setPrefWidth(300);
        left.setMinWidth(260);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        HBox compute = new HBox(4, horizonChart, stepsChart, frontierChart);
        for (ChartPane c : List.of(horizonChart, stepsChart, frontierChart)) {
            HBox.setHgrow(c, Priority.ALWAYS);
            c.setPrefWidth(400);
        }
        Tab errorTab = new Tab("Gradient error vs t", errorChart);
        computeTab = new Tab("Compute cost");
        inspectorTab = new Tab("Particle inspector");
        Tab aboutTab = new Tab("About the math");
        // a tab's content joins the scene when the tab is first opened: hidden charts are not styled, laid out
        // and drawn while the window starts (their charts exist from the start, for export)
        lazyContent(computeTab, () -> compute);
        lazyContent(inspectorTab, () -> inspector);
        lazyContent(aboutTab, AboutMath::new);
        // tab tooltips are made when the mouse first reaches the tabs (see Tips)
        tabs.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_ENTERED, new javafx.event.EventHandler<>() {
            @Override
            public void handle(javafx.scene.input.MouseEvent e) {
                tabs.removeEventFilter(javafx.scene.input.MouseEvent.MOUSE_ENTERED, this);
                tip(errorTab, "How far each scheme's gradient is from the exact one, step by step through the "
                        + "solve.");
                tip(computeTab, "What accuracy costs: time and model evaluations against horizon and step count, "
                        + "and final loss against time. Measured when this tab is open.");
                tip(inspectorTab, "One particle at one moment: where each scheme asks the loss and where it "
                        + "pushes.");
                tip(aboutTab, "The math behind the workbench in a few paragraphs.");
            }
        });
        tabs.getTabs().addAll(errorTab, computeTab, inspectorTab, aboutTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("tabs");
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> extraDebounce.request());
        SplitPane center = new SplitPane(samples, tabs);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.44);
        root.setLeft(left);
        root.setCenter(center);
        root.setBottom(status);
        wire();
    }

    private static void lazyContent(Tab t, java.util.function.Supplier<javafx.scene.Node> content) {
        t.selectedProperty().addListener((o, was, now) -> {
            if (now && t.getContent() == null) {
                t.setContent(content.get());
            }
        });
    }

    private static void tip(Tab t, String text) {
        t.setTooltip(gw.app.controls.Tips.of(text));
    }

    private void wire() {
        controls.setListener((s, committed) -> {
            if (committed) {
                dragDebounce.stop();
                run(s);
            } else {
                dragDebounce.request();
            }
        });
        samples.setTargetListener((x, y, committed) -> controls.setTarget(x, y, committed));
        runService.setOnSucceeded(e -> apply(runService.getValue()));
        runService.setOnFailed(e -> status.idle("Run failed: " + runService.getException()));
        runService.setOnCancelled(e -> status.idle(lastResult == null ? "Cancelled"
                : "Cancelled: the plots still show the last finished run; change a setting to run again"));
        errorService.setOnSucceeded(e -> applyErrors(errorService.getValue()));
        // without this, Cancel during the error measurement left the status bar busy with Cancel enabled
        errorService.setOnCancelled(e -> status.idle("Cancelled: the gradient-error plot still shows the last "
                + "finished measurement"));
        errorService.setOnFailed(e -> {
            errorChart.showMessage("Could not measure gradient error: " + errorService.getException().getMessage());
            status.idle("Gradient-error measurement failed");
        });
        computeService.setOnSucceeded(e -> {
            lastCurves = computeService.getValue();
            horizonChart.show(lastCurves);
            stepsChart.show(lastCurves);
            frontierChart.show(lastCurves);
            status.idle("Cost curves updated");
        });
        computeService.setOnFailed(e -> {
            String m = "Cost sweep failed: " + computeService.getException().getMessage();
            for (ChartPane c : List.of(horizonChart, stepsChart, frontierChart)) {
                c.showMessage(m);
            }
            status.idle(m);
        });
        computeService.setOnCancelled(e -> status.idle("Cost sweep cancelled"));
    }

    /** Directs chart export requests (context menus) to a handler. */
    public void setOnExport(BiConsumer<Exportable, String> handler) {
        samples.setOnExport(handler);
        for (ChartPane c : List.of(errorChart, horizonChart, stepsChart, frontierChart, inspector.chart())) {
            c.setOnExport(handler);
        }
    }

    private void runLatest() {
        run(controls.getSettings());
    }

    /** While held, changes are remembered but not run (the window is not on screen yet). */
    public void holdRuns(boolean hold) {
        held = hold;
        if (!hold && pending != null) {
            Settings s = pending;
            pending = null;
            run(s);
        }
    }

    /** Starts a run for the settings, cancelling the one in progress. */
    public void run(Settings s) {
        if (lastResult == null && controls.scenario() != null) {
            // nothing drawn yet (the first frame): panels with the density and the target, saying "Sampling..."
            samples.show(s, controls.scenario(), null);
        }
        if (held) {
            pending = s;
            return;
        }
        requestNanos = System.nanoTime();
        computeService.cancel();
        errorService.cancel();
        inspector.service().cancel();
        runService.setSettings(s);
        runService.restart();
        status.busy("Sampling " + s.schemes().size() + " scheme(s) \u00b7 " + s.particles() + " particles \u00b7 N = "
                + s.steps());
    }

    /** Phase 1: the samples are in; draw them and start measuring the gradient error. */
    private void apply(RunResult r) {
        long drawStart = System.nanoTime();
        lastResult = r;
        Scenario sc = controls.scenario();
        samples.show(r.settings(), sc, r);
        samplesDrawnMs = (System.nanoTime() - requestNanos) / 1e6;
        sampleDrawMs = (System.nanoTime() - drawStart) / 1e6;
        errorService.setInput(() -> r);
        errorService.restart();
        status.busy("Measuring each scheme's gradient error against the ideal…");
    }

    /** Phase 2: the gradient error is in; draw it, then start the visible tab's extra work. */
    private void applyErrors(ErrorProfiles p) {
        long drawStart = System.nanoTime();
        errorChart.show(p);
        long end = System.nanoTime();
        double total = (end - requestNanos) / 1e6;
        double drawMs = sampleDrawMs + (end - drawStart) / 1e6;
        latency.add(samplesDrawnMs, total, p.run().computeMs(), p.computeMs(), drawMs);
        status.idle("Done");
        status.timing(String.format(Locale.ROOT, "last update: samples %.0f ms, error plot %.0f ms "
                + "(sampling %.0f, error %.0f, drawing %.0f)", samplesDrawnMs, total, p.run().computeMs(),
                p.computeMs(), drawMs));
        lastCurves = null;
        extraDebounce.request();
        onRunApplied.forEach(Runnable::run);
    }

    /** Work only the selected tab needs: cost sweeps for the compute tab, the inspector for its tab. */
    private void startExtras() {
        if (lastResult == null || runService.isRunning() || errorService.isRunning()) {
            return;
        }
        Tab t = tabs.getSelectionModel().getSelectedItem();
        if (t == computeTab && (lastCurves == null || !lastCurves.settings().equals(lastResult.settings()))) {
            Settings s = lastResult.settings();
            computeService.setInput(() -> s);
            computeService.restart();
            for (ChartPane c : List.of(horizonChart, stepsChart, frontierChart)) {
                c.showMessage(null);
            }
            status.busy("Measuring cost against horizon and step count\u2026");
        } else if (t == inspectorTab) {
            inspector.setRun(lastResult);
        }
    }

    public void cancel() {
        dragDebounce.stop();
        runService.cancel();
        errorService.cancel();
        computeService.cancel();
        inspector.service().cancel();
    }

    public void shutdown() {
        cancel();
        runner.close();
        sweepRunner.close();
    }

    public List<Exportable> exportables() {
        List<Exportable> out = new ArrayList<>(samples.panels());
        out.addAll(List.of(errorChart, horizonChart, stepsChart, frontierChart, inspector.chart()));
        return out;
    }

    public void addRunAppliedListener(Runnable r) {
        onRunApplied.add(r);
    }

    public BorderPane root() {
        return root;
    }

    public ControlPanel controls() {
        return controls;
    }

    public SamplesView samples() {
        return samples;
    }

    public GradientErrorChart errorChart() {
        return errorChart;
    }

    public HorizonCostChart horizonChart() {
        return horizonChart;
    }

    public StepsCostChart stepsChart() {
        return stepsChart;
    }

    public FrontierChart frontierChart() {
        return frontierChart;
    }

    public InspectorPanel inspector() {
        return inspector;
    }

    public StatusBar status() {
        return status;
    }

    public TabPane tabs() {
        return tabs;
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

    public RunResult lastResult() {
        return lastResult;
    }
}
