package gw.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment: a base cell and sweep axes. The cells are the Cartesian product of the axes, applied to the base
 * in axis order (the last axis varies fastest), so the same spec always yields the same cells in the same order.
 *
 * @param source the spec's JSON text as given (echoed into results), or null when built in code
 */
public record ExperimentSpec(String name, String description, CellSpec base, Map<String, List<Object>> sweep,
                             String source) {

    /** Settings a sweep may vary. */
    public static final List<String> AXES =
            List.of("scheme", "path", "solver", "lookaheadSolver", "steps", "horizon", "scale", "seed");

    public ExperimentSpec {
        sweep = sweep == null ? Map.of() : new LinkedHashMap<>(sweep);
        for (String axis : sweep.keySet()) {
            if (!AXES.contains(axis)) {
                throw new IllegalArgumentException("sweep." + axis + ": not a sweepable setting; allowed: "
                        + String.join(", ", AXES));
            }
        }
    }

    public static ExperimentSpec single(CellSpec cell) {
        return new ExperimentSpec("", "", cell, Map.of(), null);
    }

    public List<CellSpec> cells() {
        List<CellSpec> cells = new ArrayList<>();
        cells.add(base);
        for (Map.Entry<String, List<Object>> axis : sweep.entrySet()) {
            List<CellSpec> next = new ArrayList<>();
            for (CellSpec c : cells) {
                for (Object value : axis.getValue()) {
                    next.add(apply(c, axis.getKey(), value));
                }
            }
            cells = next;
        }
        return cells;
    }

    /** The swept values of cell i, in axis order (for labels and result rows). */
    public Map<String, Object> sweptValues(int cellIndex) {
        Map<String, Object> out = new LinkedHashMap<>();
        int stride = 1;
        List<Map.Entry<String, List<Object>>> axes = new ArrayList<>(sweep.entrySet());
        for (int a = axes.size() - 1; a >= 0; a--) {
            List<Object> values = axes.get(a).getValue();
            out.put(axes.get(a).getKey(), values.get((cellIndex / stride) % values.size()));
            stride *= values.size();
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (Map.Entry<String, List<Object>> e : sweep.entrySet()) {
            ordered.put(e.getKey(), out.get(e.getKey()));
        }
        return ordered;
    }

    static CellSpec apply(CellSpec c, String axis, Object v) {
        CellSpec.Builder b = c.toBuilder();
        switch (axis) {
            case "scheme" -> b.scheme((String) v);
            case "path" -> b.path((String) v);
            case "solver" -> b.solver((String) v);
            case "lookaheadSolver" -> b.lookaheadSolver((String) v);
            case "steps" -> b.steps(((Number) v).intValue());
            case "horizon" -> b.horizon(((Number) v).intValue());
            case "scale" -> b.scale(((Number) v).doubleValue());
            case "seed" -> b.seed(((Number) v).longValue());
            default -> throw new IllegalArgumentException("sweep." + axis + ": not a sweepable setting");
        }
        return b.build();
    }
}
