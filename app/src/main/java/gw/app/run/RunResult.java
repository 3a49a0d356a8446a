package gw.app.run;

import gw.app.state.Settings;
import java.util.Map;

/** The outcome of one interactive run: each enabled scheme's cell under the same settings and seed. */
public record RunResult(Settings settings, Map<String, SchemeOutcome> outcomes, double computeMs) {
}
