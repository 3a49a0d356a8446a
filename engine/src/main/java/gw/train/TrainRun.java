package gw.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gw.experiment.AtomicFiles;
import gw.experiment.ResultsWriter;
import gw.spec.SpecException;
import gw.data.DataSpec;
import gw.model.LearnedModels;
import gw.model.ModelCard;
import gw.model.NetworkPredictor;
import gw.path.Paths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A training run's directory: checkpoint.bin while training (replaced atomically every checkpointEvery steps, so an
 * interrupted run keeps its last one), then model.bin (EMA weights), card.json, spec.json and loss.csv; the
 * checkpoint is removed once the model is written.
 */
public final class TrainRun {
    public static final String CHECKPOINT = "checkpoint.bin";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainRun() {
    }

    /** Checks --out before anything is written: a directory we can create and write, not holding another run. */
    public static void checkOut(Path out, boolean resume) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new SpecException("--out", out + " is not a directory");
        }
        Path existing = out.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw new SpecException("--out", out + " cannot be written");
        }
        if (resume && !Files.isRegularFile(out.resolve(CHECKPOINT))) {
            throw new SpecException("--resume", out + " holds no " + CHECKPOINT + " to resume from");
        }
        if (!resume && (Files.exists(out.resolve(CHECKPOINT)) || Files.exists(out.resolve(LearnedModels.MODEL_FILE)))) {
            throw new SpecException("--out", out + " already holds a training run; use --resume or another directory");
        }
    }

    /** A trainer for the run in {@code out}: fresh, or from its checkpoint. */
    public static Trainer open(TrainSpec spec, Path out, boolean resume) throws IOException {
        if (!resume) {
            return new Trainer(spec);
        }
        Path c = out.resolve(CHECKPOINT);
        try {
            return Trainer.resume(spec, Files.readAllBytes(c), c.toString());
        } catch (IllegalArgumentException e) {
            throw new SpecException("--resume", e.getMessage());
        }
    }

    public static void writeCheckpoint(Path out, byte[] bytes) throws IOException {
        AtomicFiles.write(out.resolve(CHECKPOINT), bytes);
    }

    /** Writes model, card, spec and losses, then drops the checkpoint. */
    public static void finish(Path out, TrainSpec spec, Trainer trainer, double seconds) throws IOException {
        finish(out, spec, trainer, seconds, false);
    }

    /**
     * Writes model, card, spec and losses; keeps the checkpoint when asked (an export of a run still in progress, whose
     * card says so), else drops it.
     */
    public static void finish(Path out, TrainSpec spec, Trainer trainer, double seconds, boolean keepCheckpoint)
            throws IOException {
        ObjectNode meta = JsonNodeFactory.instance.objectNode();
        meta.set("data", dataJson(spec));
        meta.put("steps", trainer.step());
        meta.put("seed", spec.training().seed());
        ObjectNode listing = listing(spec, trainer);
        meta.setAll(listing);
        AtomicFiles.write(out.resolve(LearnedModels.MODEL_FILE), trainer.objective().modelFile(trainer.emaNetwork(), meta));
        AtomicFiles.writeString(out.resolve("spec.json"), spec.source());
        AtomicFiles.writeString(out.resolve("loss.csv"), lossCsv(trainer.objective(), trainer.rows()));
        AtomicFiles.writeString(out.resolve("card.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(card(spec, trainer, seconds).setAll(listing))
                        + "\n");
        if (!keepCheckpoint) {
            Files.deleteIfExists(out.resolve(CHECKPOINT));
        }
    }

    /**
     * What a chooser lists without loading the network ({@link ModelCard}): the data dimension, and for a point
     * model the box of its training data and what one evaluation keeps for its VJP.
     */
    static ObjectNode listing(TrainSpec spec, Trainer trainer) {
        var net = trainer.emaNetwork();
        if (net.inputShape().length != 1 || DataSpec.FASHION_MNIST.equals(spec.data().kind())) {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            long dim = 1;
            for (long s : net.inputShape()) {
                dim *= s;
            }
            return n.put(ModelCard.DIM, dim);
        }
        return ModelCard.listing(new NetworkPredictor(spec.model().path("kind").asText("mlp"), net,
                Paths.byName(spec.path())), spec.data().load());
    }

    static String lossCsv(TrainingObjective objective, List<LossRow> rows) {
        StringBuilder b = new StringBuilder(objective.csvHeader()).append('\n');
        for (LossRow r : rows) {
            b.append(objective.csv(r)).append('\n');
        }
        return b.toString();
    }

    private static ObjectNode dataJson(TrainSpec spec) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("kind", spec.data().kind());
        if (spec.data().file() != null) {
            d.put("file", spec.data().file().getFileName().toString());
        } else {
            d.put("samples", spec.data().samples());
            d.put("seed", spec.data().seed());
        }
        return d;
    }

    static ObjectNode card(TrainSpec spec, Trainer trainer, double seconds) {
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        c.put("format", "gw-model-card");
        c.put("engineVersion", ResultsWriter.VERSION);
        c.set("architecture", spec.model().deepCopy());
        c.put("parameters", spec.network().parameters().count());
        if (spec.objective().equals(TrainingObjectives.FLOW_MATCHING)) {
            c.put("path", spec.path());
        }
        c.set("data", dataJson(spec));
        TrainSpec.Settings s = spec.training();
        ObjectNode t = c.putObject("training");
        t.put("objective", trainer.objective().description());
        t.put("steps", trainer.step());
        t.put("batch", s.batch());
        t.put("learningRate", s.learningRate());
        t.put("warmup", s.warmup());
        t.put("schedule", "linear warm-up, cosine decay to 0");
        t.put("ema", s.ema());
        t.put("seed", s.seed());
        if (spec.objective().equals(TrainingObjectives.FLOW_MATCHING)) {
            t.put("validationPoints", s.validation());
        }
        List<LossRow> rows = trainer.rows();
        if (!rows.isEmpty()) {
            trainer.objective().describe(c, rows.get(rows.size() - 1));
        }
        c.put("complete", trainer.step() >= s.steps());
        if (trainer.step() < s.steps()) {
            c.put("status", "exported from the checkpoint at step " + trainer.step() + " of " + s.steps()
                    + "; training continues with: train spec.json --out DIR --resume");
        }
        c.put("wallSeconds", Math.round(seconds * 10) / 10.0);
        c.put("stepsPerSecond", Math.round(trainer.step() / Math.max(seconds, 1e-9) * 10) / 10.0);
        return c;
    }
}
