package gw.spec;

/**
 * Checks across settings, after each field passed on its own: combinations that cannot run, and a total-work
 * guard so a spec that would run for hours is refused before it starts.
 */
final class ExperimentLimits {
    /** About twenty minutes of fused float64 work on two cores. */
    static final double MAX_OPERATIONS = 1e12;

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
