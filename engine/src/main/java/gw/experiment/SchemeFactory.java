package gw.experiment;

import gw.guidance.ContinuousAdjoint;
import gw.guidance.EndToEnd;
import gw.guidance.GradientScheme;
import gw.guidance.Greedy;
import gw.guidance.Lookahead;
import gw.solver.Backprop;
import gw.solver.ButcherTableau;
import gw.solver.Grid;
import gw.solver.RungeKuttaStep;
import gw.solver.Solvers;
import gw.solver.Step;
import gw.spec.CellSpec;

/** Builds the gradient scheme a cell names; null for unguided sampling. */
final class SchemeFactory {
    private SchemeFactory() {
    }

    static GradientScheme build(CellSpec s) {
        Step sampling = Solvers.byName(s.solver());
        return switch (s.scheme()) {
            case "none", "noise-optimization" -> null;
            case "greedy" -> new Greedy();
            case "lookahead" -> new Lookahead(Solvers.byName(s.lookaheadSolver()), s.horizon(), backprop(s));
            case "end-to-end" -> new EndToEnd(sampling, Grid.uniform(s.steps()), backprop(s));
            case "adjoint" -> ContinuousAdjoint.onUniformGrid(sampling, tableau(s.adjointSolver()), s.steps());
            default -> throw new IllegalArgumentException("unknown scheme '" + s.scheme() + "'; allowed: "
                    + String.join(", ", CellSpec.SCHEMES));
        };
    }

    /** How backpropagation stores the solve: everything, every k-th state, or binomial (Revolve) snapshots. */
    static Backprop backprop(CellSpec s) {
        return switch (s.checkpoint()) {
            case "none" -> Backprop.full();
            case "segments" -> Backprop.segments(Math.max(1, s.checkpointParam()));
            case "binomial" -> Backprop.binomial(Math.max(1, s.checkpointParam()));
            default -> throw new IllegalArgumentException("unknown checkpoint '" + s.checkpoint() + "'; allowed: "
                    + String.join(", ", CellSpec.CHECKPOINTS));
        };
    }

    /** The Runge-Kutta tableau of an adjoint solver name (ddim has none: it is not a Runge-Kutta method). */
    static ButcherTableau tableau(String name) {
        Step step = Solvers.byName(name);
        if (step instanceof RungeKuttaStep rk) {
            return rk.tableau();
        }
        throw new IllegalArgumentException("adjointSolver must be a Runge-Kutta method (euler, midpoint, heun, rk4), got '"
                + name + "'");
    }
}
