package gw.guidance;

import gw.model.Prediction;
import gw.objective.Objective;
import gw.path.AffinePath;
import gw.solver.Dynamics;
import gw.solver.IdealFlow;
import gw.tensor.Batch;

/** The continuous ideal g* = grad_x L(Phi_{t->1}(x)) (MATH eq. (3.1)) through the exact flow map, to a tolerance. */
public final class IdealGradient implements GradientScheme {
    private final AffinePath path;
    private final double tolerance;

    public IdealGradient(AffinePath path, double tolerance) {
        this.path = path;
        this.tolerance = tolerance;
    }

    @Override
    public String name() {
        return "ideal";
    }

    /**
     * The same solve, returning the finest result at the model's step cap instead of failing (the probe reports
     * whether it converged).
     */
    public IdealFlow.Result solveOrBest(Dynamics f, Objective loss, Batch x, double t) {
        return new IdealFlow(f.model(), path, tolerance).solveOrBest(x, t, loss::gradient);
    }

    @Override
    public GuidanceGradient gradient(Dynamics f, Objective loss, Batch x, double t, Prediction first) {
        long start = System.nanoTime();
        IdealFlow flow = new IdealFlow(f.model(), path, tolerance);
        IdealFlow.Result r = flow.solve(x, t, loss::gradient);
        return new GuidanceGradient(r.gradient(), r.endpoint(), flow.cost().nfe(), flow.cost().vjps(),
                System.nanoTime() - start, flow.cost().peakRetainedBytes());
    }
}
