package gw.app;

import java.nio.file.Path;
import java.util.List;

/**
 * The window's launch options, for scripts and checks (people need none): {@code --screenshot PATH} saves the
 * window as PNG once the first run is drawn and exits; {@code --tab NAME} opens that tab (error, compute,
 * inspector, about, train, images; a number still works); {@code --scenario N} opens the N-th scenario of the chooser,
 * {@code --scenario TEXT} the first whose name contains TEXT (any case; e.g. {@code "learned: moons"});
 * {@code --trajectories} draws trajectories; {@code --step K} shows time step K, {@code --predictions} with
 * the x̂1 predictions, {@code --arrows} with guidance arrows, {@code --particle I} highlights particle I; {@code --lecture} starts in
 * lecture-hall mode; {@code --size WxH} sets the window size; {@code --bench} measures change-to-redraw latency
 * and exits; {@code --exit-after STAGE} exits once the start-up reaches that stage (first-frame, first-samples,
 * first-results), for start-up benchmarks (app/startup-bench.sh).
 */
public record LaunchOptions(Path screenshot, String tab, int scenario, String scenarioName, boolean trajectories, int step,
                            boolean predictions, boolean arrows, int particle, boolean lecture, double width, double height,
                            boolean bench, String exitAfter) {
    /** The start-up stages {@code --exit-after} accepts, in the order they are reached. */
    public static final List<String> STAGES = List.of("first-frame", "first-samples", "first-results");

    public static LaunchOptions parse(List<String> args) {
        String shot = value(args, "--screenshot");
        String size = value(args, "--size");
        double w = -1;
        double h = -1;
        if (size != null) {
            String[] wh = size.toLowerCase().split("x");
            w = Double.parseDouble(wh[0]);
            h = Double.parseDouble(wh[1]);
        }
        String step = value(args, "--step");
        String scenario = value(args, "--scenario");
        return new LaunchOptions(shot == null ? null : Path.of(shot), value(args, "--tab"),
                scenario == null || !scenario.matches("\\d+") ? 0 : Integer.parseInt(scenario),
                scenario == null || scenario.matches("\\d+") ? null : scenario, args.contains("--trajectories"),
                step == null ? -1 : Integer.parseInt(step), args.contains("--predictions"), args.contains("--arrows"),
                value(args, "--particle") == null ? -1 : Integer.parseInt(value(args, "--particle")),
                args.contains("--lecture"), w, h,
                args.contains("--bench"), exitAfter(value(args, "--exit-after")));
    }

    /** The index of the first scenario whose name contains {@code text} (any case); 0, with a warning, if none. */
    static int find(List<?> scenarios, String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < scenarios.size(); i++) {
            if (scenarios.get(i).toString().toLowerCase(java.util.Locale.ROOT).contains(t)) {
                return i;
            }
        }
        System.err.println("[options] no scenario named like '" + text + "'; opening the first");
        return 0;
    }

    private static String exitAfter(String stage) {
        if (stage != null && !STAGES.contains(stage)) {
            throw new IllegalArgumentException("--exit-after must be one of " + String.join(", ", STAGES) + ", got '"
                    + stage + "'");
        }
        return stage;
    }

    private static String value(List<String> args, String name) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
    }
}
