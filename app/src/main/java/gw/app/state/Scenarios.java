package gw.app.state;

import gw.model.DiagonalGaussian;
import gw.model.GaussianMixture;
import gw.model.TargetPredictor;
import java.util.List;

/** The built-in scenarios, the first of which the workbench opens with. */
public final class Scenarios {
    private static final double[] WINDOW = {-4.5, 4.5, -4.5, 4.5};

    private Scenarios() {
    }

    /** The reference 2-D mixture of MATH.md: three blobs, target between two of them. */
    public static GaussianMixture referenceMixture() {
        return new GaussianMixture(new double[] {0.3, 0.3, 0.4},
                new double[][] {{-2.0, 0.0}, {2.0, 1.0}, {0.0, -2.5}}, new double[] {0.3, 0.5, 0.4});
    }

    public static List<Scenario> all() {
        GaussianMixture reference = referenceMixture();
        GaussianMixture sharp = new GaussianMixture(new double[] {0.3, 0.3, 0.4},
                new double[][] {{-2.0, 0.0}, {2.0, 1.0}, {0.0, -2.5}}, new double[] {0.12, 0.15, 0.12});
        DiagonalGaussian gaussian = new DiagonalGaussian(new double[] {0.0, 0.0}, new double[] {1.0, 0.5});
        return List.of(
                new Scenario("Three-blob mixture (reference)",
                        "The reference 2-D Gaussian mixture; the target (1.5, 0.5) sits near the upper-right blob. "
                                + "Greedy guidance is badly off early in the solve; a short lookahead fixes most of it.",
                        reference, WINDOW, base(reference, 1.5, 0.5, 0.05)),
                new Scenario("Sharp mixture (coarse lookahead can be unstable)",
                        "The same blobs, four times narrower. A coarse explicit lookahead through sharp modes can be "
                                + "worse than greedy: accuracy is not monotone in H.",
                        sharp, WINDOW, base(sharp, 0.0, 0.5, 0.05).withHorizon(2)),
                new Scenario("Target between the blobs",
                        "The target (0, 2) lies where the data has little mass: guidance must pull samples off the "
                                + "data, and schemes disagree most.",
                        reference, WINDOW, base(reference, 0.0, 2.0, 0.03)),
                new Scenario("Single Gaussian (closed form)",
                        "One elongated Gaussian. Here greedy provably undershoots the ideal gradient early in the "
                                + "solve (by the factor alpha s / sqrt(alpha^2 s^2 + sigma^2)).",
                        gaussian, WINDOW, base(gaussian, 2.0, 1.0, 0.05)));
    }

    private static Settings base(TargetPredictor model, double tx, double ty, double scale) {
        return new Settings(model, tx, ty, "ot", "euler", "euler", 20, 3, scale, 1024, 0L,
                List.of("none", "greedy", "lookahead", "end-to-end"), false);
    }
}
