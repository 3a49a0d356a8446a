package gw.spec;

import gw.guidance.GradientScheme;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Everything the workbench needs to know about one guidance scheme besides its class: the name a spec uses, how
 * people see it (label, tooltip, colour), how a cell builds it, and what it costs. {@link SchemeRegistry} holds one
 * per scheme; the spec reader, the work estimate, the inspector, the CLI and the app read it from there.
 *
 * @param name the spec's {@code scheme} value
 * @param label a short name for legends and titles
 * @param tooltip one plain sentence on what the scheme does (no combining marks: they break tooltip wrapping)
 * @param kind whether it guides each step, nothing, or the initial noise
 * @param rgb its plot colour, 0xRRGGBB, the same in every panel, chart and legend
 * @param build the scheme a cell runs; null for kinds other than {@link Kind#PER_STEP}
 * @param evaluationsPerStep model evaluations plus VJPs per particle and sampling step that the guidance adds,
 *        for the work estimate ({@link ExperimentLimits#operations})
 */
public record SchemeDescriptor(String name, String label, String tooltip, Kind kind, int rgb,
                               Function<CellSpec, GradientScheme> build,
                               ToDoubleFunction<CellSpec> evaluationsPerStep) {

    /** What a scheme guides. */
    public enum Kind {
        /** Plain sampling: no gradient. */
        UNGUIDED,
        /** A guidance gradient at every sampling step (a {@link GradientScheme}). */
        PER_STEP,
        /** Optimises the initial noise through the whole solve instead of guiding steps. */
        INITIAL_NOISE
    }

    /** The same scheme under another name. */
    public SchemeDescriptor withName(String other) {
        return new SchemeDescriptor(other, label, tooltip, kind, rgb, build, evaluationsPerStep);
    }

    /** Whether the app's scheme chooser offers it (it runs per-step guidance, and plain sampling). */
    public boolean interactive() {
        return kind != Kind.INITIAL_NOISE;
    }
}
