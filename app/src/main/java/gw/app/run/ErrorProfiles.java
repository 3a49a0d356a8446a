package gw.app.run;

import gw.app.state.Schemes;
import gw.app.state.Settings;
import gw.experiment.ErrorProfile;
import gw.experiment.StepRecord;
import gw.spec.CellSpec;
import gw.tensor.Batch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Each guided scheme's gradient error against the continuous ideal, measured after a run on its traced particles
 * at up to {@link #MAX_STEPS} steps. {@code errors} holds a message for a scheme whose measurement failed.
 */
public record ErrorProfiles(RunResult run, Map<String, List<StepRecord>> steps, Map<String, String> errors,
                            double computeMs) {
    public static final int MAX_STEPS = 20;
    /** What the gradient-error plot says instead of a measurement for a model without a usable ideal. */
    public static final String NO_IDEAL = "Gradient error needs the continuous ideal, which a network does not have "
            + "in closed form (its own flow solved to a tolerance does not converge in reasonable time); see "
            + "docs/TRAINING.md.";

    /**
     * Whether the continuous ideal g* of a model can be measured against: the model states a closed-form density
     * (the analytic scenarios). A learned network states none, and solving its own flow to the ideal's tolerance
     * does not converge, so the workbench does not start that measurement for it.
     */
    public static boolean hasIdeal(gw.model.TargetPredictor model) {
        return model.density().isPresent();
    }

    /**
     * Measures every successful guided scheme of the run. The ideal is solved once per step for all schemes'
     * particles together; the steps are shared out over the runner's threads.
     */
    public static ErrorProfiles measure(RunResult run, SchemeRunner runner) {
        long start = System.nanoTime();
        Settings s = run.settings();
        List<String> names = new ArrayList<>();
        List<CellSpec> specs = new ArrayList<>();
        List<List<Batch>> states = new ArrayList<>();
        // one loss object for all cells: measureAll solves the ideal once for all of them
        var loss = s.cellSpec("none").objective();
        for (SchemeOutcome o : run.outcomes().values()) {
            if (o.ok() && Schemes.guided(o.scheme())) {
                names.add(o.scheme());
                specs.add(s.cellSpec(o.scheme()).toBuilder().objective(loss).build());
                states.add(o.result().trajectories());
            }
        }
        Map<String, List<StepRecord>> steps = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return new ErrorProfiles(run, steps, errors, 0);
        }
        int[] all = ErrorProfile.steps(s.steps(), MAX_STEPS);
        int parts = Math.min(runner.threads(), all.length);
        List<Callable<ErrorProfile.Profiles>> jobs = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            int[] mine = every(all, p, parts);
            jobs.add(() -> ErrorProfile.measureAll(specs, states, Settings.METRIC_PARTICLES, mine));
        }
        List<ErrorProfile.Profiles> results;
        try {
            results = runner.parallel(jobs);
        } catch (gw.tensor.NonFiniteException | IllegalArgumentException e) {
            names.forEach(n -> errors.put(n, "Could not measure: " + gw.app.state.Numbers.times(e.getMessage())));
            return new ErrorProfiles(run, steps, errors, (System.nanoTime() - start) / 1e6);
        }
        for (int k = 0; k < names.size(); k++) {
            List<StepRecord> merged = new ArrayList<>();
            for (ErrorProfile.Profiles r : results) {
                merged.addAll(r.records().get(k));
                if (r.errors().get(k) != null) {
                    errors.put(names.get(k), "Diverged while measuring: " + gw.app.state.Numbers.times(r.errors().get(k)));
                }
            }
            merged.sort(Comparator.comparingInt(StepRecord::index));
            if (!errors.containsKey(names.get(k))) {
                steps.put(names.get(k), merged);
            }
        }
        return new ErrorProfiles(run, steps, errors, (System.nanoTime() - start) / 1e6);
    }

    /** Every parts-th entry of a, starting at offset: interleaved so both halves span the whole solve. */
    private static int[] every(int[] a, int offset, int parts) {
        List<Integer> out = new ArrayList<>();
        for (int i = offset; i < a.length; i += parts) {
            out.add(a[i]);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
