package gw.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the "sweep" object: for each sweepable setting, a list of 1 to 64 values, each checked like the setting.
 * The axes keep the order in which the spec names them (the last varies fastest), as EXPERIMENTS.md says.
 */
final class SweepReader {
    static final int MAX_VALUES = 64;
    static final int MAX_CELLS = 10_000;

    private SweepReader() {
    }

    static Map<String, List<Object>> read(Field sweep) {
        sweep.object(ExperimentSpec.AXES);
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        long cells = 1;
        for (java.util.Iterator<String> names = sweep.node().fieldNames(); names.hasNext(); ) {
            String axis = names.next();
            List<Object> values = new ArrayList<>();
            for (Field v : sweep.get(axis).array(1, MAX_VALUES)) {
                values.add(value(axis, v));
            }
            axes.put(axis, values);
            cells *= values.size();
            sweep.require(cells <= MAX_CELLS, "has more than " + MAX_CELLS + " cells in all");
        }
        return axes;
    }

    private static Object value(String axis, Field v) {
        return switch (axis) {
            case "scheme", "path", "solver", "lookaheadSolver" -> v.oneOf(ExperimentJson.allowed(axis));
            case "steps" -> v.integer(1, CellSettingsReader.MAX_STEPS);
            case "horizon" -> v.integer(1, Limits.MAX_HORIZON);
            case "scale" -> CellSettingsReader.scale(v);
            case "seed" -> CellSettingsReader.seed(v);
            default -> throw v.error("not a sweepable setting");
        };
    }
}
