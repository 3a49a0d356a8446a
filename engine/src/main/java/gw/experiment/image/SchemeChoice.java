package gw.experiment.image;

import gw.solver.Solvers;
import gw.spec.CellSpec;
import gw.spec.CellSpec.NoiseOptimizationSettings;
import gw.spec.Limits;
import gw.spec.SchemeRegistry;
import java.util.List;

/**
 * One guidance scheme with its settings, as an image reconstruction runs it: the scheme's name in
 * {@link SchemeRegistry} ("none", "greedy", "lookahead", "end-to-end", "adjoint", "noise-optimization") and the
 * settings that scheme reads. The schemes themselves are gw.guidance's, built through the registry; this record only
 * names them. Use the factories ({@link #greedy()}, {@link #lookahead(int, String)}, ...) rather than the constructor.
 *
 * @param scheme a registered scheme name
 * @param horizon lookahead steps H (lookahead only)
 * @param lookaheadSolver the lookahead's solver (lookahead only): ddim, euler, midpoint, heun or rk4
 * @param dpsNormalize DPS normalisation of the scale, s / sqrt(2 L(xhat1)) per image (MATH eq. (3.7))
 * @param checkpoint backpropagation storage of lookahead, end-to-end and noise optimisation: none, segments or binomial
 * @param checkpointParam segment length (segments) or snapshot count (binomial)
 * @param adjointSolver the continuous adjoint's backward Runge-Kutta method (adjoint, noise optimisation by adjoint)
 * @param noiseOptimization optimiser settings (noise-optimization only)
 * @param label the name shown in tables and grids and used in file names; empty: {@link #defaultLabel()}
 */
public record SchemeChoice(String scheme, int horizon, String lookaheadSolver, boolean dpsNormalize,
                           String checkpoint, int checkpointParam, String adjointSolver,
                           NoiseOptimizationSettings noiseOptimization, String label) {

    public SchemeChoice {
        SchemeRegistry.get(scheme); // unknown names are an error naming the known ones
        if (horizon < 1 || horizon > Limits.MAX_HORIZON) {
            throw new IllegalArgumentException("horizon must be in 1.." + Limits.MAX_HORIZON + ", got " + horizon);
        }
        if (!Solvers.NAMES.contains(lookaheadSolver)) {
            throw new IllegalArgumentException("lookaheadSolver must be one of " + String.join(", ", Solvers.NAMES)
                    + ", got '" + lookaheadSolver + "'");
        }
        if (!CellSpec.CHECKPOINTS.contains(checkpoint) || checkpointParam < 0) {
            throw new IllegalArgumentException("checkpoint must be one of " + String.join(", ", CellSpec.CHECKPOINTS)
                    + " with a param >= 0, got '" + checkpoint + "', " + checkpointParam);
        }
        SchemeRegistry.tableau(adjointSolver); // a Runge-Kutta method
        noiseOptimization = noiseOptimization == null ? NoiseOptimizationSettings.DEFAULT : noiseOptimization;
        label = label == null || label.isBlank() ? defaultLabel(scheme, horizon, lookaheadSolver, dpsNormalize)
                : label.strip();
    }

    /** Plain sampling: no guidance (the model's own sample, for reference). */
    public static SchemeChoice none() {
        return of("none");
    }

    /** Greedy (posterior, DPS-like) guidance: one VJP per step, the step's own model evaluation reused. */
    public static SchemeChoice greedy() {
        return of("greedy");
    }

    /** Greedy with DPS normalisation of the scale. */
    public static SchemeChoice greedyDps() {
        return new SchemeChoice("greedy", 1, "euler", true, "none", 0, "rk4", null, "");
    }

    /** Lookahead: H equal steps of {@code solver} from t to 1, differentiated through. */
    public static SchemeChoice lookahead(int horizon, String solver) {
        return new SchemeChoice("lookahead", horizon, solver, false, "none", 0, "rk4", null, "");
    }

    /** End-to-end through the rest of the sampling solve, all states kept. */
    public static SchemeChoice endToEnd() {
        return of("end-to-end");
    }

    /**
     * End-to-end with binomial (Revolve) checkpointing: at most {@code snapshots} states kept, so memory stays flat
     * in N; the backward pass recomputes the rest (more NFEs, the same gradient).
     */
    public static SchemeChoice endToEndCheckpointed(int snapshots) {
        return new SchemeChoice("end-to-end", 1, "euler", false, "binomial", snapshots, "rk4", null, "");
    }

    /** The continuous adjoint with an RK4 backward solve. */
    public static SchemeChoice adjoint() {
        return of("adjoint");
    }

    /** D-Flow style noise optimisation: Adam on the initial noise through the whole solve. */
    public static SchemeChoice noiseOptimization(int iterations, double learningRate) {
        return new SchemeChoice("noise-optimization", 1, "euler", false, "none", 0, "rk4",
                new NoiseOptimizationSettings("adam", iterations, learningRate, 1.0), "");
    }

    private static SchemeChoice of(String scheme) {
        return new SchemeChoice(scheme, 1, "euler", false, "none", 0, "rk4", null, "");
    }

    /** The same choice shown under another label. */
    public SchemeChoice withLabel(String other) {
        return new SchemeChoice(scheme, horizon, lookaheadSolver, dpsNormalize, checkpoint, checkpointParam,
                adjointSolver, noiseOptimization, other);
    }

    /** The same choice with another checkpoint strategy. */
    public SchemeChoice withCheckpoint(String mode, int param) {
        return new SchemeChoice(scheme, horizon, lookaheadSolver, dpsNormalize, mode, param, adjointSolver,
                noiseOptimization, label);
    }

    /** "greedy", "greedy-dps", "lookahead-2-euler", "end-to-end", "adjoint", "noise-optimization", "none". */
    public String defaultLabel() {
        return defaultLabel(scheme, horizon, lookaheadSolver, dpsNormalize);
    }

    private static String defaultLabel(String scheme, int horizon, String lookaheadSolver, boolean dps) {
        String base = "lookahead".equals(scheme) ? "lookahead-" + horizon + "-" + lookaheadSolver : scheme;
        return dps ? base + "-dps" : base;
    }

    /** Names allowed for the scheme field. */
    public static List<String> schemes() {
        return SchemeRegistry.names();
    }
}
