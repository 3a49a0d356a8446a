package gw.app.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The guidance schemes the workbench compares, their display order and their names for people. */
public final class Schemes {
    public static final List<String> ALL = List.of("none", "greedy", "lookahead", "end-to-end", "adjoint");

    private Schemes() {
    }

    /** The given schemes in display order, unknown names dropped, no duplicates. */
    public static List<String> ordered(Collection<String> schemes) {
        List<String> out = new ArrayList<>();
        for (String s : ALL) {
            if (schemes.contains(s)) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /** Whether the scheme computes a guidance gradient (everything but "none"). */
    public static boolean guided(String scheme) {
        return !"none".equals(scheme);
    }

    /** Short label of a scheme under the given settings, e.g. "lookahead H=3". */
    public static String label(String scheme, Settings s) {
        return switch (scheme) {
            case "none" -> "no guidance";
            case "greedy" -> "greedy (posterior)";
            case "lookahead" -> s.horizonIsEndToEnd() ? "lookahead H=N\u2212i (end-to-end)"
                    : "lookahead H=" + s.effectiveHorizon() + " " + s.lookaheadSolver();
            case "end-to-end" -> "end-to-end";
            case "adjoint" -> "continuous adjoint";
            default -> scheme;
        };
    }

    /** One plain sentence on what a scheme does, for tooltips. */
    public static String explain(String scheme) {
        return switch (scheme) {
            case "none" -> "Plain sampling: no guidance, the model's own distribution.";
            // no x-hat here: a combining mark breaks a tooltip's line wrapping (see MathText)
            case "greedy" -> "Posterior (DPS-like) guidance: asks the loss at the one-step prediction "
                    + "E[x1 | x_t] and differentiates through it; one model call and one backward pass per step.";
            case "lookahead" -> "Takes H equal steps of the lookahead solver from t to 1 and differentiates through "
                    + "them; H = 1 with ddim is greedy, larger H costs more and is usually more accurate. At the top "
                    + "of the horizon slider it is end-to-end.";
            case "end-to-end" -> "Backpropagates through the whole remaining sampling solve "
                    + "(discretize-then-optimize); the most expensive discrete gradient.";
            case "adjoint" -> "Continuous adjoint (optimize-then-discretize): solves the adjoint ODE backwards "
                    + "from t = 1 with its own solver (the sampling solver; rk4 when that is ddim); memory does not "
                    + "grow with the step count.";
            default -> scheme;
        };
    }
}
