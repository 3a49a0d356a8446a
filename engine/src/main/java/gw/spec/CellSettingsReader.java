package gw.spec;

import java.util.List;

/** Reads and checks the per-cell settings of an experiment spec into a builder; absent fields keep defaults. */
final class CellSettingsReader {
    static final int MAX_PARTICLES = 1_000_000;
    static final int MAX_STEPS = 10_000;
    static final int MAX_MEASURED = 4096;
    static final int MAX_ITERATIONS = 100_000;
    static final double MAX_SCALE = 1e6;
    static final List<String> SCALE_PER = List.of("step", "unit-time");

    private CellSettingsReader() {
    }

    static void read(Field root, CellSpec.Builder b) {
        root.optional("path").ifPresent(f -> b.path(f.oneOf(ExperimentJson.allowed("path"))));
        root.optional("solver").ifPresent(f -> b.solver(f.oneOf(ExperimentJson.allowed("solver"))));
        root.optional("lookaheadSolver").ifPresent(f -> b.lookaheadSolver(f.oneOf(ExperimentJson.allowed("solver"))));
        root.optional("adjointSolver").ifPresent(f -> b.adjointSolver(f.oneOf(ExperimentJson.allowed("adjointSolver"))));
        root.optional("scheme").ifPresent(f -> b.scheme(f.oneOf(CellSpec.SCHEMES)));
        root.optional("steps").ifPresent(f -> b.steps(f.integer(1, MAX_STEPS)));
        root.optional("horizon").ifPresent(f -> b.horizon(f.integer(1, Limits.MAX_HORIZON)));
        root.optional("scale").ifPresent(f -> b.scale(scale(f)));
        root.optional("dpsNormalize").ifPresent(f -> b.dpsNormalize(bool(f)));
        root.optional("scalePer").ifPresent(f -> b.scalePerUnitTime("unit-time".equals(f.oneOf(SCALE_PER))));
        root.optional("particles").ifPresent(f -> b.particles(f.integer(1, MAX_PARTICLES)));
        root.optional("seed").ifPresent(f -> b.seed(seed(f)));
        root.optional("trajectories").ifPresent(f -> b.trajectoryParticles(f.integer(0, MAX_MEASURED)));
        root.optional("window").ifPresent(f -> {
            double[] w = f.vector(2, "[tStart, tEnd]");
            f.require(w[0] >= 0 && w[0] <= w[1] && w[1] <= 1, "must satisfy 0 <= tStart <= tEnd <= 1, got ["
                    + w[0] + ", " + w[1] + "]");
            b.tStart(w[0]).tEnd(w[1]);
        });
        root.optional("metrics").ifPresent(f -> {
            f.object(List.of("particles", "idealTolerance"));
            f.optional("particles").ifPresent(p -> b.metricParticles(p.integer(0, MAX_MEASURED)));
            f.optional("idealTolerance").ifPresent(p -> {
                double tol = p.number();
                p.require(tol >= 1e-12 && tol <= 0.1, "must be in [1e-12, 0.1], got " + tol);
                b.idealTolerance(tol);
            });
        });
        root.optional("checkpoint").ifPresent(f -> {
            f.object(List.of("mode", "param"));
            b.checkpoint(f.get("mode").oneOf(CellSpec.CHECKPOINTS));
            f.optional("param").ifPresent(p -> b.checkpointParam(p.integer(0, MAX_STEPS)));
        });
        root.optional("noiseOptimization").ifPresent(f -> {
            f.object(List.of("optimizer", "iterations", "learningRate", "priorWeight", "gradient"));
            CellSpec.NoiseOptimizationSettings d = CellSpec.NoiseOptimizationSettings.DEFAULT;
            String opt = f.optional("optimizer").map(o -> o.oneOf(List.of("adam", "lbfgs"))).orElse(d.optimizer());
            int it = f.optional("iterations").map(o -> o.integer(0, MAX_ITERATIONS)).orElse(d.iterations());
            double lr = f.optional("learningRate").map(o -> bounded(o, 1e-12, 1e6)).orElse(d.learningRate());
            double pw = f.optional("priorWeight").map(o -> bounded(o, 0, 1e6)).orElse(d.priorWeight());
            boolean adjoint = f.optional("gradient").map(o -> o.oneOf(List.of("backprop", "adjoint")))
                    .map("adjoint"::equals).orElse(d.adjoint());
            b.noiseOptimization(new CellSpec.NoiseOptimizationSettings(opt, it, lr, pw, adjoint));
        });
    }

    static double scale(Field f) {
        return bounded(f, 0, MAX_SCALE);
    }

    static long seed(Field f) {
        long v = f.integer();
        // integer() saturates: Long.MAX_VALUE also stands for every larger number, which must not become a seed
        f.require(v >= 0 && v < Long.MAX_VALUE, "must be an integer from 0 to " + (Long.MAX_VALUE - 1) + ", got "
                + Field.shortened(f.node().asText()));
        return v;
    }

    static double bounded(Field f, double min, double max) {
        double v = f.number();
        f.require(v >= min && v <= max, "must be in [" + min + ", " + max + "], got " + v);
        return v;
    }

    private static boolean bool(Field f) {
        f.require(f.node().isBoolean(), "must be true or false, got " + Field.describe(f.node()));
        return f.node().booleanValue();
    }
}
