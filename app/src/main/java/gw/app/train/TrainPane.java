package gw.app.train;

import gw.app.state.LearnedScenarios;
import gw.app.state.Scenario;
import gw.data.DataSpec;
import gw.data.Procedural;
import gw.model.LearnedModels;
import gw.model.TargetPredictor;
import gw.train.TrainRun;
import gw.train.TrainSpec;
import gw.train.TrainSpecReader;
import gw.tensor.Batch;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.concurrent.Worker;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * Train a flow-matching network on 2-D points and guide on it: pick a data set or paint points, train in the
 * background (live loss curve, cancel), and the trained model opens as a scenario at once. Save writes a model
 * folder the command line reads ({@code {"kind": "mlp", "file": FOLDER}}); Open reads one.
 */
public final class TrainPane extends HBox {
    static final String PAINT = "paint your own";
    /** The in-app network: small enough to train in about a minute on two cores. */
    static final String MODEL = "{\"width\": 64, \"depth\": 3, \"frequencies\": 16}";
    static final int SHOWN_SAMPLES = 2000;
    private final ChoiceBox<String> data = new ChoiceBox<>();
    private final PointsCanvas points = new PointsCanvas();
    private final Button clear = new Button("Clear");
    private final Spinner<Integer> steps = new Spinner<>(50, 20_000, 1500, 250);
    private final Button train = new Button("Train");
    private final Button cancel = new Button("Cancel");
    private final Button save = new Button("Save model\u2026");
    private final Button open = new Button("Open model\u2026");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label("Pick a data set or paint points, then Train.");
    private final LossChart loss = new LossChart();
    private final Consumer<Scenario> onModel;
    private TrainTask task;
    private Thread thread;
    /** Cancel was pressed for the current run: nothing of it is kept, even if its last step had just ended. */
    private boolean cancelPressed;
    private IntConsumer stepDone = step -> { };
    private TrainTask.Trained last;
    private Path paintDir;

    /** @param onModel receives each trained or opened model as a scenario, to open in the workbench */
    public TrainPane(Consumer<Scenario> onModel) {
        this.onModel = onModel;
        setSpacing(12);
        setId("train-pane");
        setStyle("-fx-padding: 8;");
        data.getItems().addAll(Procedural.NAMES);
        data.getItems().add(PAINT);
        data.setId("train-data");
        clear.setId("train-clear");
        steps.setId("train-steps");
        steps.setEditable(true);
        steps.setPrefWidth(100);
        train.setId("train-start");
        cancel.setId("train-cancel");
        save.setId("train-save");
        open.setId("train-open");
        status.setId("train-status");
        status.setWrapText(true);
        progress.setId("train-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        cancel.setDisable(true);
        save.setDisable(true);
        clear.disableProperty().bind(points.paintableProperty().not());
        data.valueProperty().addListener((o, a, b) -> showData(b));
        clear.setOnAction(e -> points.clear());
        train.setOnAction(e -> start());
        cancel.setOnAction(e -> cancelTraining());
        save.setOnAction(e -> save());
        open.setOnAction(e -> open());
        HBox dataRow = new HBox(6, new Label("Data"), data, clear);
        dataRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label count = new Label();
        count.textProperty().bind(points.countProperty().asString("%d points"));
        VBox left = new VBox(6, dataRow, points, count);
        VBox.setVgrow(points, Priority.ALWAYS);
        HBox trainRow = new HBox(6, new Label("Steps"), steps, train, cancel, save, open);
        trainRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox right = new VBox(6, trainRow, progress, status, loss);
        VBox.setVgrow(loss, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        getChildren().addAll(left, right);
        data.setValue(Procedural.NAMES.get(0));
    }

    private void showData(String name) {
        boolean paint = PAINT.equals(name);
        points.paintableProperty().set(paint);
        if (paint) {
            points.clear();
        } else if (name != null) {
            points.setPoints(DataSpec.procedural(name, SHOWN_SAMPLES, 0).load());
        }
    }

    /** The train spec for the current choice; painted points go to a CSV file beside it. */
    TrainSpec spec() throws IOException {
        String name = data.getValue();
        int n = steps.getValue();
        String training = String.format(Locale.ROOT, "{\"steps\": %d, \"batch\": 256, \"learningRate\": 0.002, "
                + "\"warmup\": %d, \"logEvery\": %d}", n, Math.min(100, n / 10), Math.max(1, n / 10));
        Path base = Path.of(".");
        String dataJson;
        if (PAINT.equals(name)) {
            paintDir = Files.createTempDirectory("gw-paint");
            Files.writeString(paintDir.resolve("points.csv"), csv(points.points()));
            base = paintDir;
            dataJson = "{\"kind\": \"csv\", \"file\": \"points.csv\"}";
        } else {
            dataJson = "{\"kind\": \"" + name + "\", \"samples\": 20000, \"seed\": 0}";
        }
        String text = "{\"description\": \"trained in the workbench\", \"data\": " + dataJson
                + ", \"path\": \"ot\", \"model\": " + MODEL + ", \"training\": " + training + "}\n";
        return TrainSpecReader.parse(text, base);
    }

    static String csv(Batch b) {
        StringBuilder s = new StringBuilder("x,y\n");
        for (int i = 0; i < b.rows(); i++) {
            s.append(b.get(i, 0)).append(',').append(b.get(i, 1)).append('\n');
        }
        return s.toString();
    }

    /** Starts training (no-op while one runs). */
    public void start() {
        if (underway()) {
            return;
        }
        if (PAINT.equals(data.getValue()) && points.countProperty().get() < 20) {
            status.setText("Paint at least 20 points first (drag on the canvas).");
            return;
        }
        TrainSpec spec;
        try {
            spec = spec();
        } catch (IOException | RuntimeException e) {
            status.setText("Cannot train: " + e.getMessage());
            return;
        }
        task = new TrainTask(spec, s -> {
            loss.show(s.train(), s.validation());
            status.setText(String.format(Locale.ROOT, "Step %d of %d; loss %.4f", s.step(), s.steps(),
                    s.train().isEmpty() ? Double.NaN : s.train().get(s.train().size() - 1)[1]));
        }, stepDone);
        cancelPressed = false;
        progress.progressProperty().bind(task.progressProperty());
        train.setDisable(true);
        cancel.setDisable(false);
        data.setDisable(true);
        task.stateProperty().addListener((o, a, b) -> finished(b));
        thread = new Thread(task, "train");
        thread.setDaemon(true);
        thread.start();
    }

    private void finished(Worker.State state) {
        if (state != Worker.State.SUCCEEDED && state != Worker.State.FAILED && state != Worker.State.CANCELLED) {
            return;
        }
        train.setDisable(false);
        cancel.setDisable(true);
        data.setDisable(false);
        progress.progressProperty().unbind();
        if (state == Worker.State.SUCCEEDED && !cancelPressed) {
            last = task.getValue();
            save.setDisable(false);
            status.setText(String.format(Locale.ROOT, "Trained %d steps in %.1f s; guiding on it now (Samples "
                    + "above). Save the model to use it from the command line.", last.trainer().step(),
                    last.seconds()));
            onModel.accept(LearnedScenarios.of(last.model(), "Trained here: " + data.getValue(),
                    "A network trained in the workbench on " + data.getValue() + " (" + last.trainer().step()
                            + " steps). Its samples show what it learned; there is no closed-form density."));
        } else if (state != Worker.State.FAILED) {
            status.setText("Cancelled at step " + (long) Math.max(0, task.getWorkDone()) + "; nothing kept.");
        } else {
            Throwable e = task.getException();
            status.setText("Training failed: " + (e == null ? "unknown error" : e.getMessage()));
        }
    }

    /**
     * Cancels the run: the training thread is interrupted and stops after the step under way, and the status says
     * "Cancelled" whenever the press lands (a run whose last step had already ended, but whose result has not
     * reached the FX thread, is dropped too).
     */
    public void cancelTraining() {
        if (underway()) {
            cancelPressed = true;
            task.cancel(true);
        }
    }

    /** A run is started and not yet finished on the FX thread (READY counts: its SCHEDULED may still be queued). */
    private boolean underway() {
        return task != null && task.getState() != Worker.State.SUCCEEDED && task.getState() != Worker.State.FAILED
                && task.getState() != Worker.State.CANCELLED;
    }

    private void save() {
        if (last == null) {
            return;
        }
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Save model into a folder");
        File dir = dc.showDialog(getScene() == null ? null : getScene().getWindow());
        if (dir != null) {
            saveTo(dir.toPath());
        }
    }

    /** Writes the model folder (weights, card, train spec, losses, painted points) and opens the saved model. */
    void saveTo(Path dir) {
        try {
            Files.createDirectories(dir);
            TrainRun.finish(dir, last.spec(), last.trainer(), last.seconds());
            if (paintDir != null && PAINT.equals(data.getValue())) {
                Files.copy(paintDir.resolve("points.csv"), dir.resolve("points.csv"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            openFrom(dir);
            status.setText("Saved to " + dir + "; a spec uses it as {\"kind\": \"mlp\", \"file\": \"" + dir + "\"}.");
        } catch (IOException | RuntimeException e) {
            status.setText("Cannot save: " + e.getMessage());
        }
    }

    private void open() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Open a model folder");
        File dir = dc.showDialog(getScene() == null ? null : getScene().getWindow());
        if (dir != null) {
            try {
                openFrom(dir.toPath());
            } catch (RuntimeException e) {
                status.setText("Cannot open " + dir + ": " + e.getMessage());
            }
        }
    }

    void openFrom(Path dir) {
        TargetPredictor m = LearnedModels.load(dir);
        onModel.accept(LearnedScenarios.of(m, "Learned: " + dir.getFileName(), "The network saved in " + dir + "."));
    }

    // for tests
    void stepDone(IntConsumer hook) {
        stepDone = hook;
    }

    Thread thread() {
        return thread;
    }

    ChoiceBox<String> data() {
        return data;
    }

    Spinner<Integer> steps() {
        return steps;
    }

    LossChart loss() {
        return loss;
    }

    PointsCanvas canvas() {
        return points;
    }

    Label status() {
        return status;
    }

    List<String> dataSets() {
        return new ArrayList<>(data.getItems());
    }
}
