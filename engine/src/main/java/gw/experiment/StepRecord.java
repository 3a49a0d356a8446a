package gw.experiment;

/**
 * What one grid step of a cell measured. Errors compare the scheme's gradient with the continuous ideal on the
 * measured particles; NaN where the step was unguided.
 */
public record StepRecord(int index, double t, long nfe, long vjps, double guidanceMs, double relErrorMean,
                         double relErrorMedian, double cosineMean, long peakRetainedBytes) {
}
