package gw.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gw.data.DataSpec;
import gw.data.FashionMnist;
import gw.data.Procedural;
import gw.spec.SpecException;
import gw.model.GaussianMixture;
import gw.model.net.Mlp;
import gw.model.net.Networks;
import gw.path.Paths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;

/** Reads and validates a train spec; every rule failure is a {@link SpecException} naming the field. */
public final class TrainSpecReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainSpecReader() {
    }

    public static TrainSpec read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SpecException("", file + " does not exist");
        } catch (IOException e) {
            throw new SpecException("", file + " cannot be read: " + e.getMessage());
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(text, base);
    }

    /** @param base the directory relative data file names resolve against */
    public static TrainSpec parse(String text, Path base) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SpecException("", "not valid JSON: " + e.getOriginalMessage());
        }
        JsonFields top = new JsonFields(root, "", Set.of("data", "path", "model", "training", "objective",
                "description"));
        String path = top.text("path", "ot");
        if (!Paths.NAMES.contains(path)) {
            throw new SpecException("path", "unknown path '" + path + "'; allowed: " + String.join(", ", Paths.NAMES));
        }
        String objective = top.text("objective", TrainingObjectives.FLOW_MATCHING);
        if (!TrainingObjectives.NAMES.contains(objective)) {
            throw new SpecException("objective", "unknown training objective '" + objective + "'; allowed: "
                    + String.join(", ", TrainingObjectives.NAMES));
        }
        DataSpec data = data(top.get("data"), base);
        boolean classify = objective.equals(TrainingObjectives.CROSS_ENTROPY);
        if (classify && !data.kind().equals(DataSpec.FASHION_MNIST)) {
            throw new SpecException("data.kind", "cross-entropy needs labelled images (data.kind fashion-mnist), got '"
                    + data.kind() + "'");
        }
        ObjectNode model = model(top.get("model"), data, classify);
        TrainSpec.Settings settings = settings(top.get("training"), data, classify);
        return new TrainSpec(data, path, model, settings, text, objective);
    }

    private static DataSpec data(JsonNode node, Path base) {
        JsonFields f = new JsonFields(node, "data", Set.of("kind", "samples", "seed", "file", "weights", "means", "stds"));
        String kind = f.text("kind", null);
        if (!DataSpec.KINDS.contains(kind)) {
            throw new SpecException("data.kind", "unknown data set '" + kind + "'; allowed: " + String.join(", ", DataSpec.KINDS));
        }
        long seed = f.integer("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
        if (kind.equals(DataSpec.FASHION_MNIST)) {
            if (!FashionMnist.available(FashionMnist.Split.TRAIN)) {
                throw new SpecException("data.kind", "Fashion-MNIST is not installed under " + FashionMnist.directory()
                        + ": install the Debian package " + FashionMnist.PACKAGE);
            }
            int images = (int) f.integer("samples", FashionMnist.Split.TRAIN.size(), 2, FashionMnist.Split.TRAIN.size());
            return new DataSpec(kind, images, seed, null, null);
        }
        if (kind.equals("csv") || kind.equals("npy")) {
            Path file = base.resolve(f.text("file", null));
            DataSpec d = new DataSpec(kind, 0, seed, null, file);
            return checked(d);
        }
        int samples = (int) f.integer("samples", 20_000, 2, DataSpec.MAX_POINTS);
        GaussianMixture mixture = null;
        if (kind.equals("mixture")) {
            try {
                mixture = new GaussianMixture(JSON.treeToValue(f.get("weights"), double[].class),
                        JSON.treeToValue(f.get("means"), double[][].class), JSON.treeToValue(f.get("stds"), double[].class));
            } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
                throw new SpecException("data", "a mixture needs weights [K], means [K][D] and stds [K]: "
                        + (e.getMessage() == null ? "missing" : e.getMessage().lines().findFirst().orElse("")));
            }
        } else if (Procedural.byName(kind) == null) {
            throw new SpecException("data.kind", "unknown data set '" + kind + "'");
        }
        return new DataSpec(kind, samples, seed, mixture, null);
    }

    /** Reads a file's points now, so a bad file fails validation before anything is written. */
    private static DataSpec checked(DataSpec d) {
        try {
            d.load();
        } catch (IllegalArgumentException e) {
            throw new SpecException("data.file", e.getMessage());
        }
        return d;
    }

    private static ObjectNode model(JsonNode node, DataSpec data, boolean classify) {
        String kind = node != null && node.has("kind") ? node.get("kind").asText() : classify ? "cnn-classifier" : "mlp";
        boolean images = data.kind().equals(DataSpec.FASHION_MNIST);
        if (classify != kind.equals("cnn-classifier")) {
            throw new SpecException("model.kind", classify ? "objective cross-entropy trains model.kind cnn-classifier,"
                    + " got '" + kind + "'" : "a cnn-classifier trains with \"objective\": \"cross-entropy\"");
        }
        if (classify) {
            return ImageSpecs.classifier(node);
        }
        if (kind.equals("unet")) {
            if (!images) {
                throw new SpecException("model.kind", "a unet needs image data (data.kind fashion-mnist)");
            }
            return ImageSpecs.unet(node);
        }
        if (images) {
            throw new SpecException("model.kind", "image data needs model.kind unet, got '" + kind + "'");
        }
        JsonFields f = new JsonFields(node, "model", Set.of("kind", "width", "depth", "frequencies", "maxFrequency", "dtype"));
        if (!kind.equals("mlp")) {
            throw new SpecException("model.kind", "unknown network '" + kind + "'; allowed: mlp, unet");
        }
        int width = (int) f.integer("width", 128, 1, Mlp.Config.MAX_WIDTH);
        int depth = (int) f.integer("depth", 3, 1, Mlp.Config.MAX_DEPTH);
        int freqs = (int) f.integer("frequencies", 16, 1, Mlp.Config.MAX_FREQUENCIES);
        double maxFreq = f.number("maxFrequency", 100, 1, false, 1e4);
        String dtype = f.text("dtype", "float32");
        if (!dtype.equals("float32") && !dtype.equals("float64")) {
            throw new SpecException("model.dtype", "must be float32 or float64, got '" + dtype + "'");
        }
        int dim = dataDim(data);
        if (dim > Mlp.Config.MAX_DIM) {
            throw new SpecException("data", "points have dimension " + dim + "; at most " + Mlp.Config.MAX_DIM);
        }
        return new Mlp.Config(dim, width, depth, freqs, maxFreq, Networks.dtype(dtype)).toJson();
    }

    private static int dataDim(DataSpec d) {
        if (d.kind().equals(DataSpec.FASHION_MNIST)) {
            return FashionMnist.PIXELS;
        }
        if (d.mixture() != null) {
            return d.mixture().dim();
        }
        return d.file() != null ? d.load().cols() : 2;
    }

    private static TrainSpec.Settings settings(JsonNode node, DataSpec data, boolean classify) {
        JsonFields f = new JsonFields(node, "training", Set.of("steps", "batch", "learningRate", "warmup", "ema",
                "logEvery", "checkpointEvery", "validation", "seed"));
        int steps = (int) f.integer("steps", 5000, 1, TrainSpec.Settings.MAX_STEPS);
        int batch = (int) f.integer("batch", 256, 1, TrainSpec.Settings.MAX_BATCH);
        double lr = f.number("learningRate", 2e-3, 0, true, 1);
        int warmup = (int) f.integer("warmup", Math.min(200, steps), 0, steps);
        double ema = f.number("ema", 0.999, 0, false, 0.999999);
        int logEvery = (int) f.integer("logEvery", Math.min(100, steps), 1, steps);
        int checkpointEvery = (int) f.integer("checkpointEvery", Math.max(logEvery, steps / 10 / logEvery * logEvery),
                1, TrainSpec.Settings.MAX_STEPS);
        if (checkpointEvery % logEvery != 0) {
            throw new SpecException("training.checkpointEvery", "must be a multiple of logEvery (" + logEvery + "), got "
                    + checkpointEvery);
        }
        int points = data.file() != null ? data.load().rows() : data.samples();
        // flow matching holds validation points out of the data; a classifier is evaluated on the test split
        int maxValidation = classify ? FashionMnist.Split.TEST.size()
                : Math.min(TrainSpec.Settings.MAX_VALIDATION, points / 2);
        if (maxValidation < 1) {
            throw new SpecException("data", "needs at least 2 points (one held out for validation)");
        }
        int validation = (int) f.integer("validation", classify ? maxValidation : Math.min(2048, maxValidation), 1,
                maxValidation);
        long seed = f.integer("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
        return new TrainSpec.Settings(steps, batch, lr, warmup, ema, logEvery, checkpointEvery, validation, seed);
    }
}
