package gw.cli;

import gw.guidance.GradientScheme;
import gw.guidance.GuidedSampler;
import gw.guidance.Lookahead;
import gw.objective.SquaredDistance;
import gw.path.Paths;
import gw.solver.Dynamics;
import gw.solver.Grid;
import gw.solver.Solvers;
import gw.solver.Step;
import gw.tensor.Batch;
import gw.tensor.Noise;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Guided sampling throughput on the reference 2-D mixture: for each horizon H, x_{i+1} = Euler(x_i) - s g_H(x_i)
 * with g_H backpropagated through H equal Euler steps from t_i to 1 ("all" = N - i, end-to-end).
 * Prints the median of several timed runs after warm-up.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time guided sampling on the reference 2-D GMM for several lookahead horizons.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--particles", description = "Particles (default ${DEFAULT-VALUE}).", defaultValue = "4096")
    int particles;

    @Option(names = "--steps", description = "Sampling steps N (default ${DEFAULT-VALUE}).", defaultValue = "50")
    int steps;

    @Option(names = "--horizons", split = ",", description = "Horizons, 'all' for N - i (default 1,5,all).",
            defaultValue = "1,5,all")
    List<String> horizons;

    @Mixin
    TimedRuns timing;

    @Option(names = "--scale", description = "Guidance scale s (default ${DEFAULT-VALUE}).", defaultValue = "0.5")
    double scale;

    @Mixin
    ReferenceProblem problem;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        ReferenceProblem.requireRange(command.commandLine(), "--particles", particles, 1, 1_000_000);
        ReferenceProblem.requireRange(command.commandLine(), "--steps", steps, 1, 10_000);
        timing.validate(command.commandLine());
        if (!(scale >= 0 && scale <= 1e6)) {
            throw new ParameterException(command.commandLine(), "--scale must be in 0..1e6, got " + scale);
        }
        // every option is checked, and the work and memory estimated, before the first measurement
        int[] parsed = horizons.stream().mapToInt(this::parseHorizon).toArray();
        for (int horizon : parsed) {
            guard(horizon == 0 ? steps : horizon);
        }
        for (int j = 0; j < parsed.length; j++) {
            String h = horizons.get(j);
            int horizon = parsed[j];
            double median = timing.measure(() -> runOnce(horizon)).medianMs();
            out.printf("horizon=%s particles=%d steps=%d ms=%.1f (median of %d runs after %d warm-up) "
                    + "particle-steps/s=%.0f%n", h, particles, steps, median, timing.runs, timing.warmup,
                    particles * (double) steps / (median / 1000.0));
        }
        out.flush();
        return 0;
    }

    /**
     * Refuses a measurement above the run command's limits: 1e12 multiply-adds for all runs, or more kept for one
     * backward pass (H Euler records per particle) than 60 % of the heap.
     */
    private void guard(int horizon) {
        double evaluation = gw.spec.Workload.evaluationCost(ReferenceProblem.GMM);
        double ops = (double) particles * steps * (1 + 2.0 * horizon) * evaluation * (timing.runs + timing.warmup);
        if (ops > 1e12) {
            throw new ParameterException(command.commandLine(), String.format("--horizons %d with --particles %d "
                    + "and --steps %d would take about %.2g multiply-adds over all runs; at most 1e12 are allowed",
                    horizon, particles, steps, ops));
        }
        double bytes = 8.0 * particles * horizon * (gw.spec.Workload.retainedPerEvaluation(ReferenceProblem.GMM) + 2);
        double heap = 0.6 * Runtime.getRuntime().maxMemory();
        if (bytes > heap) {
            throw new ParameterException(command.commandLine(), String.format("--horizons %d with --particles %d "
                    + "would keep about %.0f MiB for one backward pass; this JVM may use %.0f MiB (-Xmx)", horizon,
                    particles, bytes / (1 << 20), heap / (1 << 20)));
        }
    }

    private int parseHorizon(String h) {
        if (h.equals("all")) {
            return 0;
        }
        try {
            int v = Integer.parseInt(h);
            if (v >= 1 && v <= 10_000) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ParameterException(command.commandLine(), "--horizons entries must be 1..10000 or 'all', got '" + h + "'");
    }

    /** One guided solve; horizon 0 means end-to-end through the remaining grid. */
    Batch runOnce(int horizon) {
        Step euler = Solvers.byName("euler");
        double[] grid = Grid.uniform(steps);
        GradientScheme scheme = horizon == 0
                ? new gw.guidance.EndToEnd(euler, grid, 1)
                : new Lookahead(euler, horizon);
        Dynamics f = Dynamics.inTime(ReferenceProblem.GMM, Paths.byName("ot"));
        SquaredDistance loss = ReferenceProblem.loss();
        Batch x0 = Noise.gaussian(particles, 2, problem.seed);
        return GuidedSampler.sample(f, loss, x0, new GuidedSampler.Settings(euler, grid, scheme, scale), null);
    }
}
