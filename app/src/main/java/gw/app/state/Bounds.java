package gw.app.state;

import gw.metric.Support;
import gw.model.TargetPredictor;

/** A square plot window that shows all of a 2-D model's mass, the target, and the noise's bulk. */
public final class Bounds {
    private Bounds() {
    }

    /** The engine's plotted support (gw.metric.Support), so that its count of thrown-off samples matches the plot. */
    public static double[] of(TargetPredictor model, double targetX, double targetY) {
        double[] w = Support.window(model, new double[] {targetX, targetY});
        return new double[] {w[0], w[1], w[0], w[1]};
    }
}
