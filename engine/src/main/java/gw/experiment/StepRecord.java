package gw.experiment;

import gw.guidance.GuidanceGradient;
import gw.metric.Agreement;
import gw.metric.Stats;
import gw.objective.Objective;
import gw.tensor.Batch;
import gw.tensor.NonFiniteException;

/**
 * What one grid step of a cell measured. Errors compare the scheme's gradient with the continuous ideal on the
 * measured particles: relative error and cosine over the particles whose ideal gradient is nonzero, the absolute
 * error over those whose ideal is zero to rounding ({@link Agreement#ZERO}); the cosine leaves out
 * particles whose scheme gradient is zero to rounding (greedy at t = 0). NaN where not measured.
 */
public record StepRecord(int index, double t, long nfe, long vjps, double guidanceMs, double relErrorMean,
                         double relErrorMedian, double cosineMean, double absErrorMean, int zeroReferences,
                         long peakRetainedBytes) {

    /** An unguided step: nothing spent, nothing measured. */
    static StepRecord unguided(int index, double t) {
        return new StepRecord(index, t, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0);
    }

    /** A guided step whose gradient was not compared with the ideal. */
    static StepRecord unmeasured(int index, double t, GuidanceGradient g) {
        return new StepRecord(index, t, g.nfe(), g.vjps(), g.nanos() / 1e6, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, 0, g.peakRetainedBytes());
    }

    /**
     * A guided step with its cost from g and the agreement of {@code measured} (rows of g) with the ideal, whose
     * endpoint sets the scale below which the ideal counts as zero. Throws NonFiniteException if an agreement
     * overflowed (gradients near the double range).
     */
    static StepRecord measured(int index, double t, GuidanceGradient g, Batch measured, GuidanceGradient ideal,
                               Objective loss) {
        Agreement.Comparison c = Agreement.compare(measured, ideal.gradient(),
                Agreement.scale(loss, ideal.endpoint()));
        for (int i = 0; i < c.zeroReference().length; i++) {
            boolean ok = Double.isFinite(c.absoluteError()[i])
                    && (c.zeroReference()[i] || Double.isFinite(c.relativeError()[i]));
            if (!ok) {
                throw new NonFiniteException("the gradient error against the continuous ideal at t=" + t
                        + " overflowed (gradients beyond the double range)");
            }
        }
        double[] rel = Stats.defined(c.relativeError());
        double[] abs = new double[c.zeroReferences()];
        int k = 0;
        for (int i = 0; i < c.zeroReference().length; i++) {
            if (c.zeroReference()[i]) {
                abs[k++] = c.absoluteError()[i];
            }
        }
        StepRecord r = new StepRecord(index, t, g.nfe(), g.vjps(), g.nanos() / 1e6, Stats.mean(rel),
                Stats.median(rel), Stats.mean(Stats.defined(c.cosine())), Stats.mean(abs), abs.length,
                g.peakRetainedBytes());
        return r;
    }
}
