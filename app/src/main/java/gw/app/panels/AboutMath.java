package gw.app.panels;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** "About the math": what the workbench computes, in a few paragraphs for a first-time user. */
public final class AboutMath extends ScrollPane {
    private static final String[][] TEXT = {
        {"Sampling as a flow",
            "A flow or diffusion model turns noise into data by solving an ordinary differential equation. Time t "
                + "runs from 0 (pure noise) to 1 (data); along the way a particle x_t is a blend "
                + "\u03b1_t\u00b7data + \u03c3_t\u00b7noise, where the path (ot, vp-cosine, vp-linear) fixes \u03b1 and "
                + "\u03c3. At every point the model predicts x\u0302\u2081(x_t, t) = E[x\u2081 | x_t], the average of "
                + "the clean samples that could lie behind x_t: early on a blurry average of the whole data set, "
                + "not the sample the particle will actually reach. A solver (ddim, euler, midpoint, heun, rk4) "
                + "takes N steps from t = 0 to t = 1."},
        {"Guidance",
            "To steer samples towards something we want, here a target point, we add a loss L(x\u2081) = "
                + "\u00bd\u2016x\u2081 \u2212 target\u2016\u00b2 on the final sample, and at every step nudge the particle "
                + "against the gradient of that loss with respect to its current state: x \u2190 step(x) \u2212 s\u00b7g, "
                + "with s the guidance scale. The question is how to get g, because the loss is only defined at the "
                + "end of the solve."},
        {"The ideal gradient, and the ways to approximate it",
            "The exact answer g* differentiates the loss through the whole exact flow from x_t to t = 1. The "
                + "workbench computes it with a very fine, adaptive solve, only to measure the others against it. "
                + "Greedy (posterior, DPS-like) guidance asks the loss at the one-step prediction x\u0302\u2081(x_t) "
                + "and differentiates through that single prediction: cheap, and exact near t = 1, but far off early "
                + "when the prediction is a blurry average. End-to-end guidance differentiates through the whole "
                + "remaining sampling solve, at step i the N \u2212 i steps left: much more expensive, and as accurate "
                + "as the solver. Lookahead with horizon H sits in between: it takes H equal steps of the lookahead "
                + "solver from t to 1 and differentiates through those. H = 1 with ddim (and with euler on the ot "
                + "path) is exactly greedy; the top of the horizon slider is end-to-end. As H grows, lookahead's "
                + "error against g* shrinks like h^p, where h = (1 \u2212 t)/H is its step and p the order of its "
                + "solver (1 for ddim and euler, 2 for midpoint and heun, 4 for rk4), once h is small enough for "
                + "the solver to be stable. The continuous adjoint approximates g* another way: it solves a second "
                + "ODE backwards from t = 1 with its own solver (optimize-then-discretize), so its memory does not "
                + "grow with the number of steps."},
        {"What to look at",
            "The sample panels show where each scheme's particles end up, over the data density (shaded) with the "
                + "target marked; all panels start from the same noise. The gradient-error plot shows, step by step, "
                + "how far each scheme's gradient is from g* (relative error, lower is better; cosine, 1 is perfect). "
                + "The compute tab shows what accuracy costs: time and model evaluations (NFE) against H and N, and "
                + "the final loss against time. The inspector shows one particle at one moment: where each scheme "
                + "asked the loss, and the direction each one pushes."},
        {"Things worth trying",
            "Move the horizon from 1 upwards and watch the early-time error fall and the cost rise. In the sharp "
                + "mixture, a coarse explicit lookahead can be worse than greedy: accuracy is not monotone in H. "
                + "Raise the guidance scale until a scheme diverges: the panel says so instead of drawing nonsense. "
                + "Click or drag on a sample plot to move the target."},
    };

    /** The formulas under each section's heading, as in MATH.md (JLaTeXMath renders them). */
    private static final String[][] FORMULAS = {
        {"x_t = \\alpha_t\\, x_1 + \\sigma_t\\, x_0, \\qquad \\hat{x}_1(x_t, t) = E[\\,x_1 \\mid x_t\\,]"},
        {"L(x_1) = \\frac{1}{2}\\,\\| x_1 - \\mathrm{target} \\|^2, \\qquad x \\leftarrow \\mathrm{step}(x) - s\\, g"},
        {"g^* = \\nabla_{x_t} L\\big(\\Phi_{t \\to 1}(x_t)\\big), \\qquad g_{\\mathrm{greedy}} = \\nabla_{x_t} "
            + "L\\big(\\hat{x}_1(x_t, t)\\big)",
            "g_H = \\nabla_{x_t} L\\big(\\Phi^{H}_{t \\to 1}(x_t)\\big), \\qquad \\| g_H - g^* \\| = O(h^p), \\quad "
            + "h = \\frac{1 - t}{H}"},
        {},
        {},
    };
    private static final float SIZE = 17;
    private final java.util.List<Equation> equations = new java.util.ArrayList<>();

    public AboutMath() {
        setId("about-math");
        VBox box = new VBox(10);
        box.setPadding(new Insets(12));
        box.setMaxWidth(900);
        for (int i = 0; i < TEXT.length; i++) {
            Label head = new Label(TEXT[i][0]);
            head.getStyleClass().add("section");
            box.getChildren().add(head);
            for (String tex : FORMULAS[i]) {
                Equation e = new Equation(tex, SIZE);
                equations.add(e);
                box.getChildren().add(e);
            }
            // a TextFlow, not a wrapped Label: the hat of x̂₁ breaks a Label's line wrapping (see MathText)
            box.getChildren().add(MathText.flow(TEXT[i][1], "about-text"));
        }
        Label cite = new Label("Source");
        cite.getStyleClass().add("section");
        box.getChildren().addAll(cite, MathText.flow(CITATION, "about-text"));
        setContent(box);
        setFitToWidth(true);
    }

    /** The paper the workbench follows. */
    public static final String CITATION = "Blasingame & Liu, \u201cGreed is Good: A Unifying Perspective on Guided "
            + "Generation\u201d. The workbench's greedy / lookahead / end-to-end family follows it; the "
            + "formulas the engine computes are in the project's docs/MATH.md.";

    /** Formulas drawn larger for a projector. */
    public void setLecture(boolean on) {
        equations.forEach(e -> e.render(on ? 1.5f * SIZE : SIZE));
    }

    public java.util.List<Equation> equations() {
        return java.util.List.copyOf(equations);
    }
}
