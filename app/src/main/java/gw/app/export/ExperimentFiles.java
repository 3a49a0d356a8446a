package gw.app.export;

import gw.app.state.Bounds;
import gw.app.state.Scenario;
import gw.app.state.Schemes;
import gw.app.state.Settings;
import gw.experiment.CellSpec;
import gw.experiment.ExperimentJson;
import gw.experiment.ExperimentSpec;
import gw.model.ClosedFormDensity;
import gw.objective.SquaredDistance;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The workbench's settings as an experiment spec file (the engine's {@link ExperimentJson} format, which the
 * command line re-runs) and back. The enabled schemes become a sweep over "scheme"; the other settings are the
 * base cell. Reading accepts any spec whose model is a 2-D closed-form density and whose loss is a squared distance
 * to a target; other sweep axes are reported and ignored.
 */
public final class ExperimentFiles {
    private ExperimentFiles() {
    }

    public static ExperimentSpec toSpec(Settings s, String name, String description) {
        Set<String> engineSchemes = new LinkedHashSet<>();
        for (String scheme : s.schemes()) {
            engineSchemes.add(s.cellSpec(scheme).scheme());
        }
        String first = s.schemes().isEmpty() ? "greedy" : s.schemes().get(0);
        CellSpec base = s.cellSpec(first);
        Map<String, List<Object>> sweep = new LinkedHashMap<>();
        if (engineSchemes.size() > 1) {
            sweep.put("scheme", new ArrayList<>(engineSchemes));
        }
        return new ExperimentSpec(name, description, base, sweep, null);
    }

    public static String toJson(Settings s, String name, String description) {
        return ExperimentJson.write(toSpec(s, name, description));
    }

    /** A spec as a scenario the workbench can show; throws IllegalArgumentException saying why it cannot. */
    public static Scenario fromSpec(ExperimentSpec spec, String fallbackName) {
        CellSpec c = spec.base();
        if (c.model().dim() != 2 || !(c.model() instanceof ClosedFormDensity)) {
            throw new IllegalArgumentException("the workbench draws 2-D models with a known density; this model is "
                    + c.model().kind() + " in " + c.model().dim() + " dimensions");
        }
        if (!(c.objective() instanceof SquaredDistance sq)) {
            throw new IllegalArgumentException("the workbench shows a squared-distance target; this objective is "
                    + c.objective().kind());
        }
        List<String> schemes = new ArrayList<>();
        List<Object> swept = spec.sweep().get("scheme");
        for (Object o : swept == null ? List.<Object>of(c.scheme()) : swept) {
            schemes.add(o.toString());
        }
        int steps = Math.max(2, Math.min(200, c.steps()));
        Settings s = new Settings(c.model(), sq.target()[0], sq.target()[1], c.path(), c.solver(),
                c.lookaheadSolver(), steps, Math.max(1, Math.min(steps, c.horizon())), c.scale(),
                Math.max(1, Math.min(16384, c.particles())), c.seed(), Schemes.ordered(schemes), false);
        String name = spec.name() == null || spec.name().isBlank() ? fallbackName : spec.name();
        String description = spec.description() == null ? "" : spec.description();
        return new Scenario(name, description, c.model(), Bounds.of(c.model(), sq.target()[0], sq.target()[1]),
                s);
    }

    /** Reads a spec file as a scenario; SpecException (naming the field) or IllegalArgumentException on failure. */
    public static Scenario read(Path file) {
        ExperimentSpec spec = ExperimentJson.read(file);
        String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
        return fromSpec(spec, stem);
    }

    /** The workbench-compatible presets in a folder (*.json), in file-name order; others are skipped. */
    public static List<Scenario> presets(Path dir, List<String> skipped) {
        List<Scenario> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            ds.forEach(files::add);
        } catch (IOException e) {
            skipped.add(dir + ": " + e.getMessage());
            return out;
        }
        files.sort(null);
        for (Path f : files) {
            try {
                out.add(read(f));
            } catch (RuntimeException e) {
                skipped.add(f.getFileName() + ": " + e.getMessage());
            }
        }
        return out;
    }
}
