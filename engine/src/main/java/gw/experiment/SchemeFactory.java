package gw.experiment;

import gw.guidance.ContinuousAdjoint;
import gw.guidance.EndToEnd;
import gw.guidance.GradientScheme;
import gw.guidance.Greedy;
import gw.guidance.Lookahead;
import gw.solver.ButcherTableau;
import gw.solver.Grid;
import gw.solver.RungeKuttaStep;
import gw.solver.Solvers;
import gw.solver.Step;

/** Builds the gradient scheme a cell names; null for unguided sampling. */
final class SchemeFactory {
    private SchemeFactory() {
    }

    static GradientScheme build(CellSpec s) {
        Step sampling = Solvers.byName(s.solver());
        int every = "segments".equals(s.checkpoint()) ? Math.max(1, s.checkpointParam()) : 1;
        return switch (s.scheme()) {
            case "none", "noise-optimization" -> null;
            case "greedy" -> new Greedy();
            case "lookahead" -> new Lookahead(Solvers.byName(s.lookaheadSolver()), s.horizon(), every);
            case "end-to-end" -> new EndToEnd(sampling, Grid.uniform(s.steps()), every);
            case "adjoint" -> ContinuousAdjoint.onUniformGrid(sampling, tableau(s.adjointSolver()), s.steps());
            default -> throw new IllegalArgumentException("unknown scheme '" + s.scheme() + "'; allowed: "
                    + String.join(", ", CellSpec.SCHEMES));
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
