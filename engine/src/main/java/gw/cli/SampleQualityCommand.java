package gw.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gw.data.FashionMnist;
import gw.data.ImageGrid;
import gw.experiment.AtomicFiles;
import gw.guidance.EndToEnd;
import gw.guidance.GradientScheme;
import gw.guidance.Greedy;
import gw.guidance.GuidedSampler;
import gw.metric.ClassJudgement;
import gw.model.Classifiers;
import gw.model.LearnedModels;
import gw.model.NetworkPredictor;
import gw.model.net.ImageClassifier;
import gw.model.net.InvalidModelFileException;
import gw.objective.image.ClassGuidance;
import gw.solver.Dynamics;
import gw.solver.Rollout;
import gw.solver.Step;
import gw.spec.SpecException;
import gw.tensor.Batch;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Sample quality of a learned image model judged by classifiers (docs/IMAGES.md): K unguided samples and the class
 * histogram and mean confidence by --classifier (A); with --target, the same noise sampled with class guidance
 * towards the target through A, and the target-class hit rate and confidence by --judge (B), an independently
 * trained classifier, so guidance cannot score by fooling the classifier it follows.
 */
@Command(name = "sample-quality", mixinStandardHelpOptions = true,
        description = "Class histogram and confidence of unguided samples by a classifier; with --target, class guidance"
                + " through that classifier and the hit rate judged by an independent one.")
public final class SampleQualityCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A trained image flow model.")
    Path model;

    @Option(names = "--classifier", required = true, paramLabel = "DIR",
            description = "Classifier A: judges unguided samples and is the one class guidance follows.")
    Path classifierDir;

    @Option(names = "--judge", paramLabel = "DIR",
            description = "Classifier B, trained independently: judges guided samples (needed with --target).")
    Path judgeDir;

    @Option(names = "--count", description = "Samples K (default ${DEFAULT-VALUE}).", defaultValue = "64")
    int count;

    @Mixin
    SamplingOptions sampling;

    @Option(names = "--target", paramLabel = "CLASS",
            description = "Guide towards this class: an index 0..9 or a name such as Trouser or Bag.")
    String target;

    @Option(names = "--scheme", description = "greedy or end-to-end (default ${DEFAULT-VALUE}).",
            defaultValue = "greedy")
    String scheme;

    @Option(names = "--scale", description = "Guidance scale per unit time (default ${DEFAULT-VALUE}).",
            defaultValue = "1.0")
    double scale;

    @Option(names = "--dps", description = "DPS normalisation: scale / sqrt(2 L(xhat1)) per particle.")
    boolean dps;

    @Option(names = "--grid", paramLabel = "FILE.png", description = "Write the (guided, if --target) samples as a grid.")
    Path grid;

    @Option(names = "--json", paramLabel = "FILE.json", description = "Write the numbers as JSON.")
    Path json;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException {
        if (count < 1 || count > 4096) {
            throw new SpecException("--count", "must be in 1..4096, got " + count);
        }
        sampling.check();
        if (!List.of("greedy", "end-to-end").contains(scheme)) {
            throw new SpecException("--scheme", "must be greedy or end-to-end, got '" + scheme + "'");
        }
        if (!(scale > 0 && Double.isFinite(scale))) {
            throw new SpecException("--scale", "must be > 0 and finite, got " + scale);
        }
        NetworkPredictor m = flowModel();
        ImageClassifier a = classifier("--classifier", classifierDir, m.dim());
        int targetClass = -1;
        ImageClassifier b = null;
        if (target != null) {
            targetClass = targetClass(target, a.config().classes());
            if (judgeDir == null) {
                throw new SpecException("--judge", "--target needs an independent classifier to judge the hit rate");
            }
            b = classifier("--judge", judgeDir, m.dim());
        }
        Dynamics f = Dynamics.inTime(m, m.path());
        Step step = sampling.step();
        double[] times = sampling.times();
        Batch x0 = sampling.noise(count, m.dim());
        long start = System.nanoTime();
        Batch unguided = Rollout.solve(f, step, times, x0, null).output().requireFinite("the unguided samples");
        double unguidedSeconds = (System.nanoTime() - start) / 1e9;
        PrintWriter out = command.commandLine().getOut();
        ObjectNode report = JsonNodeFactory.instance.objectNode();
        report.put("model", model.toString());
        report.put("count", count);
        report.put("steps", sampling.steps);
        report.put("solver", sampling.solver);
        report.put("seed", sampling.seed);
        ClassJudgement byA = ClassJudgement.of(a, unguided);
        out.printf(Locale.ROOT, "unguided: %d samples (%s, N = %d, seed %d) in %.1f s%n", count, sampling.solver,
                sampling.steps, sampling.seed, unguidedSeconds);
        out.printf(Locale.ROOT, "  by classifier A (%s): %s; mean confidence %.3f%n", classifierDir,
                histogram(byA.histogram()), byA.meanConfidence());
        ObjectNode u = report.putObject("unguided");
        u.put("seconds", round(unguidedSeconds));
        u.set("histogramA", histogramJson(byA.histogram()));
        u.put("meanConfidenceA", byA.meanConfidence());
        Batch shown = unguided;
        if (target != null) {
            GradientScheme g = scheme.equals("greedy") ? new Greedy() : new EndToEnd(step, times, 1);
            ClassGuidance loss = new ClassGuidance(a, targetClass);
            start = System.nanoTime();
            Batch guided = GuidedSampler.sample(f, loss, x0,
                    new GuidedSampler.Settings(step, times, g, scale, dps, 0.0, 1.0, true), null)
                    .requireFinite("the guided samples");
            double seconds = (System.nanoTime() - start) / 1e9;
            ClassJudgement byB = ClassJudgement.of(b, guided);
            ClassJudgement guideA = ClassJudgement.of(a, guided);
            ClassJudgement baseB = ClassJudgement.of(b, unguided);
            String name = FashionMnist.CLASSES.get(targetClass);
            out.printf(Locale.ROOT, "guided towards %d %s: %s, scale %s per unit time%s, same noise, in %.1f s (%.2f s per"
                    + " sample)%n", targetClass, name, scheme, scale, dps ? " (DPS-normalised)" : "", seconds,
                    seconds / count);
            out.printf(Locale.ROOT, "  by classifier B (%s, the judge): hit rate %.3f (unguided %.3f), mean p(target)"
                    + " %.3f (unguided %.3f), mean confidence %.3f%n", judgeDir, byB.hitRate(targetClass),
                    baseB.hitRate(targetClass), byB.meanProbability(targetClass), baseB.meanProbability(targetClass),
                    byB.meanConfidence());
            out.printf(Locale.ROOT, "  by classifier A (the guide): hit rate %.3f (unguided %.3f), mean p(target) %.3f"
                    + " (unguided %.3f); B's histogram %s%n", guideA.hitRate(targetClass), byA.hitRate(targetClass),
                    guideA.meanProbability(targetClass), byA.meanProbability(targetClass), histogram(byB.histogram()));
            ObjectNode gj = report.putObject("guided");
            gj.put("target", targetClass);
            gj.put("targetName", name);
            gj.put("scheme", scheme);
            gj.put("scale", scale);
            gj.put("dpsNormalize", dps);
            gj.put("seconds", round(seconds));
            gj.put("hitRateB", byB.hitRate(targetClass));
            gj.put("meanTargetProbabilityB", byB.meanProbability(targetClass));
            gj.put("meanConfidenceB", byB.meanConfidence());
            gj.put("unguidedHitRateB", baseB.hitRate(targetClass));
            gj.put("hitRateA", guideA.hitRate(targetClass));
            gj.put("meanTargetProbabilityA", guideA.meanProbability(targetClass));
            gj.put("unguidedMeanTargetProbabilityA", byA.meanProbability(targetClass));
            gj.set("histogramB", histogramJson(byB.histogram()));
            ArrayNode each = gj.putArray("samples");
            for (int i = 0; i < count; i++) {
                each.addObject().put("predictedB", byB.predicted(i)).put("targetProbabilityB",
                        byB.probabilities(i)[targetClass]).put("predictedA", guideA.predicted(i))
                        .put("unguidedPredictedB", baseB.predicted(i));
            }
            shown = guided;
        }
        if (grid != null) {
            int side = (int) Math.round(Math.sqrt(m.dim()));
            AtomicFiles.write(grid, ImageGrid.png(shown, side, (int) Math.ceil(Math.sqrt(count)), 2));
            out.printf("wrote %s%n", grid);
        }
        if (json != null) {
            AtomicFiles.writeString(json, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n");
            out.printf("wrote %s%n", json);
        }
        out.flush();
        return 0;
    }

    private NetworkPredictor flowModel() {
        return imageFlowModel(model);
    }

    /** The U-Net flow model in {@code model}, or exit 2 naming --model (also used by sample-images). */
    static NetworkPredictor imageFlowModel(Path model) {
        NetworkPredictor m;
        try {
            m = LearnedModels.load(model);
        } catch (InvalidModelFileException e) {
            throw new SpecException("--model", e.getMessage());
        }
        int side = (int) Math.round(Math.sqrt(m.dim()));
        if (side * side != m.dim() || !m.network().architecture().path("kind").asText().equals("unet")) {
            throw new SpecException("--model", model + " is not an image model (dimension " + m.dim() + ")");
        }
        return m;
    }

    private static ImageClassifier classifier(String option, Path dir, int dim) {
        ImageClassifier c;
        try {
            c = Classifiers.load(dir);
        } catch (InvalidModelFileException e) {
            throw new SpecException(option, e.getMessage());
        }
        int side = c.config().side();
        if (side * side != dim) {
            throw new SpecException(option, dir + " classifies " + side + " x " + side + " images; the model draws "
                    + dim + " pixels");
        }
        return c;
    }

    /** An index 0..classes-1, or a Fashion-MNIST class name (case and punctuation ignored). */
    static int targetClass(String s, int classes) {
        try {
            int c = Integer.parseInt(s.trim());
            if (c < 0 || c >= classes) {
                throw new SpecException("--target", "class index must be in 0.." + (classes - 1) + ", got " + c);
            }
            return c;
        } catch (NumberFormatException notANumber) {
            String key = s.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
            for (int c = 0; c < Math.min(classes, FashionMnist.CLASSES.size()); c++) {
                if (FashionMnist.CLASSES.get(c).replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT).equals(key)) {
                    return c;
                }
            }
            throw new SpecException("--target", "unknown class '" + s + "'; an index 0.." + (classes - 1) + " or one of "
                    + String.join(", ", FashionMnist.CLASSES));
        }
    }

    private static String histogram(int[] h) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < h.length; c++) {
            b.append(c == 0 ? "" : ", ").append(c < FashionMnist.CLASSES.size() ? FashionMnist.CLASSES.get(c) : "" + c)
                    .append(' ').append(h[c]);
        }
        int max = 0;
        int total = 0;
        for (int v : h) {
            max = Math.max(max, v);
            total += v;
        }
        return b.append(String.format(Locale.ROOT, " (largest class %.1f %%)", 100.0 * max / total)).toString();
    }

    private static ArrayNode histogramJson(int[] h) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (int v : h) {
            a.add(v);
        }
        return a;
    }

    private static double round(double s) {
        return Math.round(s * 100) / 100.0;
    }
}
