package gw.experiment;

/**
 * A cell's totals. Losses and log-likelihoods are means over particles (log-likelihood NaN for models without a
 * closed-form density); errors are means over guided steps and measured particles; times are wall-clock ms per
 * phase: sampling (solver steps), guidance (scheme gradients), metrics (the ideal, not part of the scheme's cost).
 */
public record CellSummary(double meanLoss, double medianLoss, double meanLogLikelihood,
                          long samplingNfe, long guidanceNfe, long guidanceVjps,
                          double samplingMs, double guidanceMs, double metricsMs,
                          long peakRetainedBytes, double meanRelativeError, double meanCosine) {

    public long totalNfe() {
        return samplingNfe + guidanceNfe;
    }

    public double totalMs() {
        return samplingMs + guidanceMs + metricsMs;
    }
}
