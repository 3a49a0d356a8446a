package gw.app.state;

import gw.model.TargetPredictor;
import gw.objective.SquaredDistance;
import gw.spec.CellSpec;
import java.util.List;

/**
 * Everything the controls set, as one immutable value: a change of any control is a new Settings, and a run is a
 * pure function of it. {@link #cellSpec(String)} turns it into the engine's cell for one scheme.
 *
 * @param horizon lookahead steps H; H >= steps means end-to-end
 * @param schemes enabled schemes, in {@link Schemes#ALL} order
 */
public record Settings(TargetPredictor model, double targetX, double targetY, String path, String solver,
                       String lookaheadSolver, int steps, int horizon, double scale, int particles, long seed,
                       List<String> schemes, boolean trajectories) {

    /** Particles whose trajectories are drawn and offered to the inspector. */
    public static final int TRACED = 24;
    /**
     * Most particles whose every state x_0 .. x_N an interactive run records, for the time scrubber (2 doubles per
     * particle and step: 4096 particles at N = 200 keep 13 MB per scheme).
     */
    public static final int SCRUBBED = 4096;
    /** Particles whose per-step gradient error against the ideal is measured in the interactive view. */
    public static final int METRIC_PARTICLES = 8;
    /**
     * Stopping rule of the ideal's step doubling (change between two RK4 solves). RK4's error after the last
     * doubling is about a fifteenth of that change, so 1e-3 places the ideal to ~1e-4, well below the errors
     * plotted, at under half the cost of 1e-4 (early times need 128 instead of 256 steps).
     */
    public static final double IDEAL_TOLERANCE = 1e-3;

    public Settings {
        schemes = Schemes.ordered(schemes);
    }

    /** Whether the lookahead slider sits at its top, which is end-to-end. */
    public boolean horizonIsEndToEnd() {
        return horizon >= steps;
    }

    /** The horizon actually used, never more than the step count. */
    public int effectiveHorizon() {
        return Math.min(horizon, steps);
    }

    /**
     * The cell the interactive view samples: no per-step ideal (measured afterwards on a few steps by
     * ErrorProfile, so samples are drawn first), and every particle's states recorded (up to {@link #SCRUBBED}) so
     * the time scrubber redraws any step without recomputing.
     */
    public CellSpec samplingSpec(String scheme) {
        return cellSpec(scheme).toBuilder().metricParticles(0)
                .trajectoryParticles(Math.min(particles, SCRUBBED)).build();
    }

    /** The engine cell of one scheme under these settings, measuring gradient error as a saved experiment does. */
    public CellSpec cellSpec(String scheme) {
        String engineScheme = "lookahead".equals(scheme) && horizonIsEndToEnd() ? "end-to-end" : scheme;
        return CellSpec.defaults(model, new SquaredDistance(new double[] {targetX, targetY})).toBuilder()
                .path(path).solver(solver).lookaheadSolver(lookaheadSolver).steps(steps)
                .scheme(engineScheme).horizon(effectiveHorizon()).scale(scale)
                .particles(particles).seed(seed)
                .metricParticles(METRIC_PARTICLES).idealTolerance(IDEAL_TOLERANCE)
                .adjointSolver(solver.equals("ddim") ? "rk4" : solver)
                .trajectoryParticles(TRACED)
                .build();
    }

    public Settings withModel(TargetPredictor v) {
        return new Settings(v, targetX, targetY, path, solver, lookaheadSolver, steps, horizon, scale, particles,
                seed, schemes, trajectories);
    }

    public Settings withTarget(double x, double y) {
        return new Settings(model, x, y, path, solver, lookaheadSolver, steps, horizon, scale, particles,
                seed, schemes, trajectories);
    }

    public Settings withPath(String v) {
        return new Settings(model, targetX, targetY, v, solver, lookaheadSolver, steps, horizon, scale, particles,
                seed, schemes, trajectories);
    }

    public Settings withSolver(String v) {
        return new Settings(model, targetX, targetY, path, v, lookaheadSolver, steps, horizon, scale, particles,
                seed, schemes, trajectories);
    }

    public Settings withLookaheadSolver(String v) {
        return new Settings(model, targetX, targetY, path, solver, v, steps, horizon, scale, particles,
                seed, schemes, trajectories);
    }

    public Settings withSteps(int v) {
        return new Settings(model, targetX, targetY, path, solver, lookaheadSolver, v, horizon, scale, particles,
                seed, schemes, trajectories);
    }

    public Settings withHorizon(int v) {
        return new Settings(model, targetX, targetY, path, solver, lookaheadSolver, steps, v, scale, particles,
                seed, schemes, trajectories);
    }

    public Settings withScale(double v) {
        return new Settings(model, targetX, targetY, path, solver, lookaheadSolver, steps, horizon, v, particles,
                seed, schemes, trajectories);
    }

    public Settings withParticles(int v) {
        return new Settings(model, targetX, targetY, path, solver, lookaheadSolver, steps, horizon, scale, v,
                seed, schemes, trajectories);
    }

    public Settings withSeed(long v) {
        return new Settings(model, targetX, targetY, path, solver, lookaheadSolver, steps, horizon, scale,
                particles, v, schemes, trajectories);
    }

    public Settings withSchemes(List<String> v) {
        return new Settings(model, targetX, targetY, path, solver, lookaheadSolver, steps, horizon, scale,
                particles, seed, v, trajectories);
    }

    public Settings withTrajectories(boolean v) {
        return new Settings(model, targetX, targetY, path, solver, lookaheadSolver, steps, horizon, scale,
                particles, seed, schemes, v);
    }
}
