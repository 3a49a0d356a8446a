package gw.experiment;

import gw.guidance.GradientScheme;
import gw.guidance.GuidanceGradient;
import gw.guidance.GuidedSampler;
import gw.guidance.IdealGradient;
import gw.metric.Stats;
import gw.model.ClosedFormDensity;
import gw.path.AffinePath;
import gw.path.Paths;
import gw.solver.Dynamics;
import gw.solver.Grid;
import gw.solver.Solvers;
import gw.spec.CellSpec;
import gw.spec.SchemeRegistry;
import gw.tensor.Batch;
import gw.tensor.Noise;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Runs one cell: guided sampling from seeded noise with the cell's scheme, and per step the scheme's gradient
 * error against the continuous ideal on the first few particles; then final loss, data log-likelihood and cost.
 */
public final class CellRunner {
    private CellRunner() {
    }

    /** Runs the cell on the calling thread; interrupting it cancels (CancellationException) within one op. */
    public static CellResult run(int index, CellSpec spec, DoubleConsumer progress) {
        if ("noise-optimization".equals(spec.scheme())) {
            return NoiseOptimizationCell.run(index, spec, progress);
        }
        AffinePath path = Paths.byName(spec.path());
        Dynamics f = Dynamics.inTime(spec.model(), path);
        GradientScheme scheme = SchemeRegistry.build(spec);
        double[] grid = Grid.uniform(spec.steps());
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
            steps.add(record(i, t, g, measured, x, spec, f, ideal, metricsNanos));
            if (g != null) {
                guidanceNanos[0] += g.nanos();
                guidanceCounts[0] += g.nfe();
                guidanceCounts[1] += g.vjps();
                guidanceCounts[2] = Math.max(guidanceCounts[2], g.peakRetainedBytes());
            }
            progress.accept((i + 1.0) / spec.steps());
        };
        GuidedSampler.Settings settings = new GuidedSampler.Settings(Solvers.byName(spec.solver()), grid, scheme,
                spec.scale(), spec.dpsNormalize(), spec.tStart(), spec.tEnd());
        long start = System.nanoTime();
        long nfeBefore = f.cost().nfe();
        Batch x1 = GuidedSampler.sample(f, spec.objective(), x0, settings, listener);
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

    static CellResult finish(int index, CellSpec spec, Batch x1, List<StepRecord> steps, List<Batch> trajectories,
                             long[] counts, double[] ms) {
        double[] loss = spec.objective().loss(x1);
        double[] loglik = spec.model() instanceof ClosedFormDensity d ? d.logDensity(x1) : null;
        double errSum = 0;
        double cosSum = 0;
        int guided = 0;
        for (StepRecord r : steps) {
            if (!Double.isNaN(r.relErrorMean())) {
                errSum += r.relErrorMean();
                cosSum += r.cosineMean();
                guided++;
            }
        }
        CellSummary summary = new CellSummary(Stats.mean(loss), Stats.median(loss),
                loglik == null ? Double.NaN : Stats.mean(loglik),
                counts[0], counts[1], counts[2], ms[0], ms[1], ms[2], counts[3],
                guided == 0 ? Double.NaN : errSum / guided, guided == 0 ? Double.NaN : cosSum / guided);
        return new CellResult(index, spec, CellResult.Status.COMPLETE, null, x1, loss, loglik, List.copyOf(steps),
                summary, List.copyOf(trajectories));
    }

    private static StepRecord record(int i, double t, GuidanceGradient g, int measured, Batch x, CellSpec spec,
                                     Dynamics f, IdealGradient ideal, double[] metricsNanos) {
        if (g == null) {
            return StepRecord.unguided(i, t);
        }
        if (measured == 0) {
            return StepRecord.unmeasured(i, t, g);
        }
        long start = System.nanoTime();
        Batch sub = firstRows(x, measured);
        Dynamics fm = Dynamics.inTime(spec.model(), Paths.byName(spec.path()));
        Batch gStar = ideal.gradient(fm, spec.objective(), sub, t, null).gradient();
        StepRecord r = StepRecord.measured(i, t, g, firstRows(g.gradient(), measured), gStar);
        metricsNanos[0] += System.nanoTime() - start;
        return r;
    }

    static Batch firstRows(Batch x, int n) {
        return new Batch(Arrays.copyOf(x.data(), n * x.cols()), n, x.cols());
    }
}
