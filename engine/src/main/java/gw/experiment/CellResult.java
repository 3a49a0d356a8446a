package gw.experiment;

import gw.spec.CellSpec;
import gw.tensor.Batch;
import gw.tensor.Noise;
import java.util.List;

/**
 * The outcome of one cell: complete with samples, per-step records and a summary, or failed with the error
 * (NaN, divergence, bad settings), which a sweep records and goes past.
 *
 * @param trajectories states x_0 .. x_N of the first {@code spec.trajectoryParticles()} particles, or empty
 * @param optimisedNoise the initial noise that noise optimisation arrived at (null for other schemes)
 */
public record CellResult(int index, CellSpec spec, Status status, String error, Batch samples, double[] loss,
                         double[] logLikelihood, List<StepRecord> steps, CellSummary summary,
                         List<Batch> trajectories, Batch optimisedNoise) {

    public enum Status { COMPLETE, FAILED, CANCELLED }

    public static CellResult failed(int index, CellSpec spec, String error) {
        return new CellResult(index, spec, Status.FAILED, error, null, null, null, List.of(), null, List.of(), null);
    }

    /** The cell's initial noise x0, regenerated from its seed (gw.tensor.Noise: java.util.Random.nextGaussian). */
    public Batch initialNoise() {
        return Noise.gaussian(spec.particles(), spec.model().dim(), spec.seed());
    }

    public boolean complete() {
        return status == Status.COMPLETE;
    }
}
