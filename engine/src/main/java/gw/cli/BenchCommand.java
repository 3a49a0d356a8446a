package gw.cli;

import gw.guidance.GradientScheme;
import gw.guidance.GuidedSampler;
import gw.guidance.Lookahead;
import gw.model.LearnedModels;
import gw.model.NetworkPredictor;
import gw.model.TargetPredictor;
import gw.model.net.Mlp;
import gw.model.net.MlpInference;
import gw.model.net.SameDiffMlp;
import gw.model.net.Scratch;
import gw.model.net.Tape;
import java.nio.file.Path;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
        description = "Time guided sampling on the reference 2-D GMM (or an MLP) for several lookahead horizons.")
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

    @Option(names = "--model", description = "gmm (the reference mixture) or mlp (a float32 MLP of width 128, depth 3,"
            + " 16 time frequencies; seeded weights unless --model-file) (default ${DEFAULT-VALUE}).",
            defaultValue = "gmm")
    String model;

    @Option(names = "--model-file", paramLabel = "DIR", description = "A trained model directory for --model mlp.")
    Path modelFile;

    @Spec
    CommandSpec command;

    private TargetPredictor predictor;

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
        Nd4j.zeros(1); // start ND4J's backend before any timing
        long loadStart = System.nanoTime();
        predictor = predictor();
        double loadMs = (System.nanoTime() - loadStart) / 1e6;
        for (int horizon : parsed) {
            guard(horizon);
        }
        if (modelFile != null) {
            out.printf("model load ms=%.1f (first load in this JVM, backend already started)%n", loadMs);
        }
        if (predictor instanceof NetworkPredictor n && n.network() instanceof Mlp mlp) {
            out.printf("network passes: ND4J op threads=%d, lanes=%d (Java threads, each on its share of the rows)%n",
                    Nd4j.getEnvironment().maxThreads(), MlpInference.lanes(particles));
            compareAutodiff(out, mlp);
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
        int longest = horizon == 0 ? steps : horizon; // end-to-end keeps the whole rest of the grid at step 0
        double evaluation = gw.spec.Workload.evaluationCost(predictor);
        double ops = particles * evaluationsPerRun(horizon) * evaluation * (timing.runs + timing.warmup);
        if (ops > 1e12) {
            throw new ParameterException(command.commandLine(), String.format("--horizons %s with --particles %d "
                    + "and --steps %d would take about %.2g multiply-adds over all runs; at most 1e12 are allowed",
                    horizon == 0 ? "all" : String.valueOf(horizon), particles, steps, ops));
        }
        double bytes = 8.0 * particles * longest * (gw.spec.Workload.retainedPerEvaluation(predictor) + 2);
        double heap = 0.6 * Runtime.getRuntime().maxMemory();
        if (bytes > heap) {
            throw new ParameterException(command.commandLine(), String.format("--horizons %d with --particles %d "
                    + "would keep about %.0f MiB for one backward pass; this JVM may use %.0f MiB (-Xmx)", longest,
                    particles, bytes / (1 << 20), heap / (1 << 20)));
        }
    }

    /**
     * Model passes of one sampling run: looking H steps ahead, a step makes H evaluations (its own, reused as the
     * lookahead's first, and H - 1 ahead) and H VJPs; end-to-end ({@code horizon} 0) looks N - i steps ahead from
     * step i, N (N + 1) passes over the run, not 2 N per step.
     */
    private double evaluationsPerRun(int horizon) {
        double passes = 0;
        for (int i = 0; i < steps; i++) {
            passes += 2.0 * (horizon == 0 ? steps - i : horizon);
        }
        return passes;
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

    private TargetPredictor predictor() {
        if (model.equals("gmm")) {
            if (modelFile != null) {
                throw new ParameterException(command.commandLine(), "--model-file needs --model mlp");
            }
            return ReferenceProblem.GMM;
        }
        if (!model.equals("mlp")) {
            throw new ParameterException(command.commandLine(), "--model must be gmm or mlp, got '" + model + "'");
        }
        if (modelFile != null) {
            NetworkPredictor m = LearnedModels.load(modelFile, 2);
            if (!m.path().name().equals("ot")) {
                throw new ParameterException(command.commandLine(), "--model-file must be trained on the ot path");
            }
            return m;
        }
        Mlp net = new Mlp(new Mlp.Config(2, 128, 3, 16, 100, DataType.FLOAT));
        net.parameters().initialise(problem.seed);
        return new NetworkPredictor("mlp", net, Paths.byName("ot"));
    }

    /**
     * One forward pass and input VJP of the whole batch three ways: guidance's kept-tape pass ({@link MlpInference},
     * what the solves below use), the layer-by-layer network with its hand-derived backward pass (a VJP on its own:
     * forward onto a tape, then backward), and SameDiff's autodiff.
     */
    private void compareAutodiff(PrintWriter out, Mlp net) {
        Batch xb = Noise.gaussian(particles, 2, problem.seed);
        Batch vb = Noise.gaussian(particles, 2, problem.seed + 1);
        INDArray x = xb.toINDArray().castTo(net.parameters().dtype());
        INDArray v = vb.toINDArray().castTo(net.parameters().dtype());
        INDArray t = Nd4j.scalar(net.parameters().dtype(), 0.5).reshape(1);
        MlpInference inference = new MlpInference(net);
        double kept = timing.measure(() -> inference.evaluate(xb, 0.5).vjp(vb)).medianMs();
        double hand = timing.measure(() -> Scratch.run(() -> {
            Tape tape = new Tape(false);
            net.forward(x, t, tape);
            return net.backward(v, tape).getDouble(0);
        })).medianMs();
        SameDiffMlp sd = new SameDiffMlp(net);
        double auto = timing.measure(() -> {
            sd.forward(x, 0.5);
            return sd.vjp(x, 0.5, v);
        }).medianMs();
        out.printf("forward+vjp particles=%d kept-tape ms=%.2f layer-by-layer ms=%.2f samediff ms=%.2f%n", particles,
                kept, hand, auto);
    }

    /** One guided solve; horizon 0 means end-to-end through the remaining grid. */
    Batch runOnce(int horizon) {
        Step euler = Solvers.byName("euler");
        double[] grid = Grid.uniform(steps);
        GradientScheme scheme = horizon == 0
                ? new gw.guidance.EndToEnd(euler, grid, 1)
                : new Lookahead(euler, horizon);
        Dynamics f = Dynamics.inTime(predictor, Paths.byName("ot"));
        SquaredDistance loss = ReferenceProblem.loss();
        Batch x0 = Noise.gaussian(particles, 2, problem.seed);
        return GuidedSampler.sample(f, loss, x0, new GuidedSampler.Settings(euler, grid, scheme, scale), null);
    }
}
