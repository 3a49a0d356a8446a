package gw.experiment.image;

import gw.data.LabelledImages;
import gw.model.TargetPredictor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An image experiment (docs/IMAGES.md): a learned image model, test images, tasks and schemes, base sampling settings
 * and sweep axes. Its runs are, in this order, sweep point x task x scheme x image (the last varies fastest); the
 * sweep's points are the Cartesian product of its axes in the order the spec names them (the last axis fastest).
 *
 * @param model the U-Net
 * @param modelName the model as the spec names it (echoed in results)
 * @param data the images the indices refer to (the Fashion-MNIST test split)
 * @param images test-image indices
 * @param schemeScales a scheme's own scale, or NaN where it uses the experiment's
 * @param base the settings every run starts from (its image, task and scheme are placeholders)
 * @param sweep axis -> values, axes from {@link #AXES}
 * @param source the spec's JSON text
 * @param classTask the guide, judge and target of the "class" task; null when the spec has no class task
 * @param batchSize how many images of one (sweep point, task, scheme) run together as the rows of one batch,
 *                  1..{@value #MAX_BATCH} ({@link ImageReconstruction#runBatch}); the numbers do not depend on it
 */
public record ImageExperimentSpec(String name, String description, TargetPredictor model, String modelName,
                                  LabelledImages data, int[] images, List<String> tasks, List<SchemeChoice> schemes,
                                  double[] schemeScales, ReconstructionRequest base, Map<String, List<Number>> sweep,
                                  String source, ClassTask classTask, int batchSize) {
    /** Settings a sweep may vary. */
    public static final List<String> AXES = List.of("scale", "steps", "noiseStd", "seed");
    /**
     * Images per batch unless the spec says: a U-Net pass on 32 images costs about as much as 3 to 4 passes on one
     * (measured, docs/IMAGES.md), and a batch's memory stays small (end-to-end's checkpoints are a few states of
     * 784 values per image).
     */
    public static final int DEFAULT_BATCH = 32;
    public static final int MAX_BATCH = 256;

    /** A spec with the default batch size. */
    public ImageExperimentSpec(String name, String description, TargetPredictor model, String modelName,
                               LabelledImages data, int[] images, List<String> tasks, List<SchemeChoice> schemes,
                               double[] schemeScales, ReconstructionRequest base, Map<String, List<Number>> sweep,
                               String source, ClassTask classTask) {
        this(name, description, model, modelName, data, images, tasks, schemes, schemeScales, base, sweep, source,
                classTask, DEFAULT_BATCH);
    }

    public ImageExperimentSpec {
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("batchSize must be in 1.." + MAX_BATCH + ", got " + batchSize);
        }
        images = images.clone();
        tasks = List.copyOf(tasks);
        schemes = List.copyOf(schemes);
        schemeScales = schemeScales.clone();
        sweep = new LinkedHashMap<>(sweep);
    }

    @Override
    public int[] images() {
        return images.clone();
    }

    @Override
    public double[] schemeScales() {
        return schemeScales.clone();
    }

    /** The sweep's points: the swept values of each, axis order kept; one empty point without a sweep. */
    public List<Map<String, Number>> points() {
        List<Map<String, Number>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Number>> axis : sweep.entrySet()) {
            List<Map<String, Number>> next = new ArrayList<>();
            for (Map<String, Number> p : points) {
                for (Number v : axis.getValue()) {
                    Map<String, Number> q = new LinkedHashMap<>(p);
                    q.put(axis.getKey(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        return points;
    }

    /** Number of reconstructions the experiment runs. */
    public int runCount() {
        return points().size() * tasks.size() * schemes.size() * images.length;
    }

    /** The request of one run. */
    public ReconstructionRequest request(Map<String, Number> point, String task, int scheme, int image) {
        ReconstructionRequest b = base;
        double scale = Double.isNaN(schemeScales[scheme]) ? b.scale() : schemeScales[scheme];
        double noiseStd = b.noiseStd();
        int steps = b.steps();
        long seed = b.seed();
        for (Map.Entry<String, Number> e : point.entrySet()) {
            switch (e.getKey()) {
                case "scale" -> scale = e.getValue().doubleValue();
                case "steps" -> steps = e.getValue().intValue();
                case "noiseStd" -> noiseStd = e.getValue().doubleValue();
                case "seed" -> seed = e.getValue().longValue();
                default -> throw new IllegalArgumentException("sweep." + e.getKey() + ": not a sweepable setting");
            }
        }
        return new ReconstructionRequest(image, task, noiseStd, seed, schemes.get(scheme), steps, scale, b.solver(),
                b.scalePerUnitTime(), b.box(), b.gradientError());
    }
}
