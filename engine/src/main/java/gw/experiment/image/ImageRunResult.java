package gw.experiment.image;

import java.util.Map;

/**
 * One run of an image experiment: its place (index in run order, sweep point, task, scheme), and its reconstruction,
 * or the one-line error of a run that failed (NaN or infinite values mid-solve).
 */
public record ImageRunResult(int index, int pointIndex, Map<String, Number> point, ReconstructionRequest request,
                             Reconstruction result, String error) {
    public ImageRunResult {
        point = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(point));
    }

    public boolean complete() {
        return result != null;
    }
}
