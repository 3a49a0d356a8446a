package gw.app.images;

import gw.app.controls.Parsers;
import gw.app.controls.SchemeToggles;
import gw.app.controls.SliderScale;
import gw.app.controls.Tips;
import gw.app.controls.ValueSlider;
import gw.objective.image.ImageTasks;
import gw.solver.Solvers;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Images view's settings column: the test image (index, with a thumbnail and its class), the task and σ_y, the
 * seed, the schemes, and the workbench's steps, horizon and scale sliders. It owns the current
 * {@link ImageSettings} and reports every committed edit.
 */
public final class ImageControls extends VBox {
    static final Map<String, String> TASK_HELP = Map.of(
            "inpaint-random", "Random inpainting: 70 % of the pixels are hidden (a seeded random mask); "
                    + "the measurement is the other 30 %, with noise.",
            "inpaint-box", "Box inpainting: the central 12 \u00d7 12 square is hidden.",
            "super-resolution-x2", "Super-resolution \u00d72: only the mean of each 2 \u00d7 2 block is measured "
                    + "(a 14 \u00d7 14 image).",
            "super-resolution-x4", "Super-resolution \u00d74: only the mean of each 4 \u00d7 4 block is measured "
                    + "(a 7 \u00d7 7 image).",
            "deblur", "Deblurring: the image blurred by a 9 \u00d7 9 Gaussian kernel (\u03c3 = 1.5 px).",
            "denoise", "Denoising: every pixel is measured, with noise \u03c3_y.");
    private final ValueSlider index;
    private final ImageView thumbnail = new ImageView();
    private final Label imageLabel = new Label();
    private final ChoiceBox<String> task = new ChoiceBox<>();
    private final Label taskHelp = new Label();
    private final ValueSlider sigma = slider("Measurement noise \u03c3_y", "images-sigma", "Standard deviation of "
            + "the noise added to the measurement (images span \u22121..1). The loss is |Ax \u2212 y|\u00b2/(2\u03c3_y\u00b2).",
            1, 100, SliderScale.logWithZero(0.001, 1), Parsers::compact, Parsers.range("\u03c3_y", 0.001, 1));
    private final ValueSlider seed = slider("Seed", "images-seed", "Seed of the measurement noise, the random "
            + "mask and the initial noise: every scheme starts from the same noise.", 0, 99, SliderScale.integer(),
            v -> Long.toString((long) v), Parsers.seed());
    private final SchemeToggles schemes = new SchemeToggles();
    private final ValueSlider steps = slider("Steps N", "images-steps", "Sampling steps from noise to image. "
            + "Each step costs every scheme at least one network evaluation.", 2, 50, SliderScale.integer(),
            v -> Long.toString((long) v), Parsers.integer("Steps N", 2, 50));
    private final ValueSlider horizon;
    private final ChoiceBox<String> lookaheadSolver = new ChoiceBox<>();
    private final ValueSlider scale = slider("Guidance scale", "images-scale", "How hard guidance pulls the sample "
            + "towards agreeing with the measurement at each step: 0 is no guidance. Logarithmic.", 0, 100,
            SliderScale.logWithZero(0.01, 100), Parsers::compact, Parsers.nonNegative("Guidance scale", 100));
    private final CheckBox dps = new CheckBox("Normalise the scale (DPS)");
    private ImageSettings settings = ImageSettings.DEFAULT;
    private Consumer<ImageSettings> listener = s -> { };
    private boolean loading;

    public ImageControls() {
        setSpacing(6);
        setId("images-controls");
        getStyleClass().add("control-panel");
        index = slider("Test image", "images-index", "Which Fashion-MNIST test image to reconstruct (0 .. 9999).",
                0, 9999, SliderScale.integer(), v -> Long.toString((long) v), Parsers.integer("Test image", 0, 9999));
        horizon = slider("Lookahead horizon H", "images-horizon", "Equal steps lookahead takes from t to 1 before "
                + "asking the loss; the top of the slider is end-to-end (N \u2212 i steps from step i).", 1, 10,
                SliderScale.integer(), v -> v >= settings.steps() ? "end-to-end" : Long.toString((long) v),
                Parsers.horizon(() -> settings.steps()));
        horizon.setEnds("1 \u2248 greedy", "top = end-to-end");
        thumbnail.setSmooth(false);
        imageLabel.setId("images-class");
        imageLabel.setWrapText(true);
        HBox image = new HBox(8, thumbnail, imageLabel);
        image.setAlignment(Pos.CENTER_LEFT);
        task.getItems().setAll(ImageTasks.NAMES);
        task.setId("images-task");
        task.setMaxWidth(Double.MAX_VALUE);
        Tips.lazy(task, "The inverse problem: what the measurement y = A x + noise keeps of the image.");
        taskHelp.setId("images-task-help");
        taskHelp.setWrapText(true);
        taskHelp.getStyleClass().add("hint");
        lookaheadSolver.getItems().setAll(Solvers.NAMES);
        lookaheadSolver.setId("images-lookahead-solver");
        lookaheadSolver.setMaxWidth(Double.MAX_VALUE);
        Tips.lazy(lookaheadSolver, "Solver of the lookahead's H steps from t to 1.");
        dps.setId("images-dps");
        dps.setWrapText(true);
        Tips.lazy(dps, "Divide each step's guidance by √(2L) at the one-step prediction, as DPS does: the scale then "
                + "sets a step length that does not grow with the misfit. Off: the raw gradient of "
                + "|Ax − y|²/(2σ_y²), whose size grows as 1/σ_y².");
        for (String s : gw.app.state.Schemes.ALL) {
            schemes.box(s).setId("images-scheme-" + s);
        }
        getChildren().addAll(section("Test image"), index, image, new Separator(), section("Measurement"),
                new Label("Task"), task, taskHelp, sigma, seed, new Separator(), section("Guidance"),
                new Label("Schemes to compare"), schemes, steps, horizon, new Label("Lookahead solver"),
                lookaheadSolver, scale, dps);
        wire();
        show(settings);
    }

    private void wire() {
        index.setListener((v, c) -> edit(s -> s.withIndex((int) v), c));
        task.valueProperty().addListener((o, a, b) -> edit(s -> s.withTask(b), true));
        sigma.setListener((v, c) -> edit(s -> s.withSigmaY(v), c));
        seed.setListener((v, c) -> edit(s -> s.withSeed((long) v), c));
        schemes.setListener(list -> edit(s -> s.withSchemes(list), true));
        steps.setListener((v, c) -> edit(s -> s.withSteps((int) v), c));
        horizon.setListener((v, c) -> edit(s -> s.withHorizon((int) v), c));
        lookaheadSolver.valueProperty().addListener((o, a, b) -> edit(s -> s.withLookaheadSolver(b), true));
        scale.setListener((v, c) -> edit(s -> s.withScale(v), c));
        dps.selectedProperty().addListener((o, a, b) -> edit(s -> s.withDps(b), true));
    }

    /** Every edit, a drag's too: the view redraws the measurement at once and runs only on Run. */
    private void edit(UnaryOperator<ImageSettings> change, boolean committed) {
        if (loading) {
            return;
        }
        ImageSettings next;
        try {
            next = change.apply(settings);
        } catch (IllegalArgumentException e) {
            return; // the typed-value parsers catch bad values first; this only guards against a race
        }
        if (next.equals(settings)) {
            return;
        }
        settings = next;
        show(next);
        listener.accept(next);
    }

    public void setListener(Consumer<ImageSettings> l) {
        listener = l;
    }

    /** Replaces all settings and reports them. */
    public void apply(ImageSettings s) {
        settings = s;
        show(s);
        listener.accept(s);
    }

    /** The number of test images: the index slider's range. */
    public void setImageCount(int count) {
        index.setRange(0, Math.max(0, count - 1));
    }

    /** The chosen image's thumbnail (zoom 2) and its class. */
    public void showImage(double[] pixels, int side, String label) {
        thumbnail.setImage(Pixels.render(pixels, side, 2));
        imageLabel.setText(label);
    }

    private void show(ImageSettings s) {
        loading = true;
        try {
            index.setQuietly(s.index());
            task.setValue(s.task());
            taskHelp.setText(TASK_HELP.get(s.task()));
            sigma.setQuietly(s.sigmaY());
            seed.setQuietly(s.seed());
            schemes.show(s.schemes(), s.lookaheadLabel());
            steps.setQuietly(s.steps());
            horizon.setRange(1, s.steps());
            horizon.setQuietly(s.effectiveHorizon());
            lookaheadSolver.setValue(s.lookaheadSolver());
            scale.setQuietly(s.scale());
            dps.setSelected(s.dps());
        } finally {
            loading = false;
        }
    }

    public ImageSettings getSettings() {
        return settings;
    }

    public ValueSlider index() {
        return index;
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

    public ValueSlider sigma() {
        return sigma;
    }

    public ChoiceBox<String> task() {
        return task;
    }

    public SchemeToggles schemes() {
        return schemes;
    }

    public Label imageLabel() {
        return imageLabel;
    }

    /** A ValueSlider whose node ids start with {@code id} (the workbench's own sliders use the plain names). */
    private static ValueSlider slider(String name, String id, String help, double lo, double hi, SliderScale sc,
                                      java.util.function.DoubleFunction<String> format, ValueSlider.Parser parser) {
        ValueSlider v = new ValueSlider(name, help, lo, hi, sc, format, parser);
        v.setId(id);
        v.slider().setId(id + "-slider");
        v.field().setId(id + "-field");
        v.error().setId(id + "-error");
        return v;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        return l;
    }
}
