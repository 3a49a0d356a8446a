package gw.experiment;

import gw.guidance.NoiseOptimization;
import gw.path.Paths;
import gw.solver.Dynamics;
import gw.solver.Grid;
import gw.solver.Solvers;
import gw.spec.CellSpec;
import gw.spec.SchemeRegistry;
import gw.tensor.Batch;
import gw.tensor.Noise;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * A cell with scheme "noise-optimization": optimise each particle's initial noise through the whole sampling
 * solve (D-Flow style), starting from the same seeded noise as every other scheme. The optimisation is the
 * guidance phase of the cost; there are no per-step guidance gradients to compare with the ideal.
 */
final class NoiseOptimizationCell {
    private NoiseOptimizationCell() {
    }

    static CellResult run(int index, CellSpec spec, DoubleConsumer progress) {
        Dynamics f = Dynamics.inTime(spec.model(), Paths.byName(spec.path()));
        Batch x0 = Noise.gaussian(spec.particles(), spec.model().dim(), spec.seed());
        NoiseOptimization.Result r = new NoiseOptimization(settings(spec)).optimize(f, spec.objective(), x0);
        progress.accept(1.0);
        List<Batch> trajectories = spec.trajectoryParticles() > 0
                ? List.of(CellRunner.firstRows(r.x0(), Math.min(spec.trajectoryParticles(), spec.particles())),
                        CellRunner.firstRows(r.x1(), Math.min(spec.trajectoryParticles(), spec.particles())))
                : List.of();
        CellResult done = CellRunner.finish(index, spec, r.x1(), List.of(), trajectories,
                new long[] {0, r.nfe(), r.vjps(), r.peakRetainedBytes()}, new double[] {0, r.nanos() / 1e6, 0});
        return new CellResult(done.index(), done.spec(), done.status(), done.error(), done.samples(), done.loss(),
                done.logLikelihood(), done.steps(), done.summary(), done.trajectories(), r.x0());
    }

    /** One more optimisation for timing: {sampling ms (0), guidance ms}. */
    static double[] timeOnce(CellSpec spec) {
        Dynamics f = Dynamics.inTime(spec.model(), Paths.byName(spec.path()));
        Batch x0 = Noise.gaussian(spec.particles(), spec.model().dim(), spec.seed());
        NoiseOptimization.Result r = new NoiseOptimization(settings(spec)).optimize(f, spec.objective(), x0);
        return new double[] {0, r.nanos() / 1e6};
    }

    private static NoiseOptimization.Settings settings(CellSpec spec) {
        CellSpec.NoiseOptimizationSettings n = spec.noiseOptimization();
        NoiseOptimization.Settings settings = new NoiseOptimization.Settings(Solvers.byName(spec.solver()),
                Grid.uniform(spec.steps()), n.iterations(), n.learningRate(), n.priorWeight(), n.optimizer())
                .withBackprop(SchemeRegistry.backprop(spec));
        // the cell's adjointSolver, as for scheme "adjoint"
        return n.adjoint() ? settings.withAdjoint(SchemeRegistry.tableau(spec.adjointSolver())) : settings;
    }
}
