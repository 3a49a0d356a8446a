package gw.experiment.image;

import gw.data.FashionMnist;
import gw.data.LabelledImages;
import gw.data.MissingDatasetException;
import gw.model.Classifiers;
import gw.model.LearnedModels;
import gw.model.TargetPredictor;
import gw.model.net.ImageClassifier;
import gw.model.net.InvalidModelFileException;
import gw.objective.image.ImageTasks;
import gw.solver.Solvers;
import gw.spec.CellSpec;
import gw.spec.Field;
import gw.spec.SpecException;
import gw.spec.SpecReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an image experiment spec (docs/IMAGES.md) in the style of the gw.spec readers: every field is checked before
 * any work starts, and the first problem is a one-line {@link SpecException} naming the field and what is allowed.
 * The model is loaded and the test images are read here, so a missing file or data package is refused up front.
 */
public final class ImageExperimentReader {
    static final List<String> TOP = List.of("kind", "name", "description", "model", "images", "tasks", "noiseStd",
            "box", "steps", "solver", "scale", "scalePer", "seed", "schemes", "sweep", "gradientError", "classifier",
            "judge", "targetClass", "batchSize");
    static final List<String> SCHEME_FIELDS = List.of("scheme", "label", "horizon", "lookaheadSolver",
            "dpsNormalize", "checkpoint", "adjointSolver", "noiseOptimization", "scale");
    /** The kind value that marks an image experiment. */
    public static final String KIND = "image-experiment";
    static final int MAX_IMAGES = 1024;
    static final int MAX_LIST = 16;
    static final int MAX_SWEEP_VALUES = 64;
    static final double MAX_NOISE_STD = 10;
    /**
     * Network passes (NFEs + VJPs) an experiment may plan: about a day of the shipped U-Net on two cores, so that a
     * typo such as {@code "steps": 10000} is refused at once.
     */
    static final double MAX_PASSES = 500_000;

    private ImageExperimentReader() {
    }

    /** Whether a spec document is an image experiment: it says {@code "kind": "image-experiment"}. */
    public static boolean isImageExperiment(Field root) {
        return root.node().isObject() && KIND.equals(root.node().path("kind").asText(null));
    }

    public static ImageExperimentSpec read(Path file) {
        return read(SpecReader.read(file));
    }

    public static ImageExperimentSpec read(Field root) {
        root.object(TOP);
        root.get("kind").oneOf(List.of(KIND));
        Field modelField = root.get("model");
        TargetPredictor model = model(modelField);
        LabelledImages data = testImages(root);
        int side = data.side();
        try {
            ImageReconstruction.checkModel(model, side);
        } catch (IllegalArgumentException e) {
            throw modelField.error(e.getMessage());
        }
        int[] images = images(root.get("images"), data.count());
        List<String> taskNames = new ArrayList<>(ImageProblems.names());
        if (!taskNames.contains(ClassTask.NAME)) {
            taskNames.add(ClassTask.NAME);
        }
        List<String> tasks = distinctNames(root.get("tasks"), taskNames);
        ClassTask classTask = classTask(root, tasks.contains(ClassTask.NAME), side);
        double noiseStd = root.optional("noiseStd").map(ImageExperimentReader::noiseStd).orElse(0.05);
        int box = root.optional("box").map(f -> f.integer(1, side - 1)).orElse(ImageTasks.BOX);
        int steps = root.optional("steps").map(f -> f.integer(1, ReconstructionRequest.MAX_STEPS)).orElse(20);
        String solver = root.optional("solver").map(f -> f.oneOf(Solvers.NAMES)).orElse("euler");
        double scale = root.optional("scale").map(ImageExperimentReader::scale).orElse(1.0);
        boolean perUnitTime = root.optional("scalePer").map(f -> f.oneOf(List.of("step", "unit-time")))
                .map("unit-time"::equals).orElse(false);
        long seed = root.optional("seed").map(ImageExperimentReader::seed).orElse(0L);
        Map<String, List<Number>> sweep = root.optional("sweep").map(ImageExperimentReader::sweep)
                .orElse(new LinkedHashMap<>());
        List<Field> schemeFields = root.get("schemes").array(1, MAX_LIST);
        List<SchemeChoice> schemes = new ArrayList<>();
        double[] schemeScales = new double[schemeFields.size()];
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < schemeFields.size(); i++) {
            Field f = schemeFields.get(i);
            SchemeChoice s = scheme(f);
            f.require(labels.add(s.label()), "the label \"" + s.label() + "\" is used by an earlier scheme; give one"
                    + " of them its own \"label\"");
            schemes.add(s);
            schemeScales[i] = Double.NaN;
            if (f.node().isObject() && f.has("scale")) {
                Field sf = f.get("scale");
                sf.require(!sweep.containsKey("scale"), "cannot be set while sweep.scale varies the scale");
                schemeScales[i] = scale(sf);
            }
        }
        GradientErrorSettings gradientError = root.optional("gradientError")
                .map(f -> gradientError(f, sweep.containsKey("steps")
                        ? sweep.get("steps").stream().mapToInt(Number::intValue).min().orElse(steps) : steps))
                .orElse(null);
        ReconstructionRequest base = new ReconstructionRequest(images[0], tasks.get(0), noiseStd, seed,
                schemes.get(0), steps, scale, solver, perUnitTime, box, gradientError);
        String name = root.optional("name").map(Field::string).orElse("");
        String description = root.optional("description").map(Field::string).orElse("");
        ImageExperimentSpec spec = new ImageExperimentSpec(name, description, model, modelField.node().isTextual()
                ? modelField.string() : modelField.get("file").string(), data, images, tasks, schemes, schemeScales,
                base, sweep, root.node().toPrettyString(), classTask, root.optional("batchSize")
                .map(f -> f.integer(1, ImageExperimentSpec.MAX_BATCH)).orElse(ImageExperimentSpec.DEFAULT_BATCH));
        checkWork(root, spec);
        return spec;
    }

    /** A model folder: {@code "DIR"} or {@code {"kind": "unet", "file": "DIR"}}. */
    private static TargetPredictor model(Field f) {
        Field file = f;
        if (!f.node().isTextual()) {
            f.object(List.of("kind", "file"));
            f.get("kind").oneOf(List.of("unet"));
            file = f.get("file");
        }
        try {
            return LearnedModels.load(file.file());
        } catch (InvalidModelFileException e) {
            throw file.error(e.getMessage());
        }
    }

    /**
     * The guide, judge and target of the "class" task; null without it. The three fields are required with the task
     * and refused without it, so a spec cannot silently ignore them.
     */
    private static ClassTask classTask(Field root, boolean wanted, int side) {
        if (!wanted) {
            for (String k : List.of("classifier", "judge", "targetClass")) {
                root.optional(k).ifPresent(f -> {
                    throw f.error("is only used with the task \"" + ClassTask.NAME + "\" (add it to tasks)");
                });
            }
            return null;
        }
        Field guideField = root.get("classifier");
        Field judgeField = root.get("judge");
        ImageClassifier guide = classifier(guideField, side);
        ImageClassifier judge = classifier(judgeField, side);
        int classes = guide.config().classes();
        judgeField.require(judge.config().classes() == classes, "has " + judge.config().classes()
                + " classes, the classifier " + classes);
        int target = root.get("targetClass").integer(0, classes - 1);
        return new ClassTask(guide, guideField.string(), judge, judgeField.string(), target);
    }

    private static ImageClassifier classifier(Field f, int side) {
        ImageClassifier c;
        try {
            c = Classifiers.load(f.file());
        } catch (InvalidModelFileException e) {
            throw f.error(e.getMessage());
        }
        f.require(c.config().side() == side, "classifies " + c.config().side() + " x " + c.config().side()
                + " images; the test images are " + side + " x " + side);
        return c;
    }

    /** The Fashion-MNIST test split; a missing data package is an error on "images". */
    private static LabelledImages testImages(Field root) {
        Field images = root.get("images");
        try {
            return FashionMnist.load(FashionMnist.Split.TEST);
        } catch (MissingDatasetException e) {
            throw images.error(e.getMessage());
        } catch (IOException e) {
            throw images.error("cannot read the Fashion-MNIST test images: " + SpecException.reason(e));
        }
    }

    private static int[] images(Field f, int count) {
        List<Field> entries = f.array(1, MAX_IMAGES);
        int[] out = new int[entries.size()];
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < out.length; i++) {
            Field e = entries.get(i);
            long v = e.integer();
            e.require(v >= 0 && v < count, "must be a test-image index from 0 to " + (count - 1) + ", got "
                    + e.node().asText());
            out[i] = (int) v;
            e.require(seen.add(out[i]), "image " + out[i] + " is listed twice");
        }
        return out;
    }

    private static List<String> distinctNames(Field f, List<String> allowed) {
        List<String> out = new ArrayList<>();
        for (Field e : f.array(1, MAX_LIST)) {
            String v = e.oneOf(allowed);
            e.require(!out.contains(v), "\"" + v + "\" is listed twice");
            out.add(v);
        }
        return out;
    }

    private static double noiseStd(Field f) {
        double v = f.number();
        f.require(v > 0 && v <= MAX_NOISE_STD, "must be in (0, " + (int) MAX_NOISE_STD + "] (sigma_y > 0), got " + v);
        return v;
    }

    private static double scale(Field f) {
        double v = f.number();
        f.require(v >= 0 && v <= ReconstructionRequest.MAX_SCALE, "must be in [0, " + ReconstructionRequest.MAX_SCALE
                + "], got " + v);
        return v;
    }

    private static long seed(Field f) {
        long v = f.integer();
        f.require(v >= 0 && v < Long.MAX_VALUE, "must be an integer from 0 to " + (Long.MAX_VALUE - 1) + ", got "
                + f.node().asText());
        return v;
    }

    private static boolean bool(Field f) {
        f.require(f.node().isBoolean(), "must be true or false, got " + f.node());
        return f.node().booleanValue();
    }

    /** A scheme: its name, or an object with "scheme" and its settings. */
    private static SchemeChoice scheme(Field f) {
        if (f.node().isTextual()) {
            return new SchemeChoice(f.oneOf(SchemeChoice.schemes()), 1, "euler", false, "none", 0, "rk4", null, "");
        }
        f.object(SCHEME_FIELDS);
        String scheme = f.get("scheme").oneOf(SchemeChoice.schemes());
        String label = f.optional("label").map(Field::string).orElse("");
        if (!label.isEmpty()) {
            f.get("label").require(label.matches("[A-Za-z0-9][A-Za-z0-9._+-]{0,39}"), "must be 1 to 40 letters, "
                    + "digits or . _ + - (it names files), starting with a letter or digit, got \"" + label + "\"");
        }
        int horizon = f.optional("horizon").map(h -> h.integer(1, 4096)).orElse(1);
        String la = f.optional("lookaheadSolver").map(h -> h.oneOf(Solvers.NAMES)).orElse("euler");
        boolean dps = f.optional("dpsNormalize").map(ImageExperimentReader::bool).orElse(false);
        String adjoint = f.optional("adjointSolver").map(h -> h.oneOf(List.of("euler", "midpoint", "heun", "rk4")))
                .orElse("rk4");
        String mode = "none";
        int param = 0;
        if (f.has("checkpoint")) {
            Field c = f.get("checkpoint").object(List.of("mode", "param"));
            mode = c.get("mode").oneOf(CellSpec.CHECKPOINTS);
            param = c.optional("param").map(p -> p.integer(0, ReconstructionRequest.MAX_STEPS)).orElse(0);
        }
        CellSpec.NoiseOptimizationSettings no = f.optional("noiseOptimization").map(ImageExperimentReader::noiseOpt)
                .orElse(null);
        return new SchemeChoice(scheme, horizon, la, dps, mode, param, adjoint, no, label);
    }

    private static CellSpec.NoiseOptimizationSettings noiseOpt(Field f) {
        f.object(List.of("optimizer", "iterations", "learningRate", "priorWeight", "gradient"));
        CellSpec.NoiseOptimizationSettings d = CellSpec.NoiseOptimizationSettings.DEFAULT;
        String opt = f.optional("optimizer").map(o -> o.oneOf(List.of("adam", "lbfgs"))).orElse(d.optimizer());
        int it = f.optional("iterations").map(o -> o.integer(0, 10_000)).orElse(d.iterations());
        double lr = f.optional("learningRate").map(o -> bounded(o, 1e-12, 1e6)).orElse(d.learningRate());
        double pw = f.optional("priorWeight").map(o -> bounded(o, 0, 1e6)).orElse(d.priorWeight());
        boolean adjoint = f.optional("gradient").map(o -> o.oneOf(List.of("backprop", "adjoint")))
                .map("adjoint"::equals).orElse(false);
        return new CellSpec.NoiseOptimizationSettings(opt, it, lr, pw, adjoint);
    }

    private static double bounded(Field f, double min, double max) {
        double v = f.number();
        f.require(v >= min && v <= max, "must be in [" + min + ", " + max + "], got " + v);
        return v;
    }

    private static Map<String, List<Number>> sweep(Field f) {
        f.object(ImageExperimentSpec.AXES);
        Map<String, List<Number>> axes = new LinkedHashMap<>();
        for (java.util.Iterator<String> names = f.node().fieldNames(); names.hasNext(); ) {
            String axis = names.next();
            List<Number> values = new ArrayList<>();
            for (Field v : f.get(axis).array(1, MAX_SWEEP_VALUES)) {
                values.add(switch (axis) {
                    case "scale" -> scale(v);
                    case "steps" -> v.integer(1, ReconstructionRequest.MAX_STEPS);
                    case "noiseStd" -> noiseStd(v);
                    default -> seed(v);
                });
            }
            axes.put(axis, values);
        }
        return axes;
    }

    private static GradientErrorSettings gradientError(Field f, int minSteps) {
        f.object(List.of("steps", "horizon", "solver"));
        List<Field> entries = f.get("steps").array(1, 64);
        int[] steps = new int[entries.size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = entries.get(i).integer(0, minSteps - 1);
        }
        int horizon = f.optional("horizon").map(h -> h.integer(1, GradientErrorSettings.MAX_HORIZON)).orElse(64);
        String solver = f.optional("solver").map(h -> h.oneOf(Solvers.NAMES)).orElse("heun");
        return new GradientErrorSettings(steps, horizon, solver);
    }

    /** Refuses an experiment whose planned network passes exceed {@link #MAX_PASSES}. */
    private static void checkWork(Field root, ImageExperimentSpec spec) {
        double passes = 0;
        for (Map<String, Number> p : spec.points()) {
            for (int s = 0; s < spec.schemes().size(); s++) {
                passes += ImageCosts.passes(spec.request(p, spec.tasks().get(0), s, spec.images()[0]))
                        * spec.tasks().size() * spec.images().length;
            }
        }
        if (passes > MAX_PASSES) {
            throw root.error(String.format("would take about %.3g network passes (NFEs + VJPs); at most %.0f are "
                    + "allowed (fewer images, tasks, schemes, steps or sweep values)", passes, MAX_PASSES));
        }
    }

    static String describe(int[] v) {
        return Arrays.toString(v);
    }
}
