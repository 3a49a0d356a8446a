package gw.app;

import gw.app.charts.FrontierChart;
import gw.app.charts.GradientErrorChart;
import gw.app.charts.HorizonCostChart;
import gw.app.charts.SamplesView;
import gw.app.charts.StepsCostChart;
import gw.app.controls.ControlPanel;
import gw.app.controls.TimeScrubber;
import gw.app.export.Exportable;
import gw.app.panels.InspectorPanel;
import gw.app.panels.StatusBar;
import gw.app.panels.TourPanel;
import gw.app.run.BackgroundService;
import gw.app.run.ComputeCurves;
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
import java.util.function.BiConsumer;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The workbench window's content: the views of a {@link WorkbenchModel}. Controls write the model's settings (a
 * slider drag debounced, a release at once); the sample panels, the charts and the status bar follow the model's
 * read-only properties. The visible tab's extra work (cost sweeps, particle inspector) starts after a run.
 */
public final class Workbench {
    private final WorkbenchModel model = new WorkbenchModel();
    private final BorderPane root = new BorderPane();
    private final ControlPanel controls;
    private final SamplesView samples = new SamplesView();
    private final TimeScrubber scrubber = new TimeScrubber(model.stepProperty());
    private final TourPanel tour;
    private final WorkbenchTabs tabs;
    private final GradientErrorChart errorChart;
    private final StatusBar status;
    private final Debouncer dragDebounce = new Debouncer(Duration.millis(60), this::runLatest);
    private final Debouncer extraDebounce = new Debouncer(Duration.millis(150), this::startExtras);
    private final List<Runnable> onRunApplied = new ArrayList<>();
    private final javafx.beans.property.BooleanProperty lecture = new javafx.beans.property.SimpleBooleanProperty();
    private boolean held;
    private Settings pending;

    public Workbench(List<Scenario> scenarios) {
        controls = new ControlPanel(scenarios);
        model.scenarioProperty().bind(controls.scenarioProperty());
        status = new StatusBar(model::cancel, this::runLatest);
        tour = new TourPanel(this);
        ScrollPane left = new ScrollPane(controls);
        left.setFitToWidth(true);
        left.setPrefWidth(300);
        left.setMinWidth(260);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        tabs = new WorkbenchTabs(controls::scenario, root, lecture, this::openScenario, extraDebounce::request,
                in -> {
                    // made when its tab first opens: it starts at the scrubber's step and the chosen particle
                    in.followStep(scrubber.current());
                    in.followParticle(model.particleProperty().get());
                });
        errorChart = tabs.errorChart();
        VBox top = new VBox(4, tour, SampleToolbar.create(this), samples);
        VBox.setVgrow(samples, Priority.ALWAYS);
        SplitPane center = new SplitPane(top, tabs.pane());
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.5);
        root.setLeft(left);
        root.setCenter(center);
        root.setBottom(status);
        wire();
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
        controls.setOnTour(() -> tour.start(controls.scenario()));
        samples.setTargetListener((x, y, committed) -> controls.setTarget(x, y, committed));
        samples.setDataListener(this::editData);
        samples.setParticleListener(p -> model.particleProperty().set(p));
        model.setHooks(this::afterSamples, this::afterErrors);
        // the panels said "Loading the network..." until the learned model loaded; now they say "Sampling..."
        model.setOnModelLoaded(() -> {
            if (model.resultProperty().get() == null && controls.scenario() != null) {
                samples.show(model.settingsProperty().get(), bounds(), null);
            }
        });
        model.resultProperty().addListener((o, a, r) -> {
            if (r != null) {
                scrubber.setSteps(r.settings().steps());
                samples.show(r.settings(), bounds(), r);
            }
        });
        model.staleProperty().addListener((o, a, b) -> {
            samples.setStale(b);
            errorChart.setStale(b);
        });
        model.stepProperty().addListener((o, a, b) -> {
            samples.setStep(b.intValue());
            if (tabs.inspectorIfMade() != null) {
                tabs.inspectorIfMade().followStep(scrubber.current());
            }
        });
        model.particleProperty().addListener((o, a, b) -> {
            samples.setHighlight(b.intValue());
            if (tabs.inspectorIfMade() != null) {
                tabs.inspectorIfMade().followParticle(b.intValue());
            }
        });
        scrubber.predictions().selectedProperty().addListener((o, a, b) -> samples.setShowPredictions(b));
        scrubber.arrows().selectedProperty().addListener((o, a, b) -> samples.setShowArrows(b));
        model.failureProperty().addListener((o, a, f) -> {
            if (f != null && f.startsWith("Could not measure")) {
                errorChart.showMessage(f);
            }
        });
        model.curvesProperty().addListener((o, a, c) -> {
            if (c != null) {
                tabs.showCurves(c);
            }
        });
        model.curvesFailureProperty().addListener((o, a, f) -> {
            if (f != null) {
                tabs.showCurvesMessage(f);
            }
        });
        status.bind(model);
        lecture.addListener((o, a, on) -> applyLecture(on));
    }

    /** The plot window of the current scenario (the data may since have been edited by hand). */
    private double[] bounds() {
        Scenario sc = controls.scenario();
        return sc == null ? new double[] {-4.5, 4.5, -4.5, 4.5} : sc.bounds();
    }

    /** A hand edit of the data: the panels show the new density at once, the run follows. */
    void editData(gw.model.TargetPredictor m, boolean committed) {
        Settings s = controls.getSettings().withModel(m);
        controls.apply(s, committed);
        samples.show(s, bounds(), model.resultProperty().get());
    }

    /** Directs chart export requests (context menus) to a handler. */
    public void setOnExport(BiConsumer<Exportable, String> handler) {
        samples.setOnExport(handler);
        tabs.setOnExport(handler);
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
        if (model.resultProperty().get() == null && controls.scenario() != null) {
            // nothing drawn yet (the first frame): panels with the density and the target, saying "Sampling..."
            samples.show(s, bounds(), null);
        }
        if (held) {
            pending = s;
            model.settingsProperty().set(s);
            return;
        }
        cancelInspector();
        model.run(s);
    }

    private void afterSamples() {
        if (tabs.inspectorIfMade() != null) {
            tabs.inspectorIfMade().followStep(scrubber.current());
        }
    }

    private void cancelInspector() {
        if (tabs.inspectorIfMade() != null) {
            tabs.inspectorIfMade().service().cancel();
        }
    }

    private void afterErrors() {
        errorChart.show(model.errorsProperty().get());
        extraDebounce.request();
        onRunApplied.forEach(Runnable::run);
    }

    /** Work only the selected tab needs: cost sweeps for the compute tab, the inspector for its tab. */
    private void startExtras() {
        RunResult r = model.lastResult();
        if (r == null || model.isWorking()) {
            return;
        }
        if (tabs.selected("compute")) {
            if (model.curvesProperty().get() == null || !model.curvesProperty().get().settings().equals(r.settings())) {
                tabs.showCurvesMessage("Measuring\u2026");
            }
            model.requestCurves();
        } else if (tabs.selected("inspector")) {
            tabs.inspector().setRun(r);
        }
    }

    /** Adds a scenario to the chooser and opens it (a trained or opened model). */
    public void openScenario(Scenario sc) {
        controls.addScenario(sc);
        controls.load(sc);
    }

    public void selectTab(String name) {
        tabs.select(name);
    }

    public List<String> tabNames() {
        return tabs.names();
    }

    /** Lecture-hall mode: larger fonts and points, high-contrast density (the window adds a dark theme). */
    public javafx.beans.property.BooleanProperty lectureProperty() {
        return lecture;
    }

    private void applyLecture(boolean on) {
        if (on) {
            root.getStyleClass().add("lecture");
        } else {
            root.getStyleClass().remove("lecture");
        }
        samples.setLecture(on);
        tabs.setLecture(on);
        RunResult r = model.resultProperty().get();
        if (r != null) {
            samples.show(r.settings(), bounds(), r);
        }
    }

    public void cancel() {
        dragDebounce.stop();
        model.cancel();
        cancelInspector();
    }

    public void shutdown() {
        cancel();
        scrubber.pause();
        model.shutdown();
    }

    public List<Exportable> exportables() {
        List<Exportable> out = new ArrayList<>(samples.panels());
        out.addAll(tabs.charts());
        return out;
    }

    public void addRunAppliedListener(Runnable r) {
        onRunApplied.add(r);
    }

    public WorkbenchModel model() {
        return model;
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

    public TimeScrubber scrubber() {
        return scrubber;
    }

    public TourPanel tour() {
        return tour;
    }

    public GradientErrorChart errorChart() {
        return errorChart;
    }

    public HorizonCostChart horizonChart() {
        return tabs.horizonChart();
    }

    public StepsCostChart stepsChart() {
        return tabs.stepsChart();
    }

    public FrontierChart frontierChart() {
        return tabs.frontierChart();
    }

    /** The particle inspector (made now if its tab has not been opened yet). */
    public InspectorPanel inspector() {
        return tabs.inspector();
    }

    public StatusBar status() {
        return status;
    }

    public TabPane tabs() {
        return tabs.pane();
    }

    public RunService runService() {
        return model.runService();
    }

    public BackgroundService<RunResult, ErrorProfiles> errorService() {
        return model.errorService();
    }

    public BackgroundService<Settings, ComputeCurves> computeService() {
        return model.computeService();
    }

    public SchemeRunner runner() {
        return model.runner();
    }

    public LatencyLog latency() {
        return model.latency();
    }

    public RunResult lastResult() {
        return model.lastResult();
    }
}
