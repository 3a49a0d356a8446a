package gw.experiment;

import gw.guidance.GuidanceGradient;
import gw.metric.Agreement;
import gw.metric.Stats;
import gw.tensor.Batch;

/**
 * What one grid step of a cell measured. Errors compare the scheme's gradient with the continuous ideal on the
 * measured particles; NaN where the step was unguided.
 */
public record StepRecord(int index, double t, long nfe, long vjps, double guidanceMs, double relErrorMean,
                         double relErrorMedian, double cosineMean, long peakRetainedBytes) {

    /** An unguided step: nothing spent, nothing measured. */
    static StepRecord unguided(int index, double t) {
        return new StepRecord(index, t, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, 0);
    }

    /** A guided step whose gradient was not compared with the ideal. */
    static StepRecord unmeasured(int index, double t, GuidanceGradient g) {
        return new StepRecord(index, t, g.nfe(), g.vjps(), g.nanos() / 1e6, Double.NaN, Double.NaN, Double.NaN,
                g.peakRetainedBytes());
    }

    /** A guided step with its cost from g and the agreement of {@code measured} (rows of g) with the ideal. */
    static StepRecord measured(int index, double t, GuidanceGradient g, Batch measured, Batch ideal) {
        double[] err = Agreement.relativeError(measured, ideal);
        return new StepRecord(index, t, g.nfe(), g.vjps(), g.nanos() / 1e6, Stats.mean(err), Stats.median(err),
                Stats.mean(Agreement.cosine(measured, ideal)), g.peakRetainedBytes());
    }
}
