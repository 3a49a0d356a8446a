package gw.app.state;

import gw.model.TargetPredictor;
import java.util.List;

/**
 * Scenarios on a learned model: its own path (it runs on no other), the plot window of its training data, and a
 * target in the upper right of that data, off its bulk, so guidance has work to do.
 */
public final class LearnedScenarios {
    /** Guidance scale of a learned scenario: the reference scenario's. */
    static final double SCALE = 0.05;

    private LearnedScenarios() {
    }

    public static Scenario of(TargetPredictor model, String name, String description) {
        if (model.dim() != 2) {
            throw new IllegalArgumentException("the workbench draws 2-D models; " + name + " has dimension "
                    + model.dim());
        }
        double[][] box = model.extent();
        double tx = round(box[0][0] + 0.8 * (box[0][1] - box[0][0]));
        double ty = round(box[1][0] + 0.8 * (box[1][1] - box[1][0]));
        String path = model.requiredPath().orElse("ot");
        Settings s = new Settings(model, tx, ty, path, "euler", "euler", 20, 3, SCALE, 1024, 0L,
                List.of("none", "greedy", "lookahead", "end-to-end"), false);
        return new Scenario(name, description, model, Bounds.of(model, tx, ty), s);
    }

    /** To a quarter, so the target reads well in the controls. */
    private static double round(double v) {
        return Math.round(v * 4) / 4.0;
    }
}
