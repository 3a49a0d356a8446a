package gw.app.run;

import gw.app.state.Schemes;
import gw.app.state.Settings;
import gw.spec.CellSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Builds and runs the sweeps behind the compute charts. */
public final class ComputeSweep {
    private static final int[] HORIZONS = {1, 2, 3, 4, 5, 6, 8, 10, 13, 16, 20, 25, 32, 40, 50, 64, 80, 100, 128, 160};
    private static final int[] STEPS = {5, 10, 20, 40, 80};
    /** Timed runs per cell, after a warm-up run: the plotted ms is their median. */
    public static final int TIMED_RUNS = 3;

    private ComputeSweep() {
    }

    /** Horizons swept: a roughly geometric ladder below N, the current H, and N itself (end-to-end). */
    public static List<Integer> horizons(Settings s) {
        TreeSet<Integer> h = new TreeSet<>();
        for (int v : HORIZONS) {
            if (v < s.steps()) {
                h.add(v);
            }
        }
        h.add(s.effectiveHorizon());
        h.add(s.steps());
        return new ArrayList<>(h);
    }

    /** Step counts swept: a ladder and the current N. */
    public static List<Integer> steps(Settings s) {
        TreeSet<Integer> n = new TreeSet<>();
        for (int v : STEPS) {
            n.add(v);
        }
        n.add(s.steps());
        return new ArrayList<>(n);
    }

    public static ComputeCurves run(Settings s, SchemeRunner runner) {
        List<Integer> hs = horizons(s);
        List<CellSpec> hCells = new ArrayList<>();
        for (int h : hs) {
            hCells.add(cheap(s.withHorizon(h).cellSpec("lookahead")));
        }
        List<CostPoint> byHorizon = new ArrayList<>();
        List<SchemeOutcome> hOut = runner.runAll(hCells, i -> "lookahead", TIMED_RUNS);
        for (int i = 0; i < hs.size(); i++) {
            byHorizon.add(point(hOut.get(i), hs.get(i), s.steps()));
        }
        List<String> schemes = s.schemes().isEmpty() ? List.of("none") : s.schemes();
        List<Integer> ns = steps(s);
        List<CellSpec> nCells = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String scheme : schemes) {
            for (int n : ns) {
                nCells.add(perUnitTime(cheap(s.withSteps(n).withHorizon(Math.min(s.effectiveHorizon(), n))
                        .cellSpec(scheme)), s.steps()));
                names.add(scheme);
            }
        }
        List<SchemeOutcome> nOut = runner.runAll(nCells, names::get, TIMED_RUNS);
        Map<String, List<CostPoint>> bySteps = new LinkedHashMap<>();
        for (int i = 0; i < nOut.size(); i++) {
            int n = ns.get(i % ns.size());
            bySteps.computeIfAbsent(names.get(i), k -> new ArrayList<>())
                    .add(point(nOut.get(i), Math.min(s.effectiveHorizon(), n), n));
        }
        return new ComputeCurves(s, byHorizon, bySteps);
    }

    /**
     * The N-sweep holds the guidance strength fixed: a per-step scale s pushes N times, so it is applied per unit
     * time as s times the current N (x_{i+1} = Step - s N h g), which is the current setting at the current N.
     */
    static CellSpec perUnitTime(CellSpec c, int currentSteps) {
        return c.toBuilder().scale(c.scale() * currentSteps).scalePerUnitTime(true).build();
    }

    /** No per-step ideal and no trajectories: the sweep measures the scheme's own cost and its loss. */
    private static CellSpec cheap(CellSpec c) {
        return c.toBuilder().metricParticles(0).trajectoryParticles(0).build();
    }

    private static CostPoint point(SchemeOutcome o, int horizon, int steps) {
        if (!o.ok()) {
            return new CostPoint(o.scheme(), horizon, steps, Double.NaN, 0, Double.NaN, o.error());
        }
        var sum = o.result().summary();
        return new CostPoint(o.scheme(), horizon, steps, sum.samplingMs() + sum.guidanceMs(), sum.totalNfe(),
                sum.meanLoss(), null);
    }

    static boolean guided(String scheme) {
        return Schemes.guided(scheme);
    }
}
