package gw.cli;

import gw.train.LossRow;
import gw.train.TrainRun;
import gw.train.TrainSpec;
import gw.train.TrainSpecReader;
import gw.train.Trainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Trains a flow-matching network from a train spec (docs/TRAINING.md) into --out: progress on stderr, a checkpoint
 * every checkpointEvery steps (Ctrl-C keeps the last one; --resume continues it to the same result), then the model,
 * its card, the spec and loss.csv. Prints the final losses on stdout.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a flow-matching network on 2-D (or D-dimensional) data or images, or an image classifier"
                + " (\"objective\": \"cross-entropy\"); write model, card and losses.")
public final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC.json", description = "The train spec (docs/TRAINING.md).")
    Path specFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the model and files.")
    Path outDir;

    @Option(names = "--resume", description = "Continue the interrupted run in DIR from its checkpoint.")
    boolean resume;

    @Option(names = "--export", description = "With --resume: write model.bin, card.json, spec.json and loss.csv from"
            + " the checkpoint's EMA weights as they stand, keep the checkpoint, and do not train (ship a run that"
            + " continues later).")
    boolean export;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException {
        TrainSpec spec = TrainSpecReader.read(specFile);
        if (export && !resume) {
            throw new gw.spec.SpecException("--export", "needs --resume: it exports the checkpoint in --out");
        }
        TrainRun.checkOut(outDir, resume);
        Trainer trainer = TrainRun.open(spec, outDir, resume);
        if (export) {
            TrainRun.finish(outDir, spec, trainer, trainer.elapsedSeconds(), true);
            PrintWriter out = command.commandLine().getOut();
            out.printf("exported step %d of %d from %s (model.bin, card.json, spec.json, loss.csv); the checkpoint"
                    + " stays for --resume%n", trainer.step(), spec.training().steps(), outDir);
            out.flush();
            return 0;
        }
        PrintWriter err = command.commandLine().getErr();
        Files.createDirectories(outDir);
        Progress progress = new Progress(err, trainer.step());
        // released in finally, after the catch blocks have written what a cancelled run keeps
        CtrlC ctrlC = new CtrlC();
        try {
            trainer.run(progress);
        } catch (CancellationException e) {
            Thread.interrupted();
            if (progress.lastCheckpoint > 0) {
                err.printf("%ncancelled at step %d; %s keeps the last checkpoint (step %d); continue with --resume%n",
                        trainer.step(), outDir, progress.lastCheckpoint);
            } else {
                err.printf("%ncancelled at step %d, before the first checkpoint; nothing to resume%n", trainer.step());
            }
            err.flush();
            return RunCommand.CANCELLED;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            ctrlC.close();
        }
        TrainRun.finish(outDir, spec, trainer, trainer.elapsedSeconds());
        err.println();
        LossRow last = trainer.rows().get(trainer.rows().size() - 1);
        PrintWriter out = command.commandLine().getOut();
        out.printf("trained %d steps in %.1f s: %s%n", trainer.step(), trainer.elapsedSeconds(),
                trainer.objective().summary(last));
        out.printf("wrote %s (model.bin, card.json, spec.json, loss.csv)%n", outDir);
        out.flush();
        return 0;
    }

    /** Step, loss, steps/s and ETA on stderr about once a second; checkpoints written as they come. */
    private final class Progress implements Trainer.Listener {
        private final PrintWriter err;
        private final int firstStep;
        private final long start = System.nanoTime();
        private long lastPrint;
        private double validation = Double.NaN;
        int lastCheckpoint;

        Progress(PrintWriter err, int firstStep) {
            this.err = err;
            this.firstStep = firstStep;
            this.lastCheckpoint = firstStep;
        }

        @Override
        public void onStep(int step, int steps, double loss) {
            long now = System.nanoTime();
            if (now - lastPrint < 1_000_000_000L && step < steps) {
                return;
            }
            lastPrint = now;
            double rate = (step - firstStep) / Math.max(1e-9, (now - start) / 1e9);
            err.printf("%sstep %d/%d  loss %.5f  validation %.5f  %.0f steps/s  ETA %.0f s%s",
                    System.console() != null ? "\r" : "", step, steps, loss, validation, rate,
                    (steps - step) / Math.max(rate, 1e-9), System.console() != null ? "   " : "\n");
            err.flush();
        }

        @Override
        public void onRow(LossRow row) {
            validation = row.validationLoss();
        }

        @Override
        public void onCheckpoint(int step, byte[] checkpoint) {
            try {
                TrainRun.writeCheckpoint(outDir, checkpoint);
                lastCheckpoint = step;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
