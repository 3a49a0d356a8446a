package gw.model;

import gw.model.net.InvalidModelFileException;
import gw.path.PathPoint;
import gw.tensor.Batch;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A learned model listed from its {@link ModelCard} whose network loads on first use: everything a chooser, a plot
 * window or a spec check asks (dimension, path, cost, extent, spec form) is answered from the card; the first
 * prediction (or {@link #load()}, e.g. on a background thread while a "loading" state shows) reads and validates
 * the weights. Loading runs once; concurrent callers wait for it.
 */
public final class LearnedModel implements TargetPredictor {
    private final ModelCard card;
    private final Runnable beforeLoad;
    private volatile NetworkPredictor loaded;
    private volatile double loadMs = Double.NaN;

    /** @param beforeLoad runs before the weights are read (e.g. waits until ND4J has started on its own thread) */
    public LearnedModel(ModelCard card, Runnable beforeLoad) {
        this.card = card;
        this.beforeLoad = beforeLoad;
    }

    public ModelCard card() {
        return card;
    }

    public boolean isLoaded() {
        return loaded != null;
    }

    /** How long reading and checking the weights took, after the gate (ND4J's start) had opened; NaN before. */
    public double loadMillis() {
        return loadMs;
    }

    /**
     * The network, loaded and validated now if it is not yet.
     * @throws InvalidModelFileException when the file fails its full check or differs from its card
     */
    public NetworkPredictor load() {
        NetworkPredictor m = loaded;
        if (m != null) {
            return m;
        }
        synchronized (this) {
            if (loaded == null) {
                beforeLoad.run();
                long start = System.nanoTime();
                NetworkPredictor n = LearnedModels.load(card.source());
                if (n.dim() != card.dim() || !n.kind().equals(card.kind())
                        || !n.path().name().equals(card.path())) {
                    throw new InvalidModelFileException(card.source() + ": the network (" + n.kind() + ", dimension "
                            + n.dim() + ", " + n.path().name() + " path) differs from its card");
                }
                loadMs = (System.nanoTime() - start) / 1e6;
                loaded = n;
            }
            return loaded;
        }
    }

    @Override
    public int dim() {
        return card.dim();
    }

    @Override
    public String kind() {
        return card.kind();
    }

    @Override
    public Prediction predict(Batch x, PathPoint p) {
        return load().predict(x, p);
    }

    /** The network's one pass for rows at different times (not the default's pass per distinct time). */
    @Override
    public Prediction predict(Batch x, PathPoint[] points) {
        return load().predict(x, points);
    }

    @Override
    public int idealMaxSteps() {
        return NetworkPredictor.IDEAL_MAX_STEPS;
    }

    @Override
    public Optional<String> requiredPath() {
        return Optional.of(card.path());
    }

    @Override
    public double unitRoundoff() {
        return "float64".equals(card.dtype()) ? 0x1p-53 : 0x1p-24;
    }

    /** As {@link NetworkPredictor#evaluationCost()}: one multiply-add per weight per point. */
    @Override
    public double evaluationCost() {
        return card.parameters();
    }

    /**
     * The card's measured value; for an older card without one, the loaded network's, or before loading an upper
     * estimate for an MLP (every hidden layer's pre-activation and activation, the time features, input and
     * output, all in float64), so memory checks never load a network.
     */
    @Override
    public double retainedPerEvaluation() {
        if (isLoaded()) {
            return loaded.retainedPerEvaluation();
        }
        if (Double.isFinite(card.retainedPerPoint())) {
            return card.retainedPerPoint();
        }
        var a = card.card().path("architecture");
        return 2.0 * a.path("depth").asInt(4) * a.path("width").asInt(256) + 2.0 * a.path("frequencies").asInt(32)
                + 3.0 * dim();
    }

    /**
     * The card's box of the training data; for an older card without one (and not a procedural set), the loaded
     * network's sampled extent, or before loading the standard normal's bulk, (-4.5, 4.5) per coordinate: listing
     * a model never loads its network.
     */
    @Override
    public double[][] extent() {
        double[][] box = card.extent();
        if (box == null) {
            if (isLoaded()) {
                return loaded.extent();
            }
            box = new double[dim()][];
            for (int c = 0; c < box.length; c++) {
                box[c] = new double[] {-4.5, 4.5};
            }
            return box;
        }
        double[][] copy = new double[box.length][];
        for (int c = 0; c < box.length; c++) {
            copy[c] = box[c].clone();
        }
        return copy;
    }

    @Override
    public Map<String, Object> specValue() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", card.kind());
        out.put("file", card.source().toAbsolutePath().normalize().toString());
        return out;
    }

    @Override
    public String toString() {
        return card.kind() + " model " + card.name();
    }
}
