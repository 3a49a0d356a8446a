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

    /** A pessimistic multiply-add count of one cell (see {@link Workload} for the per-evaluation costs). */
    static double operations(CellSpec c) {
        double eval = Workload.evaluationCost(c.model());
        int n = c.steps();
        int stages = gw.solver.Solvers.byName(c.solver()).evaluationsPerStep();
        int laStages = gw.solver.Solvers.byName(c.lookaheadSolver()).evaluationsPerStep();
        double guidancePerStep = switch (c.scheme()) {
            case "greedy" -> 2;
            case "lookahead" -> 2.0 * c.horizon() * laStages;
            case "end-to-end" -> 2.0 * n * stages;
            case "adjoint" -> 3.0 * n * 4;
            case "noise-optimization" -> 4.0 * c.noiseOptimization().iterations() * stages;
            default -> 0;
        };
        double sampling = (double) c.particles() * n * (stages + guidancePerStep) * eval;
        double metrics = "none".equals(c.scheme()) ? 0
                : (double) c.metricParticles() * n * 2 * 2 * Workload.IDEAL_NOMINAL_STEPS * 4 * eval;
        return sampling + metrics;
    }
}
