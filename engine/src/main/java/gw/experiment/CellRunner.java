package gw.experiment;

import gw.guidance.GradientScheme;
import gw.guidance.GuidanceGradient;
import gw.guidance.GuidedSampler;
import gw.guidance.IdealGradient;
import gw.metric.Stats;
import gw.metric.Support;
import gw.model.ClosedFormDensity;
import gw.objective.SquaredDistance;
import gw.path.AffinePath;
import gw.path.Paths;
import gw.solver.Dynamics;
import gw.solver.Grid;
import gw.solver.Solvers;
import gw.spec.CellSpec;
import gw.spec.SchemeRegistry;
import gw.tensor.Batch;
import gw.tensor.NonFiniteException;
import gw.tensor.Noise;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;

/**
 * Runs one cell: guided sampling from seeded noise with the cell's scheme, and per step the scheme's gradient
 * error against the continuous ideal on the first few particles; then final loss, data log-likelihood and cost.
 * Wall times can come from extra timed runs without the metrics, after the measured run has warmed up the JIT.
 */
public final class CellRunner {
    private CellRunner() {
    }

    /** Runs the cell once on the calling thread; interrupting it cancels (CancellationException) within one op. */
    public static CellResult run(int index, CellSpec spec, DoubleConsumer progress) {
        return run(index, spec, progress, 0);
    }

    /**
     * Runs the cell once with its metrics, then once more untimed (warm-up) and {@code timedRuns} more times
     * without metrics, and reports the median sampling and guidance times of those (0: the times of the measured
     * run, which include JIT warm-up and the interleaved metrics).
     * The results are those of the measured run; the timed runs compute the same numbers again.
     */
    public static CellResult run(int index, CellSpec spec, DoubleConsumer progress, int timedRuns) {
        if (timedRuns < 0) {
            throw new IllegalArgumentException("timedRuns must be >= 0, got " + timedRuns);
        }
        double share = 1.0 / (timedRuns == 0 ? 1 : 2 + timedRuns);
        DoubleConsumer first = f -> progress.accept(f * share);
        if ("noise-optimization".equals(spec.scheme())) {
            CellResult r = NoiseOptimizationCell.run(index, spec, first);
            return retimed(r, timedRuns, () -> NoiseOptimizationCell.timeOnce(spec), progress, share);
        }
        return retimed(measuredRun(index, spec, first), timedRuns, () -> timeOnce(spec), progress, share);
    }

    private static CellResult measuredRun(int index, CellSpec spec, DoubleConsumer progress) {
        AffinePath path = Paths.byName(spec.path());
        Dynamics f = Dynamics.inTime(spec.model(), path);
        GradientScheme scheme = SchemeRegistry.build(spec);
        Batch x0 = Noise.gaussian(spec.particles(), spec.model().dim(), spec.seed());
        int measured = Math.min(spec.metricParticles(), spec.particles());
        int traced = Math.min(spec.trajectoryParticles(), spec.particles());
        IdealGradient ideal = new IdealGradient(path, spec.idealTolerance());
        List<StepRecord> steps = new ArrayList<>();
        List<Batch> trajectories = new ArrayList<>();
        double[] metricsNanos = {0};
        double[] guidanceNanos = {0};
        long[] guidanceCounts = {0, 0, 0};
        GuidedSampler.Listener listener = (i, t, x, g) -> {
            if (traced > 0) {
                trajectories.add(firstRows(x, traced));
            }
            steps.add(record(i, t, g, measured, x, spec, ideal, metricsNanos));
            if (g != null) {
                guidanceNanos[0] += g.nanos();
                guidanceCounts[0] += g.nfe();
                guidanceCounts[1] += g.vjps();
                guidanceCounts[2] = Math.max(guidanceCounts[2], g.peakRetainedBytes());
            }
            progress.accept((i + 1.0) / spec.steps());
        };
        long start = System.nanoTime();
        long nfeBefore = f.cost().nfe();
        Batch x1 = GuidedSampler.sample(f, spec.objective(), x0, settings(spec, scheme), listener);
        double totalMs = (System.nanoTime() - start) / 1e6;
        if (traced > 0) {
            trajectories.add(firstRows(x1, traced));
        }
        long samplingNfe = f.cost().nfe() - nfeBefore - guidanceCounts[0];
        double guidanceMs = guidanceNanos[0] / 1e6;
        double metricsMs = metricsNanos[0] / 1e6;
        return finish(index, spec, x1, steps, trajectories, new long[] {samplingNfe, guidanceCounts[0],
                guidanceCounts[1], guidanceCounts[2]}, new double[] {totalMs - guidanceMs - metricsMs, guidanceMs,
                metricsMs});
    }

    private static GuidedSampler.Settings settings(CellSpec spec, GradientScheme scheme) {
        return new GuidedSampler.Settings(Solvers.byName(spec.solver()), Grid.uniform(spec.steps()), scheme,
                spec.scale(), spec.dpsNormalize(), spec.tStart(), spec.tEnd(), spec.scalePerUnitTime());
    }

    /** One run without metrics: {sampling ms, guidance ms}. */
    private static double[] timeOnce(CellSpec spec) {
        Dynamics f = Dynamics.inTime(spec.model(), Paths.byName(spec.path()));
        GuidedSampler.Settings settings = settings(spec, SchemeRegistry.build(spec));
        Batch x0 = Noise.gaussian(spec.particles(), spec.model().dim(), spec.seed());
        long[] guidance = {0};
        long start = System.nanoTime();
        GuidedSampler.sample(f, spec.objective(), x0, settings, (i, t, x, g) -> {
            if (g != null) {
                guidance[0] += g.nanos();
            }
        });
        double total = (System.nanoTime() - start) / 1e6;
        return new double[] {total - guidance[0] / 1e6, guidance[0] / 1e6};
    }

    /** The result with its sampling and guidance times replaced by the medians of {@code runs} timed runs. */
    private static CellResult retimed(CellResult r, int runs, Supplier<double[]> timeOnce, DoubleConsumer progress,
                                      double share) {
        if (runs == 0) {
            progress.accept(1.0);
            return r;
        }
        timeOnce.get(); // warm-up: the measured run spent its time on the ideal, not on this scheme's code
        double[] sampling = new double[runs];
        double[] guidance = new double[runs];
        for (int k = 0; k < runs; k++) {
            double[] ms = timeOnce.get();
            sampling[k] = ms[0];
            guidance[k] = ms[1];
            progress.accept((k + 3) * share);
        }
        CellSummary s = r.summary();
        CellSummary timed = new CellSummary(s.meanLoss(), s.medianLoss(), s.lossQ1(), s.lossQ3(), s.outside(),
                s.meanLogLikelihood(), s.samplingNfe(), s.guidanceNfe(), s.guidanceVjps(), Stats.median(sampling),
                Stats.median(guidance), s.metricsMs(), runs, s.peakRetainedBytes(), s.meanRelativeError(),
                s.meanCosine(), s.meanAbsoluteError());
        return new CellResult(r.index(), r.spec(), r.status(), r.error(), r.samples(), r.loss(), r.logLikelihood(),
                r.steps(), timed, r.trajectories(), r.optimisedNoise());
    }

    /**
     * The cell's summary from its final samples and step records. A loss or log-likelihood that overflowed is an
     * error (NonFiniteException: the cell fails), never a silently missing value.
     */
    static CellResult finish(int index, CellSpec spec, Batch x1, List<StepRecord> steps, List<Batch> trajectories,
                             long[] counts, double[] ms) {
        double[] loss = requireFinite(spec.objective().loss(x1), "the final loss");
        double[] loglik = spec.model() instanceof ClosedFormDensity d
                ? requireFinite(d.logDensity(x1), "the final log-likelihood") : null;
        double errSum = 0;
        int errSteps = 0;
        double cosSum = 0;
        int cosSteps = 0;
        double absSum = 0;
        int absSteps = 0;
        for (StepRecord r : steps) {
            if (!Double.isNaN(r.relErrorMean())) {
                errSum += r.relErrorMean();
                errSteps++;
            }
            if (!Double.isNaN(r.cosineMean())) {
                cosSum += r.cosineMean();
                cosSteps++;
            }
            if (!Double.isNaN(r.absErrorMean())) {
                absSum += r.absErrorMean();
                absSteps++;
            }
        }
        double[] target = spec.objective() instanceof SquaredDistance sq ? sq.target() : null;
        int outside = Support.outside(x1, Support.window(spec.model(), target));
        CellSummary summary = new CellSummary(Stats.mean(loss), Stats.median(loss), Stats.quantile(loss, 0.25),
                Stats.quantile(loss, 0.75), outside, loglik == null ? Double.NaN : Stats.mean(loglik),
                counts[0], counts[1], counts[2], ms[0], ms[1], ms[2], 0, counts[3],
                errSteps == 0 ? Double.NaN : errSum / errSteps, cosSteps == 0 ? Double.NaN : cosSum / cosSteps,
                absSteps == 0 ? Double.NaN : absSum / absSteps);
        if (!Double.isFinite(summary.meanLoss()) || (loglik != null && !Double.isFinite(summary.meanLogLikelihood()))) {
            throw new NonFiniteException("the mean final loss or log-likelihood overflowed (samples near the double "
                    + "range)");
        }
        return new CellResult(index, spec, CellResult.Status.COMPLETE, null, x1, loss, loglik, List.copyOf(steps),
                summary, List.copyOf(trajectories), null);
    }

    private static double[] requireFinite(double[] v, String what) {
        int bad = 0;
        for (double d : v) {
            bad += Double.isFinite(d) ? 0 : 1;
        }
        if (bad > 0) {
            throw new NonFiniteException(what + " overflowed or is undefined (NaN or infinite) for " + bad + " of "
                    + v.length + " particles (samples or model parameters near the double range)");
        }
        return v;
    }

    private static StepRecord record(int i, double t, GuidanceGradient g, int measured, Batch x, CellSpec spec,
                                     IdealGradient ideal, double[] metricsNanos) {
        if (g == null) {
            return StepRecord.unguided(i, t);
        }
        if (measured == 0) {
            return StepRecord.unmeasured(i, t, g);
        }
        long start = System.nanoTime();
        Batch sub = firstRows(x, measured);
        Dynamics fm = Dynamics.inTime(spec.model(), Paths.byName(spec.path()));
        GuidanceGradient gStar = ideal.gradient(fm, spec.objective(), sub, t, null);
        StepRecord r = StepRecord.measured(i, t, g, firstRows(g.gradient(), measured), gStar, spec.objective());
        metricsNanos[0] += System.nanoTime() - start;
        return r;
    }

    static Batch firstRows(Batch x, int n) {
        return new Batch(Arrays.copyOf(x.data(), n * x.cols()), n, x.cols());
    }
}
