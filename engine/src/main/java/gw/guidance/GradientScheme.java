package gw.guidance;

import gw.model.Prediction;
import gw.objective.Objective;
import gw.solver.Dynamics;
import gw.tensor.Batch;

/** A way to estimate grad_x L(Phi_{t->1}(x)) for a batch x at time t (MATH section 3). */
public interface GradientScheme {

    String name();

    /**
     * @param first the model already evaluated at (x, t), reused when the scheme needs it; may be null
     */
    GuidanceGradient gradient(Dynamics f, Objective loss, Batch x, double t, Prediction first);
}
