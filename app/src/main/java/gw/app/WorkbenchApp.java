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
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

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
        List<String> args = getParameters().getRaw();
        trace("start()");
        List<Scenario> scenarios = scenarios();
        trace("scenarios");
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
        // 1560 x 960, or the screen's usable area if that is smaller (a 1280 x 800 laptop)
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(top, Math.min(1560, screen.getWidth()), Math.min(960, screen.getHeight()));
        scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        stage.setTitle("Guidance Workbench \u2014 greedy, lookahead and end-to-end guidance");
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(e -> bench.shutdown());
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        boolean[] firstRun = {true};
        bench.addRunAppliedListener(() -> {
            if (firstRun[0]) {
                firstRun[0] = false;
                System.out.printf(Locale.ROOT, "[startup] first results drawn %d ms after JVM start%n",
                        System.currentTimeMillis() - jvmStart);
            }
        });
        stage.setOnShown(e -> Platform.runLater(() -> System.out.printf(Locale.ROOT,
                "[startup] first frame %d ms after JVM start%n", System.currentTimeMillis() - jvmStart)));
        int tab = args.indexOf("--tab");
        if (tab >= 0 && tab + 1 < args.size()) {
            bench.tabs().getSelectionModel().select(Integer.parseInt(args.get(tab + 1)));
        }
        // settings and panels are in place for the first frame; the first run starts once it is on screen
        bench.holdRuns(true);
        int which = args.indexOf("--scenario");
        bench.controls().load(scenarios.get(which >= 0 && which + 1 < args.size()
                ? Math.min(scenarios.size() - 1, Integer.parseInt(args.get(which + 1))) : 0));
        if (args.contains("--trajectories")) {
            bench.controls().apply(bench.controls().getSettings().withTrajectories(true), true);
        }
        stage.show();
        trace("shown");
        Platform.runLater(() -> {
            bench.holdRuns(false);
            trace("first run started");
        });
        int shot = args.indexOf("--screenshot");
        if (shot >= 0 && shot + 1 < args.size()) {
            new ScreenshotMode(bench, scene, Path.of(args.get(shot + 1))).arm();
        }
        if (args.contains("--bench")) {
            new BenchMode(bench).start();
        }
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

    /** Built-in scenarios first, then the workbench-compatible presets of assets/presets, if that folder exists. */
    static List<Scenario> scenarios() {
        List<Scenario> out = new ArrayList<>(Scenarios.all());
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
