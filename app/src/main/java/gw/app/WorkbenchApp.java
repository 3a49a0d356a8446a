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

/** The Guidance Workbench window; its options for scripts and checks are the {@link LaunchOptions}. */
public final class WorkbenchApp extends Application {
    private Workbench bench;
    private LaunchOptions opts;

    @Override
    public void init() {
        trace("toolkit started");
    }

    @Override
    public void start(Stage stage) {
        LaunchOptions opts = LaunchOptions.parse(getParameters().getRaw());
        this.opts = opts;
        trace("start()");
        // the window opens at once with a neutral "Starting..." page (not a blank white one); the workbench is built
        // once that page is laid out, while the render thread paints it, and then replaces it
        Label starting = new Label("Starting Guidance Workbench\u2026");
        starting.getStyleClass().add("starting");
        StackPane splash = new StackPane(starting);
        splash.getStyleClass().add("starting-page");
        // 1560 x 960, or the screen's usable area if that is smaller (a 1280 x 800 laptop)
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(splash, opts.width() > 0 ? opts.width() : Math.min(1560, screen.getWidth()),
                opts.height() > 0 ? opts.height() : Math.min(960, screen.getHeight()));
        scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        stage.setTitle("Guidance Workbench \u2014 greedy, lookahead and end-to-end guidance");
        stage.setScene(scene);
        stage.setMinWidth(Math.min(900, scene.getWidth()));
        stage.setMinHeight(Math.min(600, scene.getHeight()));
        stage.setOnCloseRequest(e -> {
            if (bench != null) {
                bench.shutdown();
            }
        });
        Runnable[] afterSplash = new Runnable[1];
        afterSplash[0] = () -> {
            scene.removePostLayoutPulseListener(afterSplash[0]);
            Platform.runLater(() -> build(stage, scene, opts));
        };
        scene.addPostLayoutPulseListener(afterSplash[0]);
        stage.show();
        trace("shown (starting page)");
    }

    private void build(Stage stage, Scene scene, LaunchOptions opts) {
        // the presets (and the learned models, listed from their cards) are read on the warm-up thread while the
        // toolkit starts; wait for them only if one is asked for
        List<Scenario> builtIn = Scenarios.all();
        CompletableFuture<List<Scenario>> presets = Warmup.presets();
        List<Scenario> scenarios = new ArrayList<>(builtIn);
        int which = opts.scenarioName() == null ? opts.scenario() : -1;
        boolean presetsIn = which >= builtIn.size() || which < 0 || presets.isDone();
        if (presetsIn) {
            scenarios.addAll(presets.join());
        }
        trace(presetsIn ? "scenarios and presets" : "scenarios (presets still loading)");
        if (which < 0) {
            which = LaunchOptions.find(scenarios, opts.scenarioName());
        }
        Scenario chosen = scenarios.get(Math.min(scenarios.size() - 1, which));
        bench = new Workbench(scenarios);
        trace("workbench built");
        ExportActions dialogs = new ExportActions(stage, m -> bench.model().say(m));
        ExperimentActions experiments = new ExperimentActions(stage, bench, dialogs, sc -> {
            bench.controls().addScenario(sc);
            bench.controls().load(sc);
        });
        bench.setOnExport(dialogs::saveOne);
        AppMenu menu = new AppMenu(new AppMenu.Actions(experiments::open, experiments::save,
                () -> dialogs.saveAll(bench.exportables()),
                () -> bench.selectTab("about"), Platform::exit), bench.lectureProperty());
        bench.lectureProperty().addListener((o, a, on) -> LectureTheme.apply(on));
        BorderPane top = new BorderPane(bench.root());
        top.setTop(menu);
        bench.model().resultProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends gw.app.run.RunResult> o,
                                gw.app.run.RunResult a, gw.app.run.RunResult r) {
                if (r != null) {
                    o.removeListener(this);
                    trace("first samples drawn" + (r.settings().model() instanceof gw.model.LearnedModel m
                            ? String.format(Locale.ROOT, " (the network loaded in %.0f ms once ND4J had started)",
                            m.loadMillis()) : ""));
                    reached("first-samples");
                }
            }
        });
        boolean[] firstRun = {true};
        bench.addRunAppliedListener(() -> {
            if (firstRun[0]) {
                firstRun[0] = false;
                trace("first results drawn (with the gradient error)");
                reached("first-results");
                // ready for a learned scenario chosen later, now that the first run no longer needs the cores
                Nd4jStart.begin();
            }
        });
        if (opts.tab() != null) {
            // a name (error, compute, inspector, about); a number still works for old scripts
            bench.selectTab(opts.tab().matches("\\d") ? bench.tabNames().get(Integer.parseInt(opts.tab()))
                    : opts.tab());
        }
        if (opts.lecture()) {
            bench.lectureProperty().set(true);
        }
        if (opts.step() >= 0) {
            bench.model().stepProperty().set(opts.step());
        }
        bench.scrubber().predictions().setSelected(opts.predictions());
        bench.scrubber().arrows().setSelected(opts.arrows());
        bench.model().particleProperty().set(opts.particle());
        // settings and panels (density, target, "Sampling...") are in place for the first frame; the first run
        // starts once that frame is painted, so it does not take the two cores from the painting
        bench.holdRuns(true);
        bench.controls().load(chosen);
        if (opts.trajectories()) {
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
                System.out.print(ThreadCpu.top(12));
            }
            if (reached("first-frame")) {
                return;
            }
            Nd4jStart.allow(); // the toolkit has started: a learned scenario's run may start ND4J now
            if (chosen.model() instanceof gw.model.LearnedModel learned) {
                loadNetwork(learned);
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
        if (opts.lecture()) {
            // once more with the workbench on screen: a theme set before it showed did not always reach it
            Platform.runLater(() -> LectureTheme.apply(true));
        }
        if (opts.screenshot() != null) {
            new ScreenshotMode(bench, scene, opts.screenshot()).arm();
        }
        if (opts.bench()) {
            new BenchMode(bench).start();
        }
    }

    /**
     * A learned scenario opens the window: once its first frame is painted, ND4J starts and the network loads on a
     * thread of their own, beside the first run's set-up (which then waits for them). Not earlier: until the first
     * frame both cores are busy (JIT compilers, class loading, the warm-up), and ND4J's start beside the FX thread
     * (about 0.6 s of CPU) delayed that frame by about 0.4 s. Without class-data sharing the first samples come about
     * that much later instead; with the installed app's archive both come earlier (app/README.md).
     */
    private static void loadNetwork(gw.model.LearnedModel learned) {
        Thread t = new Thread(() -> {
            try {
                learned.load();
                trace(String.format(Locale.ROOT, "network loaded (%.0f ms once ND4J had started)",
                        learned.loadMillis()));
            } catch (RuntimeException e) {
                // the first run loads it again and shows the reason on its panels
            }
        }, "network-load");
        t.setDaemon(true);
        t.start();
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
                Platform.runLater(() -> bench.model().say("Starting the first run\u2026"));
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

    /** Exits when the start-up has reached the stage {@code --exit-after} names (a start-up benchmark's launch). */
    private boolean reached(String stage) {
        if (!stage.equals(opts.exitAfter())) {
            return false;
        }
        System.out.println("[exit-after] " + stage);
        Platform.exit();
        return true;
    }

    static void trace(String what) {
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

    /** The workbench-compatible presets of the assets' presets folder (or -Dgw.app.presets), if it exists. */
    static List<Scenario> presets() {
        List<Scenario> out = new ArrayList<>();
        String prop = System.getProperty("gw.app.presets");
        Path dir = prop != null ? Path.of(prop) : Assets.dir("presets");
        if (dir != null && Files.isDirectory(dir)) {
            List<String> skipped = new ArrayList<>();
            out.addAll(ExperimentFiles.presets(dir, skipped));
            // the shipped networks, beside the presets (assets/models)
            out.addAll(gw.app.state.LearnedScenarios.in(dir.resolveSibling("models"), skipped));
            skipped.forEach(s -> System.err.println("[presets] skipped " + s));
        }
        return out;
    }
}
