package gw.spec;

import gw.model.TargetPredictor;
import gw.objective.Objective;
import java.util.List;

/**
 * One fully resolved run: the model and loss, the sampling grid and solver, the guidance scheme and its settings,
 * the particles and their seed, and what to measure. A sweep expands into many of these.
 *
 * @param scheme one of {@link #SCHEMES}
 * @param horizon lookahead steps H (scheme "lookahead")
 * @param scalePerUnitTime the scale is per unit time: x_{i+1} = Step(x_i) - s h g with h = t_{i+1} - t_i, so N
 *                         does not change the guidance strength (false: per step, - s g)
 * @param tStart guidance acts only for t in [tStart, tEnd]
 * @param metricParticles the first this-many particles get per-step gradient errors against the ideal
 * @param checkpoint backprop memory strategy of lookahead/end-to-end: "none", "segments" or "binomial"
 * @param checkpointParam segment length (segments) or snapshot count (binomial)
 * @param trajectoryParticles the first this-many particles have their whole trajectory recorded
 */
public record CellSpec(
        TargetPredictor model, Objective objective,
        String path, String solver, int steps,
        String scheme, int horizon, String lookaheadSolver,
        double scale, boolean dpsNormalize, boolean scalePerUnitTime, double tStart, double tEnd,
        int particles, long seed,
        int metricParticles, double idealTolerance,
        String adjointSolver, String checkpoint, int checkpointParam,
        int trajectoryParticles,
        NoiseOptimizationSettings noiseOptimization) {

    /** The scheme names of {@link SchemeRegistry}: a live view, so a registered scheme is a valid spec value. */
    public static final List<String> SCHEMES = SchemeRegistry.names();
    public static final List<String> CHECKPOINTS = List.of("none", "segments", "binomial");

    /**
     * Settings of initial-noise optimisation (scheme "noise-optimization"); {@code adjoint} takes the gradient through
     * the continuous adjoint (flat memory) instead of backpropagation through the sampling solve.
     */
    public record NoiseOptimizationSettings(String optimizer, int iterations, double learningRate,
                                            double priorWeight, boolean adjoint) {
        public static final NoiseOptimizationSettings DEFAULT =
                new NoiseOptimizationSettings("adam", 50, 0.05, 1.0);

        /** Gradients by backpropagation through the solve. */
        public NoiseOptimizationSettings(String optimizer, int iterations, double learningRate, double priorWeight) {
            this(optimizer, iterations, learningRate, priorWeight, false);
        }
    }

    /** Sensible defaults around a model and loss: ot, euler, N = 20, greedy, s = 0.5, 512 particles, seed 0. */
    public static CellSpec defaults(TargetPredictor model, Objective objective) {
        return new CellSpec(model, objective, "ot", "euler", 20, "greedy", 1, "euler", 0.5, false, false, 0.0, 1.0,
                512, 0L, 16, 1e-6, "rk4", "none", 0, 0, NoiseOptimizationSettings.DEFAULT);
    }

    /** A builder holding this spec's values, to change a few of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.model = model;
        b.objective = objective;
        b.path = path;
        b.solver = solver;
        b.steps = steps;
        b.scheme = scheme;
        b.horizon = horizon;
        b.lookaheadSolver = lookaheadSolver;
        b.scale = scale;
        b.dpsNormalize = dpsNormalize;
        b.scalePerUnitTime = scalePerUnitTime;
        b.tStart = tStart;
        b.tEnd = tEnd;
        b.particles = particles;
        b.seed = seed;
        b.metricParticles = metricParticles;
        b.idealTolerance = idealTolerance;
        b.adjointSolver = adjointSolver;
        b.checkpoint = checkpoint;
        b.checkpointParam = checkpointParam;
        b.trajectoryParticles = trajectoryParticles;
        b.noiseOptimization = noiseOptimization;
        return b;
    }

    /** Mutable copy of a spec's fields; {@link #build()} makes the immutable spec. */
    public static final class Builder {
        private TargetPredictor model;
        private Objective objective;
        private String path;
        private String solver;
        private int steps;
        private String scheme;
        private int horizon;
        private String lookaheadSolver;
        private double scale;
        private boolean dpsNormalize;
        private boolean scalePerUnitTime;
        private double tStart;
        private double tEnd;
        private int particles;
        private long seed;
        private int metricParticles;
        private double idealTolerance;
        private String adjointSolver;
        private String checkpoint;
        private int checkpointParam;
        private int trajectoryParticles;
        private NoiseOptimizationSettings noiseOptimization;

        public Builder model(TargetPredictor v) {
            model = v;
            return this;
        }

        public Builder objective(Objective v) {
            objective = v;
            return this;
        }

        public Builder path(String v) {
            path = v;
            return this;
        }

        public Builder solver(String v) {
            solver = v;
            return this;
        }

        public Builder steps(int v) {
            steps = v;
            return this;
        }

        public Builder scheme(String v) {
            scheme = v;
            return this;
        }

        public Builder horizon(int v) {
            horizon = v;
            return this;
        }

        public Builder lookaheadSolver(String v) {
            lookaheadSolver = v;
            return this;
        }

        public Builder scale(double v) {
            scale = v;
            return this;
        }

        public Builder dpsNormalize(boolean v) {
            dpsNormalize = v;
            return this;
        }

        public Builder tStart(double v) {
            tStart = v;
            return this;
        }

        public Builder tEnd(double v) {
            tEnd = v;
            return this;
        }

        public Builder particles(int v) {
            particles = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder metricParticles(int v) {
            metricParticles = v;
            return this;
        }

        public Builder idealTolerance(double v) {
            idealTolerance = v;
            return this;
        }

        public Builder adjointSolver(String v) {
            adjointSolver = v;
            return this;
        }

        public Builder checkpoint(String v) {
            checkpoint = v;
            return this;
        }

        public Builder checkpointParam(int v) {
            checkpointParam = v;
            return this;
        }

        public Builder trajectoryParticles(int v) {
            trajectoryParticles = v;
            return this;
        }

        public Builder scalePerUnitTime(boolean v) {
            scalePerUnitTime = v;
            return this;
        }

        public Builder noiseOptimization(NoiseOptimizationSettings v) {
            noiseOptimization = v;
            return this;
        }

        public CellSpec build() {
            return new CellSpec(model, objective, path, solver, steps, scheme, horizon, lookaheadSolver, scale,
                    dpsNormalize, scalePerUnitTime, tStart, tEnd, particles, seed, metricParticles, idealTolerance, adjointSolver,
                    checkpoint, checkpointParam, trajectoryParticles, noiseOptimization);
        }
    }
}
