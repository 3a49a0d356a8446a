package gw.app.run;

import gw.app.state.Settings;
import java.util.List;
import java.util.Map;

/**
 * Cost curves around the current settings: lookahead at a range of horizons (the last one end-to-end), and every
 * enabled scheme at a range of step counts.
 */
public record ComputeCurves(Settings settings, List<CostPoint> byHorizon, Map<String, List<CostPoint>> bySteps) {
}
