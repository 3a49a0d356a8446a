package gw.app.panels;

import gw.app.state.Scenario;
import gw.app.state.Settings;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A guided tour per scenario: three to five steps, each setting the controls (from the scenario's own settings, so a
 * step always looks the same) and saying what to look at. Tours are found by scenario name.
 */
public final class Tours {
    /**
     * One step of a tour.
     *
     * @param time the time shown, 0..1 (NaN: the end, the samples)
     * @param tab the tab to open (error, compute, inspector, about), or null to leave it
     */
    public record Step(String title, String text, UnaryOperator<Settings> settings, double time,
                       boolean predictions, String tab) {
    }

    private static final double END = Double.NaN;
    private static final List<String> FOUR = List.of("none", "greedy", "lookahead", "end-to-end");

    private static final Map<String, List<Step>> TOURS = Map.of(
            "Three-blob mixture (reference)", List.of(
                    new Step("Same noise everywhere", "Every panel starts from the same noise: at t = 0 the four "
                            + "panels are identical. Press Play (above the panels) and watch the particles flow to "
                            + "the data.", s -> s.withSchemes(FOUR), 0, false, null),
                    new Step("What greedy sees", "At t = 0.3 the grey dots are the predictions x\u0302\u2081(x_t) "
                            + "= E[x\u2081 | x_t]: still a blurry average near the middle of the data. Greedy asks "
                            + "the loss there, not where the particle will really end.", s -> s.withSchemes(FOUR),
                            0.3, true, null),
                    new Step("Where they end", "At t = 1 compare the panels: how many particles each scheme brings "
                            + "into the target ring, and the mean loss in each subtitle. Click a particle to follow "
                            + "its path in every panel.", s -> s.withSchemes(FOUR), END, false, null),
                    new Step("The gradient error", "The Gradient error tab shows how far each gradient is from the "
                            + "exact one, step by step. Greedy is far off early and exact only at t = 1; the "
                            + "lookahead with H = 3 is closer all along.", s -> s.withSchemes(FOUR), END, false,
                            "error"),
                    new Step("What the horizon buys", "Lookahead now uses H = 8. Look at the early part of the error "
                            + "plot, then at the Compute cost tab: the error falls as H grows, and the cost rises.",
                            s -> s.withSchemes(FOUR).withHorizon(8), END, false, "error")),
            "Sharp mixture (coarse lookahead can be unstable)", List.of(
                    new Step("Narrow blobs", "The same blobs, four times narrower. Press Play: particles snap to "
                            + "the modes late in the solve.", s -> s, 0, false, null),
                    new Step("A coarse lookahead", "H = 2 explicit Euler steps through sharp modes: look at the "
                            + "lookahead curve in the error plot against greedy's.", s -> s.withHorizon(2), END,
                            false, "error"),
                    new Step("More lookahead steps", "H = 10: smaller steps. Compare the lookahead curve with greedy's "
                            + "again, and with H = 2: accuracy is not monotone in H.", s -> s.withHorizon(10),
                            END, false, "error")),
            "Target between the blobs", List.of(
                    new Step("A target off the data", "The target (0, 2) lies where the data has little mass. "
                            + "Without guidance (first panel) almost no particle goes there.", s -> s, END, false,
                            null),
                    new Step("Pulled off the data", "Guidance scale 0.3: the guided panels pull particles into the "
                            + "empty region; compare the mean log-likelihood (log p) in the subtitles with the "
                            + "unguided panel's.", s -> s.withScale(0.3), END, false, null),
                    new Step("Watch it happen", "Press Play: the guided particles leave the blobs' paths and head "
                            + "for the target; the schemes disagree on how.", s -> s.withScale(0.3), 0, false,
                            null)),
            "Single Gaussian (closed form)", List.of(
                    new Step("One Gaussian", "One elongated Gaussian and a target off its axis. Here the exact "
                            + "greedy factor is known in closed form.", s -> s, END, false, null),
                    new Step("The prediction early on", "At t = 0.2 the grey predictions x\u0302\u2081(x_t) are "
                            + "squeezed towards the mean: greedy's gradient is scaled down by "
                            + "\u03b1s / \u221a(\u03b1\u00b2s\u00b2 + \u03c3\u00b2).", s -> s, 0.2, true, null),
                    new Step("Greedy undershoots early", "In the error plot greedy's error is largest near t = 0 and "
                            + "vanishes at t = 1.", s -> s, END, false, "error")),
            "Greedy undershoots early", List.of(
                    new Step("The undershoot", "Greedy and lookahead (H = 4, rk4) on one Gaussian. The error plot: "
                            + "greedy's relative error is largest near noise.", s -> s, END, false, "error"),
                    new Step("The particles", "Most particles end under the target ring, which is why the panels "
                            + "look empty: scroll on a plot to zoom in, or press Fit.", s -> s, END, false, null),
                    new Step("Early on", "At t = 0.25 with predictions shown: greedy asks the loss at the grey "
                            + "points, which are pulled towards the data mean.", s -> s, 0.25, true, null)),
            "Horizon buys accuracy", List.of(
                    new Step("H = 1", "Lookahead with one Heun step: two model calls per guidance step.",
                            s -> s.withHorizon(1), END, false, "error"),
                    new Step("H = 4", "Four Heun steps: the error against the ideal falls, roughly like 1/H\u00b2.",
                            s -> s.withHorizon(4), END, false, "error"),
                    new Step("H = 16", "Sixteen steps: look at the relative error, then at the cost in the Compute "
                            + "cost tab.", s -> s.withHorizon(16), END, false, "compute")),
            "Guidance pushes samples off the data", List.of(
                    new Step("No guidance", "Scale 0: the samples follow the data; note log p in the subtitle.",
                            s -> s.withScale(0), END, false, null),
                    new Step("Some guidance", "Scale 0.1: loss falls, and so does log p.", s -> s.withScale(0.1), END,
                            false, null),
                    new Step("Strong guidance", "Scale 1: particles crowd the target between the modes, far from the "
                            + "data: the lowest loss, the lowest log p.", s -> s.withScale(1), END, false, null)),
            "A coarse end-to-end can be worse than greedy", List.of(
                    new Step("Six Euler steps", "End-to-end backpropagates through the remaining 6-step solve; "
                            + "with sharp modes that solve is unstable for some particles.", s -> s, END, false,
                            "error"),
                    new Step("Watch the solve", "Press Play and compare the greedy and end-to-end panels step by "
                            + "step.", s -> s, 0, false, null),
                    new Step("A stable solver", "Heun instead of Euler: compare the end-to-end error curve with "
                            + "the Euler one.",
                            s -> s.withSolver("heun"), END, false, "error")),
            "Adjoint vs backprop memory", List.of(
                    new Step("Memory kept", "Each subtitle ends with the memory kept for the backward pass: "
                            + "end-to-end keeps every step, the adjoint a constant amount.", s -> s, END, false,
                            null),
                    new Step("Twice the steps", "N = 40: end-to-end's memory grows with N, the adjoint's "
                            + "stays.",
                            s -> s.withSteps(40).withHorizon(40), END, false, null),
                    new Step("The price", "The Compute cost tab: the adjoint pays in model calls and its gradient is "
                            + "not the exact gradient of the discrete solve.", s -> s.withSteps(40).withHorizon(40),
                            END, false, "compute")));

    /** The tour of every scenario on a learned model: the shipped ones, the learned preset, one trained here. */
    private static final List<Step> LEARNED = List.of(
            new Step("What the network learned", "With no guidance the samples show what the network learned from "
                    + "its data. There is no density behind them: a network has none in closed form.",
                    s -> s.withSchemes(FOUR), END, false, null),
            new Step("What greedy sees", "At t = 0.3 the grey dots are the network's predictions x\u0302\u2081(x_t): "
                    + "greedy asks the loss there, not where each particle will end.", s -> s.withSchemes(FOUR), 0.3,
                    true, null),
            new Step("What each scheme spends", "A network's continuous ideal is its own flow, costly to solve "
                    + "(RK4 at ND4J's per-op cost), so the Gradient error tab measures a few steps of a few particles; the Compute cost "
                    + "tab shows what each scheme spends for the loss it reaches.", s -> s.withSchemes(FOUR), END,
                    false, "compute"));

    private Tours() {
    }

    /** The scenario's tour (empty when it has none). */
    public static List<Step> of(Scenario sc) {
        if (sc == null) {
            return List.of();
        }
        List<Step> t = TOURS.get(sc.name());
        return t != null ? t : sc.model().requiredPath().isPresent() ? LEARNED : List.of();
    }
}
