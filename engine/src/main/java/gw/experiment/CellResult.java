package gw.experiment;

import gw.spec.CellSpec;
import gw.tensor.Batch;
import java.util.List;

/**
 * The outcome of one cell: complete with samples, per-step records and a summary, or failed with the error
 * (NaN, divergence, bad settings), which a sweep records and goes past.
 *
 * @param trajectories states x_0 .. x_N of the first {@code spec.trajectoryParticles()} particles, or empty
 */
public record CellResult(int index, CellSpec spec, Status status, String error, Batch samples, double[] loss,
                         double[] logLikelihood, List<StepRecord> steps, CellSummary summary,
                         List<Batch> trajectories) {

    public enum Status { COMPLETE, FAILED, CANCELLED }

    public static CellResult failed(int index, CellSpec spec, String error) {
        return new CellResult(index, spec, Status.FAILED, error, null, null, null, List.of(), null, List.of());
    }

    public boolean complete() {
        return status == Status.COMPLETE;
    }
}
