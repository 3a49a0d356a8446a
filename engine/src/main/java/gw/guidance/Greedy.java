package gw.guidance;

import gw.model.Prediction;
import gw.objective.Objective;
import gw.solver.Dynamics;
import gw.tensor.Batch;

/** Posterior (DPS-like) guidance (MATH eq. (3.2)): g_1 = (d xhat1/dx)^T grad L(xhat1(x, t)). One NFE (or none if shared), one VJP. */
public final class Greedy implements GradientScheme {

    @Override
    public String name() {
        return "greedy";
    }

    @Override
    public GuidanceGradient gradient(Dynamics f, Objective loss, Batch x, double t, Prediction first) {
        Measured m = new Measured(f);
        Prediction pred = first != null ? first : f.predict(x, t);
        Batch xhat1 = pred.xhat1();
        return m.finish(f.vjpXhat1(pred, loss.gradient(xhat1)), xhat1);
    }
}
