package gw.experiment;

/**
 * A cell's totals. Losses are over particles: mean, median and quartiles (the IQR is lossQ3 - lossQ1), since a few
 * particles thrown far off by a large gradient rule the mean; {@code outside} counts final samples outside the
 * plotted support (gw.metric.Support). Log-likelihood is a mean over particles (NaN for models without a closed-form
 * density). Errors are means over guided steps of the measured particles (NaN: not measured): relative error and
 * cosine where the ideal gradient is nonzero, absolute error where it is zero to rounding. Times are wall-clock ms
 * per phase: sampling (solver steps) and guidance (scheme gradients), each the median of {@code timedRuns} runs
 * after the measured one (0: of the measured run itself), and metrics (the ideal, not part of the scheme's cost).
 */
public record CellSummary(double meanLoss, double medianLoss, double lossQ1, double lossQ3, int outside,
                          double meanLogLikelihood, long samplingNfe, long guidanceNfe, long guidanceVjps,
                          double samplingMs, double guidanceMs, double metricsMs, int timedRuns,
                          long peakRetainedBytes, double meanRelativeError, double meanCosine,
                          double meanAbsoluteError) {

    public long totalNfe() {
        return samplingNfe + guidanceNfe;
    }

    /** What the scheme costs in wall time: sampling and guidance, without the metrics. */
    public double schemeMs() {
        return samplingMs + guidanceMs;
    }

    public double totalMs() {
        return samplingMs + guidanceMs + metricsMs;
    }
}
