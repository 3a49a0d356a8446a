package gw.experiment.image;

import gw.metric.ClassJudgement;
import gw.model.net.ImageClassifier;
import gw.objective.image.ClassGuidance;
import gw.tensor.Batch;

/**
 * The "class" image task (issue 9 item 5): guidance follows L(x) = -log p(target | x) of one classifier (the guide),
 * and a second, independently trained classifier (the judge) says whether the sample is of the target class, so that
 * guidance cannot just fool the classifier it follows. There is no measurement and no ground truth to compare with:
 * the judge's verdict replaces PSNR and SSIM.
 *
 * @param guideName the guide as the spec names it; {@code judgeName} likewise
 */
public record ClassTask(ImageClassifier guide, String guideName, ImageClassifier judge, String judgeName, int target) {
    /** The task's name in a spec's {@code tasks}. */
    public static final String NAME = "class";

    /** The judge's verdict on one sample: its arg max class, p(target), and whether the two agree. */
    public record Verdict(int predicted, double targetProbability, boolean hit) {
    }

    /** Registers {@link #NAME} with {@link ImageProblems} until the handle is closed. */
    AutoCloseable register() {
        return ImageProblems.register(NAME, this::problem);
    }

    /** The problem of one image: the guide's loss for the target; no measurement (a mid-grey picture, NaN residual). */
    ImageProblem problem(ImageProblems.Context c) {
        return new FixedProblem(new ClassGuidance(guide, target), new double[0], new double[c.side() * c.side()],
                x -> Double.NaN);
    }

    /** The judge on one sample. */
    public Verdict verdict(double[] x) {
        ClassJudgement j = ClassJudgement.of(judge, new Batch(x.clone(), 1, x.length));
        int predicted = j.predicted(0);
        return new Verdict(predicted, j.probabilities(0)[target], predicted == target);
    }
}
