package gw.cli;

import gw.data.ImageGrid;
import gw.experiment.AtomicFiles;
import gw.model.NetworkPredictor;
import gw.solver.Dynamics;
import gw.solver.Grid;
import gw.solver.Rollout;
import gw.solver.Solvers;
import gw.spec.SpecException;
import gw.tensor.Batch;
import gw.tensor.Noise;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Unguided samples of a learned image model as a PNG grid: noise from the seed, N uniform steps of the solver. */
@Command(name = "sample-images", mixinStandardHelpOptions = true,
        description = "Draw unguided samples of a trained image model (e.g. assets/models/fashion-unet) as a PNG grid.")
public final class SampleImagesCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A trained image model directory.")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "The PNG to write.")
    Path out;

    @Option(names = "--count", description = "Samples (default ${DEFAULT-VALUE}).", defaultValue = "16")
    int count;

    @Option(names = "--steps", description = "Solver steps N (default ${DEFAULT-VALUE}).", defaultValue = "20")
    int steps;

    @Option(names = "--solver", description = "ddim, euler, midpoint, heun or rk4 (default ${DEFAULT-VALUE}).",
            defaultValue = "euler")
    String solver;

    @Option(names = "--seed", description = "Seed of the initial noise (default ${DEFAULT-VALUE}).", defaultValue = "0")
    long seed;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException {
        if (count < 1 || count > 1024) {
            throw new SpecException("--count", "must be in 1..1024, got " + count);
        }
        if (steps < 1 || steps > 1000) {
            throw new SpecException("--steps", "must be in 1..1000, got " + steps);
        }
        if (!Solvers.NAMES.contains(solver)) {
            throw new SpecException("--solver", "must be one of " + String.join(", ", Solvers.NAMES));
        }
        NetworkPredictor m = SampleQualityCommand.imageFlowModel(model);
        int side = (int) Math.round(Math.sqrt(m.dim()));
        long start = System.nanoTime();
        Dynamics f = Dynamics.inTime(m, m.path());
        Batch x1 = Rollout.solve(f, Solvers.byName(solver), Grid.uniform(steps), Noise.gaussian(count, m.dim(), seed),
                null).output().requireFinite("the samples");
        AtomicFiles.write(out, ImageGrid.png(x1, side, (int) Math.ceil(Math.sqrt(count)), 2));
        PrintWriter o = command.commandLine().getOut();
        o.printf("wrote %d samples (%s, N = %d, seed %d) to %s in %.1f s%n", count, solver, steps, seed, out,
                (System.nanoTime() - start) / 1e9);
        o.flush();
        return 0;
    }
}
