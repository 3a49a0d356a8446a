package gw.app.controls;

import gw.app.state.Scenario;
import gw.app.state.Schemes;
import gw.app.state.Settings;
import gw.path.Paths;
import gw.solver.Solvers;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The settings column: scenario, path, solvers, the numeric sliders, the target and the schemes. It owns the
 * current {@link Settings}; every control edit produces a new value and tells the listener whether the edit is
 * committed (run now) or in progress (a drag: debounce).
 */
public final class ControlPanel extends VBox {
    /** Receives each new settings value and whether the change is committed. */
    public interface Listener {
        void changed(Settings s, boolean committed);
    }

    private final ObjectProperty<Settings> settings = new SimpleObjectProperty<>();
    private final ChoiceBox<Scenario> scenario = new ChoiceBox<>();
    private final javafx.scene.control.TextArea description = new javafx.scene.control.TextArea();
    private final ChoiceBox<String> path = combo("path", Paths.NAMES,
            "Probability path from noise (t = 0) to data (t = 1): ot is the straight line of rectified flow; "
                    + "vp-cosine and vp-linear are the variance-preserving paths of diffusion models.");
    private final ChoiceBox<String> solver = combo("solver", Solvers.NAMES,
            "ODE solver of the sampling steps. ddim and euler take one model call per step, midpoint and heun two, "
                    + "rk4 four.");
    private final ChoiceBox<String> lookaheadSolver = combo("lookahead-solver", Solvers.NAMES,
            "Solver of the lookahead: lookahead takes H steps of this solver from t to 1 and differentiates "
                    + "through them.");
    private final ValueSlider steps = new ValueSlider("Steps N", "Number of sampling steps from noise to data. "
            + "More steps: more accurate sampling and more compute.", 2, 200, SliderScale.integer(),
            v -> Long.toString((long) v), Parsers.integer("Steps N", 2, 200));
    private final ValueSlider horizon;
    private final ValueSlider scale = new ValueSlider("Guidance scale", "How hard guidance pushes samples "
            + "towards the target at each step: 0 is no guidance. It acts at every step, so more steps also means "
            + "stronger guidance overall. The slider is logarithmic.", 0, 100,
            SliderScale.logWithZero(0.01, 10), Parsers::compact, Parsers.nonNegative("Guidance scale", 10));
    private final ValueSlider particles = new ValueSlider("Particles", "Number of samples drawn (powers of two). "
            + "More particles: smoother pictures, more compute.", 4, 12, SliderScale.powersOfTwo(),
            v -> Long.toString((long) v), Parsers.integer("Particles", 1, 16384));
    private final ValueSlider seed = new ValueSlider("Seed", "Random seed of the initial noise. Every scheme "
            + "starts from the same noise, so the panels are directly comparable.", 0, 99, SliderScale.integer(),
            v -> Long.toString((long) v), Parsers.seed());
    private final PointField target = new PointField("Target", "The point the loss 1/2 |x1 - target|^2 pulls "
            + "samples towards. You can also click or drag on any sample plot.");
    private final SchemeToggles schemes = new SchemeToggles();
    private final CheckBox trajectories = new CheckBox("Show trajectories");
    private final javafx.scene.control.Hyperlink tourLink = new javafx.scene.control.Hyperlink();
    private Runnable onTour = () -> { };
    private Listener listener = (s, c) -> { };
    private boolean loading;

    public ControlPanel(List<Scenario> scenarios) {
        setSpacing(6);
        setId("controls");
        getStyleClass().add("control-panel");
        horizon = new ValueSlider("Lookahead horizon H", "Equal steps the lookahead scheme takes from t to 1 "
                + "before asking the loss. H = 1 with the ddim solver (or euler on the ot path) is exactly greedy; "
                + "the top of the slider is end-to-end: at step i, the N \u2212 i steps left of the sampling solve.",
                1, 20, SliderScale.integer(),
                v -> settings.get() != null && v >= settings.get().steps() ? "end-to-end" : Long.toString((long) v),
                Parsers.horizon(() -> settings.get().steps()));
        horizon.setEnds("1 \u2248 greedy", "top = end-to-end");
        scenario.getItems().setAll(scenarios);
        scenario.setId("scenario");
        scenario.setMaxWidth(Double.MAX_VALUE);
        Tips.lazy(scenario, "A ready-made starting point: data distribution, target and settings.");
        description.setWrapText(true);
        description.setEditable(false);
        description.setFocusTraversable(false);
        description.setPrefRowCount(5);
        description.setId("scenario-description");
        description.getStyleClass().add("description");
        trajectories.setId("trajectories");
        Tips.lazy(trajectories, "Draw the paths of the first " + Settings.TRACED
                + " particles from noise to data.");
        Label schemesLabel = new Label("Schemes to compare");
        Tips.lazy(schemesLabel, "Each enabled scheme gets its own sample panel and a curve in every chart.");
        Button reset = new Button("Reset");
        reset.setId("reset-scenario");
        reset.setMinWidth(Region.USE_PREF_SIZE);
        Tips.lazy(reset, "Back to this scenario's own settings (choosing it again in the list does nothing, "
                + "as it is already chosen).");
        reset.setOnAction(e -> {
            if (scenario.getValue() != null) {
                load(scenario.getValue());
            }
        });
        HBox.setHgrow(scenario, Priority.ALWAYS);
        HBox chooser = new HBox(4, scenario, reset);
        // long scenario names: the chooser shows as much as fits, the full name is in the description's first line
        scenario.setMinWidth(60);
        scenario.setPrefWidth(120);
        tourLink.setId("tour-link");
        tourLink.setWrapText(true);
        tourLink.setOnAction(e -> onTour.run());
        Tips.lazy(tourLink, "A few steps through this scenario: each sets the controls and says what to look at.");
        getChildren().addAll(section("Scenario"), chooser, description, tourLink, new Separator(),
                section("Sampling"), labelled("Path", path), labelled("Sampling solver", solver), steps,
                particles, seed, new Separator(),
                section("Guidance"), schemesLabel, schemes, horizon, labelled("Lookahead solver", lookaheadSolver),
                scale, target, trajectories);
        wire();
    }

    private void wire() {
        scenario.valueProperty().addListener((o, a, b) -> {
            if (!loading && b != null) {
                load(b);
            }
        });
        path.valueProperty().addListener((o, a, b) -> edit(s -> s.withPath(b), true));
        solver.valueProperty().addListener((o, a, b) -> edit(s -> s.withSolver(b), true));
        lookaheadSolver.valueProperty().addListener((o, a, b) -> edit(s -> s.withLookaheadSolver(b), true));
        steps.setListener((v, c) -> edit(s -> {
            boolean top = s.horizonIsEndToEnd();
            Settings n = s.withSteps((int) v);
            return top ? n.withHorizon((int) v) : n.withHorizon(Math.min(s.horizon(), (int) v));
        }, c));
        horizon.setListener((v, c) -> edit(s -> s.withHorizon((int) v), c));
        scale.setListener((v, c) -> edit(s -> s.withScale(v), c));
        particles.setListener((v, c) -> edit(s -> s.withParticles((int) v), c));
        seed.setListener((v, c) -> edit(s -> s.withSeed((long) v), c));
        target.setListener((x, y) -> edit(s -> s.withTarget(x, y), true));
        schemes.setListener(list -> edit(s -> s.withSchemes(list), true));
        trajectories.selectedProperty().addListener((o, a, b) -> edit(s -> s.withTrajectories(b), true));
    }

    private void edit(UnaryOperator<Settings> change, boolean committed) {
        if (loading || settings.get() == null) {
            return;
        }
        Settings next = change.apply(settings.get());
        if (next.equals(settings.get()) && !committed) {
            return;
        }
        settings.set(next);
        show(next);
        listener.changed(next, committed);
    }

    /** What the "guided tour" link under the scenario's text does. */
    public void setOnTour(Runnable r) {
        this.onTour = r;
    }

    public javafx.beans.property.ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.valueProperty();
    }

    public javafx.scene.control.Hyperlink tourLink() {
        return tourLink;
    }

    public void setListener(Listener l) {
        this.listener = l;
    }

    /** Adds a scenario to the chooser (an opened experiment file). */
    public void addScenario(Scenario sc) {
        loading = true;
        try {
            scenario.getItems().add(sc);
        } finally {
            loading = false;
        }
    }

    /** Inserts scenarios into the chooser at a position (the presets, once read, after the built-in ones). */
    public void addScenarios(int index, List<Scenario> more) {
        loading = true;
        try {
            scenario.getItems().addAll(Math.min(index, scenario.getItems().size()), more);
        } finally {
            loading = false;
        }
    }

    /** Opens a scenario with its default settings. */
    public void load(Scenario sc) {
        loading = true;
        try {
            scenario.setValue(sc);
            description.setText(sc.name() + ". " + sc.description());
            int n = gw.app.panels.Tours.of(sc).size();
            tourLink.setText("Take the guided tour (" + n + " steps) \u2192");
            tourLink.setVisible(n > 0);
            tourLink.setManaged(n > 0);
        } finally {
            loading = false;
        }
        apply(sc.defaults(), true);
    }

    /** Replaces all settings (e.g. from a file) and reports them as committed. */
    public void apply(Settings s, boolean committed) {
        settings.set(s);
        show(s);
        listener.changed(s, committed);
    }

    /** Moves the target (from a click or drag on a sample plot). */
    public void setTarget(double x, double y, boolean committed) {
        edit(s -> s.withTarget(x, y), committed);
    }

    private void show(Settings s) {
        loading = true;
        try {
            path.setValue(s.path());
            solver.setValue(s.solver());
            lookaheadSolver.setValue(s.lookaheadSolver());
            steps.setQuietly(s.steps());
            horizon.setRange(1, s.steps());
            horizon.setQuietly(s.effectiveHorizon());
            scale.setQuietly(s.scale());
            particles.setQuietly(s.particles());
            seed.setQuietly(s.seed());
            target.show(s.targetX(), s.targetY());
            schemes.show(s.schemes(), Schemes.label("lookahead", s));
            trajectories.setSelected(s.trajectories());
        } finally {
            loading = false;
        }
    }

    public Settings getSettings() {
        return settings.get();
    }

    public ObjectProperty<Settings> settingsProperty() {
        return settings;
    }

    public Scenario scenario() {
        return scenario.getValue();
    }

    public ValueSlider steps() {
        return steps;
    }

    public ValueSlider horizon() {
        return horizon;
    }

    public ValueSlider scale() {
        return scale;
    }

    public ValueSlider particles() {
        return particles;
    }

    public ValueSlider seed() {
        return seed;
    }

    public SchemeToggles schemes() {
        return schemes;
    }

    public PointField target() {
        return target;
    }

    private static ChoiceBox<String> combo(String id, List<String> items, String help) {
        ChoiceBox<String> c = new ChoiceBox<>();
        c.getItems().setAll(items);
        c.setId(id);
        c.setUserData(help);
        Tips.lazy(c, help);
        return c;
    }

    private static VBox labelled(String name, ChoiceBox<String> c) {
        Label l = new Label(name);
        Tips.lazy(l, (String) c.getUserData());
        c.setMaxWidth(Double.MAX_VALUE);
        return new VBox(2, l, c);
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        return l;
    }

}
