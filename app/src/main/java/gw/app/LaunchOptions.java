package gw.app;

import java.nio.file.Path;
import java.util.List;

/**
 * The window's launch options, for scripts and checks (people need none): {@code --screenshot PATH} saves the
 * window as PNG once the first run is drawn and exits; {@code --tab NAME} opens that tab (error, compute,
 * inspector, about, train, images; a number still works); {@code --scenario N} opens the N-th scenario of the chooser;
 * {@code --trajectories} draws trajectories; {@code --step K} shows time step K, {@code --predictions} with
 * the x̂1 predictions, {@code --arrows} with guidance arrows, {@code --particle I} highlights particle I; {@code --lecture} starts in
 * lecture-hall mode; {@code --size WxH} sets the window size; {@code --bench} measures change-to-redraw latency
 * and exits.
 */
public record LaunchOptions(Path screenshot, String tab, int scenario, boolean trajectories, int step,
                            boolean predictions, boolean arrows, int particle, boolean lecture, double width, double height,
                            boolean bench) {

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
                scenario == null ? 0 : Integer.parseInt(scenario), args.contains("--trajectories"),
                step == null ? -1 : Integer.parseInt(step), args.contains("--predictions"), args.contains("--arrows"),
                value(args, "--particle") == null ? -1 : Integer.parseInt(value(args, "--particle")),
                args.contains("--lecture"), w, h,
                args.contains("--bench"));
    }

    private static String value(List<String> args, String name) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
    }
}
