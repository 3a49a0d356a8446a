package gw.experiment.image;

import java.util.Map;

/**
 * One run of an image experiment: its place (index in run order, sweep point, task, scheme), and its reconstruction,
 * or the one-line error of a run that failed (NaN or infinite values mid-solve); for the "class" task the judge's
 * verdict on the sample (null otherwise).
 */
public record ImageRunResult(int index, int pointIndex, Map<String, Number> point, ReconstructionRequest request,
                             Reconstruction result, String error, ClassTask.Verdict verdict) {
    public ImageRunResult {
        point = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(point));
    }

    /** A run without a judge's verdict (every task but "class"). */
    public ImageRunResult(int index, int pointIndex, Map<String, Number> point, ReconstructionRequest request,
                          Reconstruction result, String error) {
        this(index, pointIndex, point, request, result, error, null);
    }

    public boolean complete() {
        return result != null;
    }
}
