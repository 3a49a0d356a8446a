package gw.app.panels;

import gw.app.charts.InspectorChart;
import gw.app.charts.SchemeStyle;
import gw.app.controls.Tips;
import gw.app.run.BackgroundService;
import gw.app.run.RunResult;
import gw.app.run.SchemeOutcome;
import gw.app.state.Scenario;
import gw.app.state.Settings;
import gw.experiment.Inspector;
import gw.spec.CellSpec;
import gw.tensor.Batch;
import gw.tensor.NonFiniteException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * Pick one traced particle and one step; see every scheme's gradient for it, where each scheme asked the loss, and
 * how far each is from the ideal. The particle's state comes from the trajectory of the first enabled scheme.
 */
public final class InspectorPanel extends BorderPane {
    private record Request(CellSpec spec, double[] x, int step) {
    }

    private final InspectorChart chart = InspectorChart.create();
    private final Spinner<Integer> particle = new Spinner<>(0, Settings.TRACED - 1, 0);
    private final Slider step = new Slider(0, 19, 10);
    private final Label stepLabel = new Label();
    private final Label follows = new Label();
    private final GridPane table = new GridPane();
    private final BackgroundService<Request, Inspector.Inspection> service =
            new BackgroundService<>("inspector", "Inspecting one particle",
                    r -> Inspector.inspect(r.spec(), r.x(), r.step()));
    private final Supplier<Scenario> scenario;
    private RunResult run;
    private double[][] trajectory = new double[0][];

    public InspectorPanel(Supplier<Scenario> scenario) {
        this.scenario = scenario;
        setId("inspector");
        particle.setEditable(true);
        particle.setPrefWidth(80);
        Tips.lazy(particle, "Which of the first " + Settings.TRACED + " particles to inspect.");
        step.setMajorTickUnit(1);
        step.setSnapToTicks(true);
        step.setBlockIncrement(1);
        step.setPrefWidth(260);
        Tips.lazy(step, "The grid step (time t) at which to compare the schemes' gradients.");
        follows.getStyleClass().add("hint");
        HBox controls = new HBox(10, new Label("Particle"), particle, new Label("Step"), step, stepLabel, follows);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(4));
        table.setHgap(14);
        table.setVgap(2);
        table.setPadding(new Insets(6));
        setTop(controls);
        setCenter(new gw.app.charts.SquarePane(chart, 60));
        setRight(new VBox(6, new Label("Against the ideal g*"), table));
        particle.valueProperty().addListener((o, a, b) -> request());
        // live while dragged: the inspector is one particle at one step, fast enough to follow the thumb (restart
        // cancels the request before), so the chart no longer waits for the release
        step.valueProperty().addListener((o, a, b) -> {
            if (Math.round(a.doubleValue()) != Math.round(b.doubleValue())) {
                request();
            }
        });
        service.setOnSucceeded(e -> showResult(service.getValue()));
        service.setOnFailed(e -> {
            Throwable t = service.getException();
            chart.showMessage(t instanceof NonFiniteException ? "Diverged: " + gw.app.state.Numbers.times(t.getMessage())
                    : "Could not inspect: " + t.getMessage());
        });
    }

    public InspectorChart chart() {
        return chart;
    }

    public BackgroundService<Request, Inspector.Inspection> service() {
        return service;
    }

    /** The time scrubber moved: inspect step k (the last step, N - 1, at the end of the solve). */
    public void followStep(int k) {
        int max = (int) step.getMax();
        step.setValue(Math.max(0, Math.min(max, k)));
    }

    /** A particle was picked on a sample panel: inspect it, when it is one of the traced ones. */
    public void followParticle(int p) {
        if (p >= 0 && p < Settings.TRACED) {
            particle.getValueFactory().setValue(p);
        }
    }

    public Slider stepSlider() {
        return step;
    }

    /** A new interactive run landed: follow its trajectories. */
    public void setRun(RunResult r) {
        this.run = r;
        int n = r.settings().steps();
        step.setMax(n - 1);
        if (step.getValue() > n - 1) {
            step.setValue(n / 2);
        }
        request();
    }

    private void request() {
        if (run == null) {
            return;
        }
        int i = (int) Math.round(step.getValue());
        Settings s = run.settings();
        stepLabel.setText(String.format(Locale.ROOT, "t = %.3f", (double) i / s.steps()));
        // follow a guided scheme's particle when there is one: that is the state guidance acts on
        SchemeOutcome source = run.outcomes().values().stream()
                .filter(o -> o.ok() && !o.result().trajectories().isEmpty())
                .min(java.util.Comparator.comparing(o -> gw.app.state.Schemes.guided(o.scheme()) ? 0 : 1))
                .orElse(null);
        if (source == null) {
            service.cancel();
            chart.showMessage("Enable a scheme whose run succeeds to inspect its particles.");
            return;
        }
        follows.setText("state from the '" + source.scheme() + "' run");
        List<Batch> states = source.result().trajectories();
        int p = Math.min(particle.getValue() == null ? 0 : particle.getValue(), states.get(0).rows() - 1);
        trajectory = new double[states.size()][];
        for (int k = 0; k < states.size(); k++) {
            trajectory[k] = states.get(k).row(p);
        }
        // a network's ideal is solved to its own tolerance (1e-3): at 1e-6 it would take about four times as long
        CellSpec spec = s.cellSpec("lookahead").toBuilder()
                .idealTolerance(gw.solver.IdealFlow.defaultTolerance(s.model(), 1e-6)).build();
        Request req = new Request(spec, trajectory[i], i);
        service.setInput(() -> req);
        service.restart();
    }

    private void showResult(Inspector.Inspection in) {
        Scenario sc = scenario.get();
        Settings s = run.settings();
        chart.show(in, trajectory, new double[] {s.targetX(), s.targetY()}, sc.density().orElse(null), sc.bounds(),
                s.model().acceptsAnyPathPoint());
        table.getChildren().clear();
        String[] head = {"scheme", "rel. error", "cosine", "NFE", "VJPs"};
        for (int c = 0; c < head.length; c++) {
            Label l = new Label(head[c]);
            l.getStyleClass().add("table-head");
            table.add(l, c, 0);
        }
        int row = 1;
        for (Inspector.View v : in.views().values()) {
            Rectangle swatch = new Rectangle(10, 10, SchemeStyle.fx(v.scheme()));
            Label name = new Label(v.scheme(), swatch);
            table.add(name, 0, row);
            // where the ideal is zero to rounding there is no ratio or direction: show |g - g*| instead
            boolean zero = Double.isNaN(v.relativeError());
            table.add(new Label(zero ? String.format(Locale.ROOT, "abs %.2e", v.absoluteError())
                    : String.format(Locale.ROOT, "%.2e", v.relativeError())), 1, row);
            table.add(new Label(zero ? "-" : String.format(Locale.ROOT, "%.4f", v.cosine())), 2, row);
            table.add(new Label(Long.toString(v.nfe())), 3, row);
            table.add(new Label(Long.toString(v.vjps())), 4, row);
            row++;
        }
    }
}
