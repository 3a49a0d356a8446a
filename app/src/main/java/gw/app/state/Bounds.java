package gw.app.state;

import gw.model.TargetPredictor;

/** A square plot window that shows all of a 2-D model's mass, the target, and the noise's bulk. */
public final class Bounds {
    private Bounds() {
    }

    public static double[] of(TargetPredictor model, double targetX, double targetY) {
        return of(model.extent(), targetX, targetY);
    }

    /** The window for a box of the data, {lo, hi} per coordinate. */
    public static double[] of(double[][] extent, double targetX, double targetY) {
        double lo = Math.min(-3, Math.min(targetX, targetY) - 0.5);
        double hi = Math.max(3, Math.max(targetX, targetY) + 0.5);
        for (double[] range : extent) {
            lo = Math.min(lo, range[0]);
            hi = Math.max(hi, range[1]);
        }
        double pad = 0.05 * (hi - lo);
        lo = Math.floor((lo - pad) * 2) / 2;
        hi = Math.ceil((hi + pad) * 2) / 2;
        return new double[] {lo, hi, lo, hi};
    }
}
