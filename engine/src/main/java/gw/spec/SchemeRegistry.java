package gw.spec;

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
import gw.spec.SchemeDescriptor.Kind;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The guidance schemes, in display order: one {@link SchemeDescriptor} each. Adding a scheme is its class in
 * gw.guidance plus one entry here. {@link #register} adds one at run time (a plug-in, or a test).
 */
public final class SchemeRegistry {
    private static final List<SchemeDescriptor> SCHEMES = new ArrayList<>(List.of(
            new SchemeDescriptor("none", "no guidance", "Plain sampling: no guidance, the model's own distribution.",
                    Kind.UNGUIDED, 0x555555, s -> null, s -> 0),
            // no x-hat in tooltips: a combining mark breaks a tooltip's line wrapping (see the app's MathText)
            new SchemeDescriptor("greedy", "greedy (posterior)", "Posterior (DPS-like) guidance: asks the loss at "
                    + "the one-step prediction E[x1 | x_t] and differentiates through it; one model call and one "
                    + "backward pass per step.",
                    Kind.PER_STEP, 0xD55E00, s -> new Greedy(), s -> 2),
            new SchemeDescriptor("lookahead", "lookahead", "Takes H equal steps of the lookahead solver from t to 1 "
                    + "and differentiates through them; H = 1 with ddim is greedy, larger H costs more and is usually "
                    + "more accurate. At the top of the horizon slider it is end-to-end.",
                    Kind.PER_STEP, 0x0072B2,
                    s -> new Lookahead(Solvers.byName(s.lookaheadSolver()), s.horizon(), backprop(s)),
                    s -> 2.0 * s.horizon() * stages(s.lookaheadSolver())),
            new SchemeDescriptor("end-to-end", "end-to-end", "Backpropagates through the whole remaining sampling "
                    + "solve (discretize-then-optimize); the most expensive discrete gradient.",
                    Kind.PER_STEP, 0x009E73,
                    s -> new EndToEnd(Solvers.byName(s.solver()), Grid.uniform(s.steps()), backprop(s)),
                    s -> 2.0 * s.steps() * stages(s.solver())),
            new SchemeDescriptor("adjoint", "continuous adjoint", "Continuous adjoint (optimize-then-discretize): "
                    + "solves the adjoint ODE backwards from t = 1 with its own solver (the sampling solver; rk4 when "
                    + "that is ddim); memory does not grow with the step count.",
                    Kind.PER_STEP, 0xCC79A7,
                    s -> ContinuousAdjoint.onUniformGrid(Solvers.byName(s.solver()), tableau(s.adjointSolver()),
                            s.steps()),
                    // the forward solve, then one evaluation and one VJP per stage of the backward tableau
                    s -> s.steps() * (stages(s.solver()) + 2.0 * tableau(s.adjointSolver()).stages())),
            new SchemeDescriptor("noise-optimization", "noise-optimization", "Optimises each particle's initial "
                    + "noise through the whole sampling solve instead of guiding its steps.",
                    Kind.INITIAL_NOISE, 0x404040, s -> null,
                    s -> 4.0 * s.noiseOptimization().iterations() * stages(s.solver()))));

    /** The names, a live read-only view in display order. */
    private static final List<String> NAMES = new AbstractList<>() {
        @Override
        public String get(int index) {
            synchronized (SCHEMES) {
                return SCHEMES.get(index).name();
            }
        }

        @Override
        public int size() {
            synchronized (SCHEMES) {
                return SCHEMES.size();
            }
        }
    };

    private SchemeRegistry() {
    }

    /** Every scheme's name in display order; a live view that follows {@link #register}. */
    public static List<String> names() {
        return NAMES;
    }

    /** A snapshot of the descriptors in display order. */
    public static List<SchemeDescriptor> all() {
        synchronized (SCHEMES) {
            return List.copyOf(SCHEMES);
        }
    }

    public static Optional<SchemeDescriptor> find(String name) {
        synchronized (SCHEMES) {
            return SCHEMES.stream().filter(d -> d.name().equals(name)).findFirst();
        }
    }

    /** The descriptor of a name; an unknown name is an error, never a silent default. */
    public static SchemeDescriptor get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown scheme '" + name + "'; allowed: "
                + String.join(", ", names())));
    }

    /**
     * Adds a scheme after the built-in ones; closing the returned handle removes it again.
     * Throws IllegalArgumentException when the name is taken.
     */
    public static AutoCloseable register(SchemeDescriptor d) {
        synchronized (SCHEMES) {
            if (find(d.name()).isPresent()) {
                throw new IllegalArgumentException("scheme '" + d.name() + "' is already registered");
            }
            SCHEMES.add(d);
        }
        return () -> {
            synchronized (SCHEMES) {
                SCHEMES.remove(d);
            }
        };
    }

    /** Builds the gradient scheme a cell names; null for unguided sampling and noise optimisation. */
    public static GradientScheme build(CellSpec s) {
        return get(s.scheme()).build().apply(s);
    }

    /** How backpropagation stores the solve: everything, every k-th state, or binomial (Revolve) snapshots. */
    public static Backprop backprop(CellSpec s) {
        return switch (s.checkpoint()) {
            case "none" -> Backprop.full();
            case "segments" -> Backprop.segments(Math.max(1, s.checkpointParam()));
            case "binomial" -> Backprop.binomial(Math.max(1, s.checkpointParam()));
            default -> throw new IllegalArgumentException("unknown checkpoint '" + s.checkpoint() + "'; allowed: "
                    + String.join(", ", CellSpec.CHECKPOINTS));
        };
    }

    /** The Runge-Kutta tableau of an adjoint solver name (ddim has none: it is not a Runge-Kutta method). */
    public static ButcherTableau tableau(String name) {
        Step step = Solvers.byName(name);
        if (step instanceof RungeKuttaStep rk) {
            return rk.tableau();
        }
        throw new IllegalArgumentException("adjointSolver must be a Runge-Kutta method (euler, midpoint, heun, rk4), got '"
                + name + "'");
    }

    private static int stages(String solver) {
        return Solvers.byName(solver).evaluationsPerStep();
    }
}
