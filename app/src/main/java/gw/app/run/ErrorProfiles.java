package gw.app.run;

import gw.app.state.Schemes;
import gw.app.state.Settings;
import gw.experiment.ErrorProfile;
import gw.experiment.StepRecord;
import gw.tensor.NonFiniteException;
import java.util.ArrayList;
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
    public static final int MAX_STEPS = 12;

    /** Measures every successful guided scheme of the run, in parallel on the runner's pool. */
    public static ErrorProfiles measure(RunResult run, SchemeRunner runner) {
        long start = System.nanoTime();
        Settings s = run.settings();
        List<String> names = new ArrayList<>();
        List<Callable<Object>> jobs = new ArrayList<>();
        for (SchemeOutcome o : run.outcomes().values()) {
            if (!o.ok() || !Schemes.guided(o.scheme())) {
                continue;
            }
            names.add(o.scheme());
            jobs.add(() -> {
                try {
                    return ErrorProfile.measure(s.cellSpec(o.scheme()), o.result().trajectories(),
                            Settings.METRIC_PARTICLES, MAX_STEPS);
                } catch (NonFiniteException | IllegalArgumentException e) {
                    return "Could not measure: " + e.getMessage();
                }
            });
        }
        List<Object> results = runner.parallel(jobs);
        Map<String, List<StepRecord>> steps = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (results.get(i) instanceof String msg) {
                errors.put(names.get(i), msg);
            } else {
                @SuppressWarnings("unchecked")
                List<StepRecord> r = (List<StepRecord>) results.get(i);
                steps.put(names.get(i), r);
            }
        }
        return new ErrorProfiles(run, steps, errors, (System.nanoTime() - start) / 1e6);
    }
}
