package gw.spec;

/**
 * Checks across settings, after each field passed on its own: combinations that cannot run, and a total-work
 * guard so a spec that would run for hours is refused before it starts.
 */
final class ExperimentLimits {
    /** About twenty minutes of fused float64 work on two cores. */
    static final double MAX_OPERATIONS = 1e12;
    /** The share of the JVM's heap one cell may plan to keep (the rest: results, samples, the JIT, the app). */
    static final double HEAP_SHARE = 0.6;

    private ExperimentLimits() {
    }

    static void check(Field root, ExperimentSpec spec) {
        // only a value the spec sets: the default (16) is measured on min(16, particles) particles
        root.optional("metrics").flatMap(m -> m.optional("particles")).ifPresent(f -> f.require(
                spec.base().metricParticles() <= spec.base().particles(), "must be at most particles = "
                        + spec.base().particles() + ", got " + spec.base().metricParticles()));
        double ops = 0;
        for (CellSpec c : spec.cells()) {
            ops += operations(c);
        }
        if (ops > MAX_OPERATIONS) {
            throw root.error(String.format("would take about %.2g multiply-adds; at most %.0e are allowed "
                    + "(reduce particles, steps, horizon, sweep values or metrics.particles)", ops, MAX_OPERATIONS));
        }
        double bytes = 0;
        for (CellSpec c : spec.cells()) {
            long values = (long) c.particles() * c.model().dim();
            if (values > Integer.MAX_VALUE - 8) {
                throw root.error("particles x D = " + c.particles() + " x " + c.model().dim() + " = " + values
                        + " values do not fit one array (at most 2^31 - 9); use fewer particles");
            }
            bytes = Math.max(bytes, bytes(c));
        }
        double heap = Runtime.getRuntime().maxMemory() * HEAP_SHARE;
        if (bytes > heap) {
            throw root.error(String.format("would keep about %.0f MiB in memory at once; this JVM may use %.0f MiB "
                    + "for it (raise -Xmx, or MAVEN_OPTS=-Xmx... under exec:java; or reduce particles, horizon, steps "
                    + "or use a checkpoint)", bytes / (1 << 20), heap / (1 << 20)));
        }
    }

    /**
     * A pessimistic count of the bytes one cell keeps at once: the states a backward pass keeps (every lookahead or
     * end-to-end step, fewer with checkpoints; a few for the adjoint), the live batches of the solve, and the
     * continuous ideal's record on the measured particles.
     */
    static double bytes(CellSpec c) {
        int d = c.model().dim();
        double perEvaluation = Workload.retainedPerEvaluation(c.model()) + d;
        int stages = gw.solver.Solvers.byName(c.solver()).evaluationsPerStep();
        int laStages = gw.solver.Solvers.byName(c.lookaheadSolver()).evaluationsPerStep();
        double kept = switch (c.scheme()) {
            case "lookahead" -> kept(c, (double) c.horizon() * laStages);
            case "end-to-end", "noise-optimization" -> kept(c, (double) c.steps() * stages);
            case "adjoint" -> 8;
            default -> 0;
        };
        double live = 16.0 * d + (double) c.trajectoryParticles() / Math.max(1, c.particles()) * (c.steps() + 1) * d;
        int k = (int) Math.ceil(Math.sqrt(Workload.IDEAL_NOMINAL_STEPS));
        double ideal = c.metricParticles() * 2.0 * ((double) Workload.IDEAL_NOMINAL_STEPS / k * d + k * 4 * perEvaluation);
        return 8.0 * (c.particles() * (kept * perEvaluation + live) + ideal);
    }

    /** Evaluation records kept by backpropagation through {@code records} of them under the cell's checkpoint. */
    private static double kept(CellSpec c, double records) {
        int param = Math.max(1, c.checkpointParam());
        return switch (c.checkpoint()) {
            case "segments" -> records / param + param;
            case "binomial" -> Math.min(records, param + 1.0);
            default -> records;
        };
    }

    /**
     * A pessimistic multiply-add count of one cell (see {@link Workload} for the per-evaluation costs, and
     * {@link SchemeDescriptor#evaluationsPerStep} for the scheme's); an unknown scheme is an error, not free.
     */
    static double operations(CellSpec c) {
        double eval = Workload.evaluationCost(c.model());
        int n = c.steps();
        int stages = gw.solver.Solvers.byName(c.solver()).evaluationsPerStep();
        SchemeDescriptor scheme = SchemeRegistry.get(c.scheme());
        double guidancePerStep = scheme.evaluationsPerStep().applyAsDouble(c);
        double sampling = (double) c.particles() * n * (stages + guidancePerStep) * eval;
        double metrics = scheme.kind() == SchemeDescriptor.Kind.UNGUIDED ? 0
                : (double) c.metricParticles() * n * 2 * 2 * Workload.IDEAL_NOMINAL_STEPS * 4 * eval;
        return sampling + metrics;
    }
}
