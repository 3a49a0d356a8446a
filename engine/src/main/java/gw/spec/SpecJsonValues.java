package gw.spec;

import gw.model.DiagonalGaussian;
import gw.model.GaussianMixture;
import gw.model.TargetPredictor;
import gw.objective.Measurement;
import gw.objective.Objective;
import gw.objective.SquaredDistance;
import java.util.LinkedHashMap;
import java.util.Map;

/** Models and objectives as the JSON values that {@link ModelReader} and {@link ObjectiveReader} read back. */
final class SpecJsonValues {
    private SpecJsonValues() {
    }

    static Map<String, Object> model(TargetPredictor m) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (m instanceof GaussianMixture g) {
            out.put("kind", "gmm");
            out.put("weights", g.weights());
            out.put("means", g.means());
            out.put("stds", g.stds());
        } else if (m instanceof DiagonalGaussian g) {
            out.put("kind", "gaussian");
            out.put("mean", g.mean());
            out.put("std", g.std());
        } else {
            throw new IllegalArgumentException("model '" + m.kind() + "' has no JSON form");
        }
        return out;
    }

    static Map<String, Object> objective(Objective o) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (o instanceof SquaredDistance s) {
            out.put("kind", "squared-distance");
            out.put("target", s.target());
        } else if (o instanceof Measurement m) {
            out.put("kind", "measurement");
            out.put("operator", m.operator());
            out.put("y", m.measured());
            out.put("noiseStd", m.noiseStd());
        } else {
            throw new IllegalArgumentException("objective '" + o.kind() + "' has no JSON form");
        }
        return out;
    }
}
