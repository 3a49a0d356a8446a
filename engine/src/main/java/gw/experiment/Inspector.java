package gw.experiment;

import gw.guidance.GradientScheme;
import gw.guidance.GuidanceGradient;
import gw.guidance.IdealGradient;
import gw.metric.Agreement;
import gw.path.Paths;
import gw.solver.Dynamics;
import gw.solver.Grid;
import gw.spec.CellSpec;
import gw.spec.SchemeDescriptor;
import gw.spec.SchemeRegistry;
import gw.tensor.Batch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Looks at one particle at one grid time: every scheme's guidance gradient and the point where that scheme
 * queried the loss (its endpoint), next to the continuous ideal and the exact flow's endpoint. This is the
 * per-particle picture behind the per-step error curves: greedy asks the loss at xhat1(x_t), lookahead at the end
 * of an H-step solve, end-to-end at the end of the remaining sampling solve, and the ideal at Phi_{t->1}(x_t).
 */
public final class Inspector {
    /** The reference every scheme is compared with. */
    public static final String IDEAL = "ideal";

    private Inspector() {
    }

    /**
     * One scheme's view of the particle: gradient, loss query point, and agreement with the ideal: relative error
     * and cosine, NaN (undefined) where the ideal is zero to rounding (gw.metric.Agreement), and absolute error.
     */
    public record View(String scheme, double[] gradient, double[] endpoint, double relativeError, double cosine,
                       double absoluteError, long nfe, long vjps, double ms) {
    }

    /** Everything about one particle at grid index i (time t = i / steps). */
    public record Inspection(int stepIndex, double t, double[] x, Map<String, View> views) {
        public View ideal() {
            return views.get(IDEAL);
        }
    }

    /**
     * Inspects state x (one particle, length D) at grid index {@code stepIndex} of the spec's uniform grid, using
     * the spec's model, loss, path, sampling solver, lookahead solver, horizon, adjoint solver and ideal tolerance.
     * Throws NonFiniteException when a solve diverges, CancellationException when the thread is interrupted.
     */
    public static Inspection inspect(CellSpec spec, double[] x, int stepIndex) {
        if (stepIndex < 0 || stepIndex >= spec.steps()) {
            throw new IllegalArgumentException("stepIndex must be in [0, " + (spec.steps() - 1) + "], got " + stepIndex);
        }
        if (x.length != spec.model().dim()) {
            throw new IllegalArgumentException("x has " + x.length + " entries, the model has dimension "
                    + spec.model().dim());
        }
        double[] grid = Grid.uniform(spec.steps());
        double t = grid[stepIndex];
        Batch xb = Batch.row(x);
        Dynamics f = Dynamics.inTime(spec.model(), Paths.byName(spec.path()));
        Map<String, GradientScheme> schemes = new LinkedHashMap<>();
        for (String name : guidedSchemes()) {
            schemes.put(name, SchemeRegistry.build(spec.toBuilder().scheme(name).build()));
        }
        GuidanceGradient ideal = new IdealGradient(Paths.byName(spec.path()), spec.idealTolerance())
                .gradient(f, spec.objective(), xb, t, null);
        Map<String, View> views = new LinkedHashMap<>();
        for (Map.Entry<String, GradientScheme> e : schemes.entrySet()) {
            GuidanceGradient g = e.getValue().gradient(f, spec.objective(), xb, t, null);
            views.put(e.getKey(), view(e.getKey(), g, ideal, spec));
        }
        views.put(IDEAL, view(IDEAL, ideal, ideal, spec));
        return new Inspection(stepIndex, t, x.clone(), views);
    }

    /** Schemes the inspector computes, in display order: the registry's per-step schemes. */
    public static List<String> guidedSchemes() {
        return SchemeRegistry.all().stream().filter(d -> d.kind() == SchemeDescriptor.Kind.PER_STEP)
                .map(SchemeDescriptor::name).toList();
    }

    /** {@link #guidedSchemes()} and then {@link #IDEAL}: what an inspection holds, in display order. */
    public static List<String> schemes() {
        List<String> out = new java.util.ArrayList<>(guidedSchemes());
        out.add(IDEAL);
        return List.copyOf(out);
    }

    private static View view(String name, GuidanceGradient g, GuidanceGradient ideal, CellSpec spec) {
        Agreement.Comparison c = Agreement.compare(g.gradient(), ideal.gradient(),
                Agreement.scale(spec.objective(), ideal.endpoint()));
        return new View(name, g.gradient().row(0), g.endpoint().row(0), c.relativeError()[0], c.cosine()[0],
                c.absoluteError()[0], g.nfe(), g.vjps(), g.nanos() / 1e6);
    }
}
