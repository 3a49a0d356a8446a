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
 * at up to {@link #MAX_STEPS} steps ({@link #NETWORK_STEPS} on a network). {@code errors} holds a message for a
 * scheme whose measurement failed.
 */
public record ErrorProfiles(RunResult run, Map<String, List<StepRecord>> steps, Map<String, String> errors,
                            double computeMs) {
    public static final int MAX_STEPS = 20;
    /**
     * Steps and particles measured on a network: its ideal is RK4 in t with step doubling at ND4J's per-op cost
     * (docs/TRAINING.md), one solve for all steps and particles, against milliseconds for a closed form. Twice the
     * steps and particles cost about 40 % more (thread CPU in the app, loaded machine), which would put the error
     * plot further than about 3 s behind the samples.
     */
    public static final int NETWORK_STEPS = 5;
    public static final int NETWORK_PARTICLES = 4;

    /**
     * Whether a model's ideal is the costly one: a model read only in t (a network) is solved in t to a fixed end
     * (gw.solver.IdealFlow), a closed form in EDM coordinates at a thousandth of the cost.
     */
    public static boolean costlyIdeal(gw.model.TargetPredictor model) {
        return !model.acceptsAnyPathPoint();
    }

    /** Most grid steps measured for this model. */
    public static int maxSteps(gw.model.TargetPredictor model) {
        return costlyIdeal(model) ? NETWORK_STEPS : MAX_STEPS;
    }

    /** Particles (the first traced ones) measured for this model. */
    public static int particles(gw.model.TargetPredictor model) {
        return costlyIdeal(model) ? NETWORK_PARTICLES : Settings.METRIC_PARTICLES;
    }

    /** Measures every successful guided scheme of the run; the ideal is one solve for all steps and schemes. */
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
        int[] all = ErrorProfile.steps(s.steps(), maxSteps(s.model()));
        int particles = particles(s.model());
        // one job: the ideal is one solve for all steps and schemes (a network's passes cost per op, not per row,
        // so splitting it over threads would cost CPU and save no time)
        List<Callable<ErrorProfile.Profiles>> jobs = List.of(() -> ErrorProfile.measureAll(specs, states, particles, all));
        List<ErrorProfile.Profiles> results;
        try {
            results = runner.parallel(jobs);
        } catch (gw.tensor.NonFiniteException | IllegalArgumentException | gw.solver.NotConvergedException e) {
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
}
