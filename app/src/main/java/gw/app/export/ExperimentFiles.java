package gw.app.export;

import gw.app.state.Bounds;
import gw.app.state.Scenario;
import gw.app.state.Schemes;
import gw.app.state.Settings;
import gw.model.ClosedFormDensity;
import gw.objective.SquaredDistance;
import gw.spec.CellSpec;
import gw.spec.ExperimentJson;
import gw.spec.ExperimentSpec;
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

    /**
     * The settings that differ between a scenario's own and the current ones, for people ("target (1, 2),
     * N = 40"); empty when none does. A saved experiment says so, so that its description does not claim the
     * scenario's target or step count for settings that were changed.
     */
    public static String changes(Settings from, Settings to) {
        List<String> out = new ArrayList<>();
        if (from.targetX() != to.targetX() || from.targetY() != to.targetY()) {
            out.add("target (" + num(to.targetX()) + ", " + num(to.targetY()) + ")");
        }
        if (!from.path().equals(to.path())) {
            out.add("path " + to.path());
        }
        if (!from.solver().equals(to.solver())) {
            out.add("solver " + to.solver());
        }
        if (from.steps() != to.steps()) {
            out.add("N = " + to.steps());
        }
        if (from.effectiveHorizon() != to.effectiveHorizon() || from.horizonIsEndToEnd() != to.horizonIsEndToEnd()) {
            out.add(to.horizonIsEndToEnd() ? "H = end-to-end" : "H = " + to.effectiveHorizon());
        }
        if (!from.lookaheadSolver().equals(to.lookaheadSolver())) {
            out.add("lookahead solver " + to.lookaheadSolver());
        }
        if (from.scale() != to.scale()) {
            out.add("guidance scale " + num(to.scale()));
        }
        if (from.particles() != to.particles()) {
            out.add(to.particles() + " particles");
        }
        if (from.seed() != to.seed()) {
            out.add("seed " + to.seed());
        }
        if (!from.schemes().equals(to.schemes())) {
            out.add("schemes " + String.join(", ", to.schemes()));
        }
        return String.join(", ", out);
    }

    private static String num(double v) {
        return gw.app.controls.Parsers.compact(v);
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
        if (swept != null) {
            swept.forEach(o -> schemes.add(o.toString()));
        } else {
            // one scheme in the file: compare it with no guidance and greedy, as the workbench always can
            schemes.addAll(List.of("none", "greedy", c.scheme()));
        }
        int steps = Math.max(2, Math.min(200, middle(spec, "steps", c.steps())));
        int horizon = Math.max(1, Math.min(steps, middle(spec, "horizon", c.horizon())));
        double scale = spec.sweep().containsKey("scale")
                ? ((Number) spec.sweep().get("scale").get(spec.sweep().get("scale").size() / 2)).doubleValue()
                : c.scale();
        String solver = spec.sweep().containsKey("solver") ? spec.sweep().get("solver").get(0).toString()
                : c.solver();
        Settings s = new Settings(c.model(), sq.target()[0], sq.target()[1], c.path(), solver,
                c.lookaheadSolver(), steps, horizon, scale, Math.max(1, Math.min(16384, c.particles())),
                c.seed(), Schemes.ordered(schemes), false);
        String name = spec.name() == null || spec.name().isBlank() ? fallbackName : spec.name();
        String description = spec.description() == null ? "" : spec.description();
        List<String> axes = new ArrayList<>(spec.sweep().keySet());
        axes.remove("scheme");
        if (!axes.isEmpty()) {
            description += " (This preset sweeps " + String.join(", ", axes) + "; the workbench opens it at one "
                    + "value of each: move the sliders, or see the Compute cost tab, to explore the range.)";
        }
        return new Scenario(name, description, c.model(), Bounds.of(c.model(), sq.target()[0], sq.target()[1]),
                s);
    }

    /** The middle value of a swept integer setting, or the base value when it is not swept. */
    private static int middle(ExperimentSpec spec, String axis, int base) {
        List<Object> v = spec.sweep().get(axis);
        return v == null || v.isEmpty() ? base : ((Number) v.get(v.size() / 2)).intValue();
    }

    /** Reads a spec file as a scenario; SpecException (naming the field) or IllegalArgumentException on failure. */
    public static Scenario read(Path file) {
        checkJson(file);
        ExperimentSpec spec = ExperimentJson.read(file);
        String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
        return fromSpec(spec, stem);
    }

    /**
     * Refuses a file that is not well-formed JSON (e.g. cut short) with the parser's line and column, before the
     * spec reader, which would blame the first field it misses.
     */
    static void checkJson(Path file) {
        try {
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var loc = e.getLocation();
            throw new IllegalArgumentException(file.getFileName() + " is not valid JSON (cut short or mistyped?)"
                    + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr()) + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + file.getFileName() + ": " + e.getMessage());
        }
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
