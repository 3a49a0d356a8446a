package gw.train;

import gw.data.DataSpec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gw.model.net.Network;
import gw.model.net.Networks;

/**
 * A training run (docs/TRAINING.md): data, the path to train on, the network (its architecture JSON: an MLP for points, a U-Net
 * for images, a CNN classifier), the training objective ({@link TrainingObjectives}: flow matching, or cross-entropy
 * for a classifier), and the optimisation settings.
 * {@code source} is the spec text, echoed into the output and hashed so a checkpoint resumes only its own spec.
 */
public record TrainSpec(DataSpec data, String path, ObjectNode model, Settings training, String source,
                        String objective) {

    /** A flow-matching spec (the objective before classifiers existed). */
    public TrainSpec(DataSpec data, String path, ObjectNode model, Settings training, String source) {
        this(data, path, model, training, source, TrainingObjectives.FLOW_MATCHING);
    }

    /** A fresh (uninitialised) network of the spec's architecture ({@link Networks#fromArchitecture}). */
    public Network network() {
        return Networks.fromArchitecture(model);
    }

    /**
     * Adam with linear warm-up to {@code learningRate} over {@code warmup} steps then cosine decay to 0 at
     * {@code steps}; EMA of the weights with {@code ema} decay; a loss row every {@code logEvery} steps and a
     * checkpoint every {@code checkpointEvery} (a multiple of logEvery); {@code validation} points held out.
     */
    public record Settings(int steps, int batch, double learningRate, int warmup, double ema, int logEvery,
                           int checkpointEvery, int validation, long seed) {
        public static final int MAX_STEPS = 1_000_000;
        public static final int MAX_BATCH = 65_536;
        public static final int MAX_VALIDATION = 100_000;
    }
}
