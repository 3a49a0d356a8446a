package gw.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gw.model.net.Network;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the {@link Trainer} minimises: it draws each step's minibatch, turns the network's output into a loss and
 * the gradient of that loss, evaluates the held-out rows of loss.csv, and says how the trained network is shipped.
 * The trainer owns what every objective shares: the forward and backward pass, Adam, the EMA, checkpoints and resume.
 * {@link TrainingObjectives#create} picks the implementation named by the spec's "objective" field.
 */
public interface TrainingObjective {

    /** A step's inputs: x [B, D], times t [B] (null for networks without time input), and what the loss compares to. */
    record Minibatch(INDArray x, INDArray t, Object target) {
    }

    /** The spec's name of the objective, e.g. "flow-matching". */
    String name();

    /** One sentence for the model card. */
    String description();

    /** The minibatch of one step, every draw from {@code r} (seeded by the run's seed and the step alone). */
    Minibatch draw(SplittableRandom r, int batch, DataType dtype);

    /**
     * The mean loss of the minibatch at the network's output, and dLoss/dOutput written over {@code out} (the
     * trainer passes it on to the network's backward pass).
     */
    double lossAndGradient(INDArray out, Minibatch b);

    /** A loss.csv row on held-out data with the EMA network. */
    LossRow evaluate(Network ema, int step, double trainLoss, double learningRate);

    /** loss.csv's header: the columns {@link #csv} writes. */
    String csvHeader();

    String csv(LossRow row);

    /** The card's summary of the last row (e.g. "finalLosses"). */
    void describe(ObjectNode card, LossRow last);

    /** A one-line summary of the last row for the console. */
    String summary(LossRow last);

    /** model.bin's bytes for the trained (EMA) network; {@code meta} holds data, steps and seed. */
    byte[] modelFile(Network ema, ObjectNode meta);
}
