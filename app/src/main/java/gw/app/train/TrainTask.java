package gw.app.train;

import gw.model.NetworkPredictor;
import gw.path.Paths;
import gw.train.LossRow;
import gw.train.TrainSpec;
import gw.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * Trains a network off the FX thread. Progress and the loss so far reach the FX thread as {@link Snapshot}s,
 * coalesced (at most one pending hand-over), so a fast trainer never floods the event queue. Cancel interrupts
 * the trainer, which stops between two steps; no snapshot reaches the FX thread after the cancel.
 */
public final class TrainTask extends Task<TrainTask.Trained> {
    private final TrainSpec spec;
    private final Consumer<Snapshot> onSnapshot;
    private final AtomicReference<Snapshot> pending = new AtomicReference<>();
    private final IntConsumer stepDone;

    /** The loss curves so far, each point {step, loss}. */
    public record Snapshot(int step, int steps, List<double[]> train, List<double[]> validation) {
    }

    /** The result: the EMA network as a model on the spec's path, with the trainer that made it (for saving). */
    public record Trained(NetworkPredictor model, Trainer trainer, TrainSpec spec, double seconds) {
    }

    public TrainTask(TrainSpec spec, Consumer<Snapshot> onSnapshot) {
        this(spec, onSnapshot, step -> { });
    }

    /**
     * @param stepDone runs on the training thread when a step is done, before it is reported (tests hold the thread
     *        there to land a cancel in the middle of a step)
     */
    TrainTask(TrainSpec spec, Consumer<Snapshot> onSnapshot, IntConsumer stepDone) {
        this.spec = spec;
        this.onSnapshot = onSnapshot;
        this.stepDone = stepDone;
    }

    @Override
    protected Trained call() {
        gw.app.Nd4jStart.await(); // ND4J starts on its own thread (gw.app.Nd4jStart says why)
        long start = System.nanoTime();
        Trainer trainer = new Trainer(spec);
        int steps = spec.training().steps();
        int every = Math.max(1, steps / 200); // about 200 points on the curve, each a mean over its steps
        List<double[]> train = new ArrayList<>();
        List<double[]> validation = new ArrayList<>();
        double[] window = {0, 0};
        trainer.run(new Trainer.Listener() {
            @Override
            public void onStep(int step, int total, double loss) {
                stepDone.accept(step);
                window[0] += loss;
                window[1]++;
                if (step % every == 0 || step == total) {
                    train.add(new double[] {step, window[0] / window[1]});
                    window[0] = 0;
                    window[1] = 0;
                    publish(new Snapshot(step, total, List.copyOf(train), List.copyOf(validation)));
                }
                updateProgress(step, total);
            }

            @Override
            public void onRow(LossRow row) {
                validation.add(new double[] {row.step(), row.validationLoss()});
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        publish(new Snapshot(trainer.step(), steps, List.copyOf(train), List.copyOf(validation)));
        return new Trained(new NetworkPredictor("mlp", trainer.emaNetwork(), Paths.byName(spec.path())), trainer,
                spec, seconds);
    }

    /**
     * Hands the snapshot to the FX thread, unless the task is cancelled by the time it gets there: a cancel lets the
     * step under way finish and report, and that report (or one posted just before the cancel) would otherwise
     * arrive after the cancel and overwrite what the cancel showed.
     */
    private void publish(Snapshot s) {
        if (pending.getAndSet(s) == null) {
            Platform.runLater(() -> {
                Snapshot latest = pending.getAndSet(null);
                if (!isCancelled()) {
                    onSnapshot.accept(latest);
                }
            });
        }
    }
}
