package gw.experiment.image;

import gw.solver.BinomialCheckpointing;
import gw.solver.Solvers;
import gw.spec.SchemeRegistry;

/**
 * The documented cost of one reconstruction in network passes, per image, for N sampling steps of a solver with s
 * stages (T = N (N + 1) / 2, the remaining steps summed over the grid). The model evaluation at (x_i, t_i) that the
 * sampling step makes is shared with the scheme, hence the "- 1" per step.
 *
 * <table>
 * <caption>NFEs and VJPs per image</caption>
 * <tr><th>scheme</th><th>NFEs</th><th>VJPs</th></tr>
 * <tr><td>none (or scale 0)</td><td>N s</td><td>0</td></tr>
 * <tr><td>greedy</td><td>N s</td><td>N</td></tr>
 * <tr><td>lookahead H, solver with S stages</td><td>N s + N (H S - 1)</td><td>N H S</td></tr>
 * <tr><td>end-to-end (no checkpoints)</td><td>N s + s T - N</td><td>s T</td></tr>
 * <tr><td>adjoint, backward tableau with q stages</td><td>N s + (s + q) T - N</td><td>q T</td></tr>
 * <tr><td>noise optimisation, Adam, k &ge; 1 iterations</td><td>(k + 1) N s</td><td>k N s</td></tr>
 * </table>
 * Checkpointed end-to-end recomputes states: {@link #nfe} is then an upper bound, N s + 2 s T with segments and
 * N s + s sum_m (t(m, c) + m) with binomial checkpointing of c snapshots, t(m, c) Revolve's forward re-steps
 * ({@link BinomialCheckpointing#minimalAdvances}); L-BFGS adds line-search evaluations (estimated here as Adam's).
 */
public final class ImageCosts {
    private ImageCosts() {
    }

    /** Whether {@link #nfe} and {@link #vjps} are exact for the request (else they are estimates). */
    public static boolean exact(ReconstructionRequest r) {
        SchemeChoice s = r.scheme();
        return switch (s.scheme()) {
            case "end-to-end" -> "none".equals(s.checkpoint()) || r.scale() == 0;
            case "noise-optimization" -> "adam".equals(s.noiseOptimization().optimizer())
                    && !s.noiseOptimization().adjoint();
            default -> true;
        };
    }

    public static long nfe(ReconstructionRequest r) {
        long n = r.steps();
        long s = stages(r.solver());
        long t = n * (n + 1) / 2;
        SchemeChoice c = r.scheme();
        if (!guided(r)) {
            return n * s;
        }
        return switch (c.scheme()) {
            case "greedy" -> n * s;
            case "lookahead" -> n * s + n * ((long) c.horizon() * stages(c.lookaheadSolver()) - 1);
            case "end-to-end" -> switch (c.checkpoint()) {
                case "segments" -> n * s + 2 * s * t; // each step at most twice: once to store, once to record
                case "binomial" -> n * s + s * revolveSteps(r.steps(), Math.max(1, c.checkpointParam()));
                default -> n * s + s * t - n;
            };
            case "adjoint" -> n * s + (s + SchemeRegistry.tableau(c.adjointSolver()).stages()) * t - n;
            case "noise-optimization" -> (c.noiseOptimization().iterations() == 0 ? 1
                    : c.noiseOptimization().iterations() + 1L) * n * s; // k = 0: one evaluation with its gradient
            default -> n * s;
        };
    }

    public static long vjps(ReconstructionRequest r) {
        long n = r.steps();
        long s = stages(r.solver());
        long t = n * (n + 1) / 2;
        SchemeChoice c = r.scheme();
        if (!guided(r)) {
            return 0;
        }
        return switch (c.scheme()) {
            case "greedy" -> n;
            case "lookahead" -> n * c.horizon() * stages(c.lookaheadSolver());
            case "end-to-end" -> s * t;
            case "adjoint" -> SchemeRegistry.tableau(c.adjointSolver()).stages() * t;
            case "noise-optimization" -> Math.max(1L, c.noiseOptimization().iterations()) * n * s;
            default -> 0;
        };
    }

    /** Forward steps of binomial backpropagation summed over the remaining solves: Revolve's t(m, c) + m. */
    private static long revolveSteps(int n, int snapshots) {
        long total = 0;
        for (int m = 1; m <= n; m++) {
            total += BinomialCheckpointing.minimalAdvances(m, snapshots) + m;
        }
        return total;
    }

    /** NFEs plus VJPs. */
    public static long passes(ReconstructionRequest r) {
        return nfe(r) + vjps(r);
    }

    private static boolean guided(ReconstructionRequest r) {
        String scheme = r.scheme().scheme();
        return "noise-optimization".equals(scheme) || (!"none".equals(scheme) && r.scale() != 0);
    }

    private static long stages(String solver) {
        return Solvers.byName(solver).evaluationsPerStep();
    }
}
