package gw.app;

import gw.app.export.ExperimentFiles;
import gw.app.export.ExportActions;
import gw.app.panels.AppMenu;
import gw.app.state.Scenario;
import gw.app.state.Scenarios;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import java.util.concurrent.CompletableFuture;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The Guidance Workbench window. Options (for scripts and checks, not needed by people):
 * {@code --screenshot PATH} saves the window as a PNG once the first run is drawn and exits;
 * {@code --tab N} selects tab N (0-3) first; {@code --scenario N} opens the N-th scenario of the chooser;
 * {@code --trajectories} draws trajectories; {@code --bench} measures change-to-redraw latency and exits.
 */
public final class WorkbenchApp extends Application {
    private Workbench bench;

    @Override
    public void start(Stage stage) {
        trace("start()");
        // the window opens at once with a neutral "Starting..." page (not a blank white one); the workbench is built
        // once that page is laid out, while the render thread paints it, and then replaces it
        Label starting = new Label("Starting Guidance Workbench\u2026");
        starting.getStyleClass().add("starting");
        StackPane splash = new StackPane(starting);
        splash.getStyleClass().add("starting-page");
        // 1560 x 960, or the screen's usable area if that is smaller (a 1280 x 800 laptop)
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(splash, Math.min(1560, screen.getWidth()), Math.min(960, screen.getHeight()));
        scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        stage.setTitle("Guidance Workbench \u2014 greedy, lookahead and end-to-end guidance");
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(e -> {
            if (bench != null) {
                bench.shutdown();
            }
        });
        Runnable[] afterSplash = new Runnable[1];
        afterSplash[0] = () -> {
            scene.removePostLayoutPulseListener(afterSplash[0]);
            Platform.runLater(() -> build(stage, scene));
        };
        scene.addPostLayoutPulseListener(afterSplash[0]);
        stage.show();
        trace("shown (starting page)");
    }

    private void build(Stage stage, Scene scene) {
        List<String> args = getParameters().getRaw();
        int which = intArg(args, "--scenario", 0);
        // the presets are read on the warm-up thread while the toolkit starts; wait for them only if one is asked for
        List<Scenario> builtIn = Scenarios.all();
        CompletableFuture<List<Scenario>> presets = Warmup.presets();
        List<Scenario> scenarios = new ArrayList<>(builtIn);
        boolean presetsIn = which >= builtIn.size() || presets.isDone();
        if (presetsIn) {
            scenarios.addAll(presets.join());
        }
        trace(presetsIn ? "scenarios and presets" : "scenarios (presets still loading)");
        bench = new Workbench(scenarios);
        trace("workbench built");
        ExportActions dialogs = new ExportActions(stage, m -> bench.status().idle(m));
        ExperimentActions experiments = new ExperimentActions(stage, bench, dialogs, sc -> {
            bench.controls().addScenario(sc);
            bench.controls().load(sc);
        });
        bench.setOnExport(dialogs::saveOne);
        AppMenu menu = new AppMenu(new AppMenu.Actions(experiments::open, experiments::save,
                () -> dialogs.saveAll(bench.exportables()),
                () -> bench.tabs().getSelectionModel().select(3), Platform::exit));
        BorderPane top = new BorderPane(bench.root());
        top.setTop(menu);
        boolean[] firstRun = {true};
        bench.addRunAppliedListener(() -> {
            if (firstRun[0]) {
                firstRun[0] = false;
                trace("first results drawn");
            }
        });
        int tab = intArg(args, "--tab", -1);
        if (tab >= 0) {
            bench.tabs().getSelectionModel().select(tab);
        }
        // settings and panels (density, target, "Sampling...") are in place for the first frame; the first run
        // starts once that frame is painted, so it does not take the two cores from the painting
        bench.holdRuns(true);
        bench.controls().load(scenarios.get(Math.min(scenarios.size() - 1, which)));
        if (args.contains("--trajectories")) {
            bench.controls().apply(bench.controls().getSettings().withTrajectories(true), true);
        }
        trace("settings loaded");
        whenFirstFramePainted(scene, () -> {
            if (Boolean.getBoolean("gw.app.trace")) {
                // CPU, unlike wall time, barely depends on what else the machine is running
                trace(String.format(Locale.ROOT, "first frame painted; CPU so far: FX thread %.0f ms, whole "
                        + "process %.0f ms", ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e6,
                        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                                .getProcessCpuTime() / 1e6));
            }
            bench.holdRuns(false);
            trace("first run started");
            if (!presetsIn) {
                presets.thenAccept(p -> Platform.runLater(() -> {
                    bench.controls().addScenarios(builtIn.size(), p);
                    trace("presets added to the chooser");
                }));
            }
        });
        scene.setRoot(top);
        trace("workbench in the window");
        int shot = args.indexOf("--screenshot");
        if (shot >= 0 && shot + 1 < args.size()) {
            new ScreenshotMode(bench, scene, Path.of(args.get(shot + 1))).arm();
        }
        if (args.contains("--bench")) {
            new BenchMode(bench).start();
        }
    }

    private static int intArg(List<String> args, String name, int fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? Integer.parseInt(args.get(i + 1)) : fallback;
    }

    /**
     * Runs the action once the window's first frame has been painted. JavaFX paints a pulse on its render thread
     * after the pulse's layout; the next pulse waits for that painting before it copies its own state. So: after the
     * first pulse, change the status line (the next pulse then has something to copy, and waits), and after the
     * second pulse's work on the FX thread, the first frame is on screen. A timer runs the action anyway after 5 s.
     */
    private void whenFirstFramePainted(Scene scene, Runnable action) {
        boolean[] done = {false};
        Runnable once = () -> {
            if (!done[0]) {
                done[0] = true;
                action.run();
            }
        };
        int[] pulses = {0};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            pulses[0]++;
            if (pulses[0] == 1) {
                trace("first pulse laid out");
                Platform.runLater(() -> bench.status().busy("Starting the first run\u2026"));
            } else {
                scene.removePostLayoutPulseListener(listener[0]);
                Platform.runLater(once);
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
        PauseTransition fallback = new PauseTransition(Duration.seconds(5));
        fallback.setOnFinished(e -> once.run());
        fallback.play();
    }

    private static void trace(String what) {
        if (Boolean.getBoolean("gw.app.trace")) {
            System.out.printf(Locale.ROOT, "[trace] %5d ms %s%n", System.currentTimeMillis()
                    - ManagementFactory.getRuntimeMXBean().getStartTime(), what);
        }
    }

    @Override
    public void stop() {
        if (bench != null) {
            bench.shutdown();
        }
    }

    /** The workbench-compatible presets of assets/presets (or -Dgw.app.presets), if that folder exists. */
    static List<Scenario> presets() {
        List<Scenario> out = new ArrayList<>();
        String prop = System.getProperty("gw.app.presets");
        List<Path> candidates = prop != null ? List.of(Path.of(prop))
                : List.of(Path.of("assets", "presets"), Path.of("..", "assets", "presets"));
        for (Path dir : candidates) {
            if (Files.isDirectory(dir)) {
                List<String> skipped = new ArrayList<>();
                out.addAll(ExperimentFiles.presets(dir, skipped));
                skipped.forEach(s -> System.err.println("[presets] skipped " + s));
                break;
            }
        }
        return out;
    }
}
