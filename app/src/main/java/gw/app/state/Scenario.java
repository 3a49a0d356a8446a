package gw.app.state;

import gw.model.ClosedFormDensity;
import gw.model.TargetPredictor;
import java.util.Optional;

/**
 * A ready-made starting point: a 2-D data distribution with a known density, the plot window that shows it, and
 * the settings the workbench opens it with.
 *
 * @param bounds plot window {xmin, xmax, ymin, ymax}
 */
public record Scenario(String name, String description, TargetPredictor model, double[] bounds,
                       Settings defaults) {

    /** The data density to draw under the samples, when the model has one in closed form. */
    public Optional<ClosedFormDensity> density() {
        return model.density();
    }

    @Override
    public String toString() {
        return name;
    }
}
