package gw.cli;

import gw.data.ImageGrid;
import gw.experiment.AtomicFiles;
import gw.model.NetworkPredictor;
import gw.solver.Dynamics;
import gw.solver.Rollout;
import gw.spec.SpecException;
import gw.tensor.Batch;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    SamplingOptions sampling;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException {
        if (count < 1 || count > 1024) {
            throw new SpecException("--count", "must be in 1..1024, got " + count);
        }
        sampling.check();
        NetworkPredictor m = SampleQualityCommand.imageFlowModel(model);
        int side = (int) Math.round(Math.sqrt(m.dim()));
        long start = System.nanoTime();
        Dynamics f = Dynamics.inTime(m, m.path());
        Batch x1 = Rollout.solve(f, sampling.step(), sampling.times(), sampling.noise(count, m.dim()),
                null).output().requireFinite("the samples");
        AtomicFiles.write(out, ImageGrid.png(x1, side, (int) Math.ceil(Math.sqrt(count)), 2));
        PrintWriter o = command.commandLine().getOut();
        o.printf("wrote %d samples (%s, N = %d, seed %d) to %s in %.1f s%n", count, sampling.solver, sampling.steps,
                sampling.seed, out, (System.nanoTime() - start) / 1e9);
        o.flush();
        return 0;
    }
}
