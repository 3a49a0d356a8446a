package gw.app.run;

import gw.app.state.Settings;
import java.util.Map;

/**
 * The outcome of one interactive run: each enabled scheme's cell under the same settings and seed. While the run
 * is still going, a partial result holds the schemes finished so far ({@link #complete()} is false, computeMs NaN).
 */
public record RunResult(Settings settings, Map<String, SchemeOutcome> outcomes, double computeMs) {

    /** Whether every enabled scheme has its outcome. */
    public boolean complete() {
        return outcomes.keySet().containsAll(settings.schemes());
    }
}
