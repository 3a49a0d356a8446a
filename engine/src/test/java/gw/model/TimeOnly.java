package gw.model;

import gw.path.PathPoint;
import gw.tensor.Batch;
import java.util.Map;
import java.util.Optional;

/**
 * A closed form as a learned model looks to the solvers: predict reads t, nothing says (alpha, sigma) is free, and
 * the continuous ideal's refinement stops at a cap of the caller's choice (a network's: 256 steps). Tests force
 * the network code paths with it at closed-form cost.
 */
public final class TimeOnly {
    private TimeOnly() {
    }

    public static TargetPredictor of(TargetPredictor m, int idealMaxSteps) {
        return new TargetPredictor() {
            @Override public int dim() { return m.dim(); }
            @Override public String kind() { return "time-only"; }
            @Override public double evaluationCost() { return m.evaluationCost(); }
            @Override public double retainedPerEvaluation() { return m.retainedPerEvaluation(); }
            @Override public Optional<ClosedFormDensity> density() { return Optional.empty(); }
            @Override public double[][] extent() { return m.extent(); }
            @Override public Map<String, Object> specValue() { throw new IllegalStateException("test model"); }
            @Override public int idealMaxSteps() { return idealMaxSteps; }

            @Override
            public Prediction predict(Batch x, PathPoint p) {
                if (!Double.isFinite(p.t())) {
                    throw new AssertionError("the t form must never ask for an EDM point");
                }
                return m.predict(x, p);
            }
        };
    }
}
