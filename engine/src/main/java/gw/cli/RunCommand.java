package gw.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gw.experiment.CellResult;
import gw.experiment.Experiment;
import gw.experiment.ResultsWriter;
import gw.experiment.RunListener;
import gw.experiment.image.ImageExperimentReader;
import gw.spec.ExperimentJson;
import gw.spec.ExperimentSpec;
import gw.spec.SpecException;
import gw.spec.SpecReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs an experiment spec headless: a progress bar on stderr, every file written atomically after each cell,
 * and Ctrl-C stops at the current op, marks unfinished cells cancelled and leaves the run resumable.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an experiment spec (with its sweep) and write results.json, steps.csv and samples; an image "
                + "experiment (\"kind\": \"image-experiment\") writes results.json, results.csv, PNG grids and .npy.")
public final class RunCommand implements Callable<Integer> {
    static final int CANCELLED = 130;

    @Parameters(index = "0", paramLabel = "SPEC.json", description = "The experiment spec (docs/EXPERIMENTS.md).")
    Path specFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the results.")
    Path outDir;

    @Option(names = "--resume", description = "Continue a run in DIR, skipping its complete cells.")
    boolean resume;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "5", description = "Timed runs per cell after its "
            + "measured run (which warms up the JIT); the ms columns are their median; 0 times the measured run "
            + "(default ${DEFAULT-VALUE}).")
    int timedRuns;

    @Option(names = "--save-noise", description = "Also write each cell's initial noise x0 (and noise optimisation's "
            + "optimised x0) as samples/cell-NNN-x0.npy (-x0-optimised.npy).")
    boolean saveNoise;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (timedRuns < 0 || timedRuns > 100) {
            throw new SpecException("--runs", "must be an integer from 0 to 100, got " + timedRuns);
        }
        if (ImageExperimentReader.isImageExperiment(SpecReader.read(specFile))) {
            return ImageRun.run(command.commandLine().getOut(), command.commandLine().getErr(), specFile, outDir,
                    resume);
        }
        ExperimentSpec spec = ExperimentJson.read(specFile);
        try (OutDir held = OutDir.open(outDir)) {
            return runLocked(spec);
        }
    }

    private int runLocked(ExperimentSpec spec) throws IOException, InterruptedException {
        if (!resume && Files.exists(outDir.resolve("results.json"))) {
            throw new SpecException("--out", outDir + " already holds results.json; use --resume to continue it "
                    + "or choose another directory");
        }
        JsonNode echo = new ObjectMapper().readTree(spec.source());
        ResultsWriter writer = new ResultsWriter(outDir, spec, echo).saveNoise(saveNoise);
        Set<Integer> done = resume ? resumeOrFail(writer) : Set.of();
        writer.markUnfinished("pending");
        PrintWriter err = command.commandLine().getErr();
        int total = spec.cells().size();
        ProgressBar bar = new ProgressBar(err);
        List<CellResult> results = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void onProgress(double fraction, String message) {
                bar.update(fraction, message);
            }

            @Override
            public void onCell(CellResult r) {
                results.add(r);
                try {
                    writer.add(r);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        // released in finally, after the catch blocks have written what a cancelled run keeps
        CtrlC ctrlC = new CtrlC();
        try {
            Experiment.run(spec, listener, done, timedRuns);
        } catch (CancellationException e) {
            Thread.interrupted();
            writer.markUnfinished("cancelled");
            bar.finish();
            err.printf("cancelled: %d of %d cells are complete in %s; continue with --resume%n",
                    done.size() + results.size(), total, outDir);
            err.flush();
            return CANCELLED;
        } finally {
            ctrlC.close();
        }
        bar.finish();
        RunSummaryTable.print(command.commandLine().getOut(), spec, results, done.size(), outDir);
        return 0;
    }

    private Set<Integer> resumeOrFail(ResultsWriter writer) throws IOException {
        try {
            return writer.resume();
        } catch (IllegalArgumentException e) {
            throw new SpecException("--resume", e.getMessage());
        } catch (JsonProcessingException e) {
            throw new SpecException("--resume", outDir.resolve("results.json") + " is not valid JSON: "
                    + e.getOriginalMessage());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new SpecException("--resume", outDir.resolve("steps.csv") + " is not UTF-8 text; it was not "
                    + "written by run");
        } catch (IOException e) {
            throw new SpecException("--resume", "cannot read " + outDir + ": " + SpecException.reason(e));
        }
    }
}
