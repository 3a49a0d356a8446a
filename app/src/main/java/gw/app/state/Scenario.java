package gw.app.state;

import gw.model.ClosedFormDensity;
import gw.model.TargetPredictor;

/**
 * A ready-made starting point: a 2-D data distribution with a known density, the plot window that shows it, and
 * the settings the workbench opens it with.
 *
 * @param bounds plot window {xmin, xmax, ymin, ymax}
 */
public record Scenario(String name, String description, TargetPredictor model, double[] bounds,
                       Settings defaults) {

    public ClosedFormDensity density() {
        return (ClosedFormDensity) model;
    }

    @Override
    public String toString() {
        return name;
    }
}
