package gw.solver;

import gw.model.Prediction;
import gw.tensor.Batch;

/** One differentiable solver step x(t0) -> x(t1) of the probability-flow ODE (MATH section 2). */
public interface Step {

    String name();

    /** Order of accuracy p: global error O(h^p). */
    int order();

    /** Forward model evaluations per step. */
    int evaluationsPerStep();

    /**
     * Takes the step and records what its VJP needs. {@code first}, when not null, is the model already
     * evaluated at (x, t0), reused so that sampling and lookahead starting at the same state share it.
     */
    StepTape forward(Dynamics f, Batch x, double t0, double t1, Prediction first);
}
