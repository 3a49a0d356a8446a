package gw.app.state;

import com.fasterxml.jackson.databind.JsonNode;
import gw.model.LearnedModel;
import gw.model.LearnedModels;
import gw.model.TargetPredictor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Scenarios on a learned model: its own path (it runs on no other), the plot window of its training data, and a
 * target in the upper right of that data, off its bulk, so guidance has work to do.
 */
public final class LearnedScenarios {
    /** Guidance scale of a learned scenario: the reference scenario's. */
    static final double SCALE = 0.05;

    private LearnedScenarios() {
    }

    public static Scenario of(TargetPredictor model, String name, String description) {
        if (model.dim() != 2) {
            throw new IllegalArgumentException("the workbench draws 2-D models; " + name + " has dimension "
                    + model.dim());
        }
        return of(model, name, description, model.extent());
    }

    /** The same with the data's box known (the training set's, from the card), which spares sampling the network. */
    static Scenario of(TargetPredictor model, String name, String description, double[][] box) {
        double tx = round(box[0][0] + 0.8 * (box[0][1] - box[0][0]));
        double ty = round(box[1][0] + 0.8 * (box[1][1] - box[1][0]));
        String path = model.requiredPath().orElse("ot");
        Settings s = new Settings(model, tx, ty, path, "euler", "euler", 20, 3, SCALE, 1024, 0L,
                List.of("none", "greedy", "lookahead", "end-to-end"), false);
        return new Scenario(name, description, model, Bounds.of(box, tx, ty), s);
    }

    /**
     * A scenario per 2-D model folder under {@code dir} (assets/models), in name order, listed from its card (no
     * network is loaded: {@link LearnedModel} loads it when the scenario first runs); a folder whose header does not
     * read is skipped with its reason added to {@code skipped}, and so are models of other dimensions; classifiers
     * are left out silently.
     */
    public static List<Scenario> in(Path dir, List<String> skipped) {
        List<Scenario> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> folders;
        try (Stream<Path> s = Files.list(dir)) {
            folders = s.filter(p -> Files.isRegularFile(p.resolve(LearnedModels.MODEL_FILE))).sorted().toList();
        } catch (IOException e) {
            skipped.add(dir + ": " + e.getMessage());
            return out;
        }
        for (Path f : folders) {
            try {
                if (isClassifier(f)) {
                    continue; // an image classifier (fashion-classifier-a, -b) is no flow model: not a scenario
                }
                LearnedModel m = LearnedModels.open(f);
                if (m.dim() == 2) {
                    out.add(of(m, "Learned: " + f.getFileName() + " (MLP)", describe(m.card().card(), f)));
                }
            } catch (RuntimeException e) {
                skipped.add(f.getFileName() + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** Whether the folder's model file says role "classifier" (read from its header, nothing loaded). */
    private static boolean isClassifier(Path folder) {
        return gw.model.Classifiers.ROLE.equals(gw.model.net.NetworkHeader.read(folder.resolve(
                LearnedModels.MODEL_FILE)).path("meta").path("role").asText());
    }

    /** What the card says: network, data, training. */
    static String describe(JsonNode c, Path folder) {
        if (!c.has("architecture")) {
            return "A network loaded from " + folder + " (no readable card.json).";
        }
        JsonNode a = c.path("architecture");
        JsonNode d = c.path("data");
        return String.format(java.util.Locale.ROOT, "A flow-matching network (MLP, width %d, depth %d, %s) "
                    + "trained on %s%s for %d steps on the %s path (assets/models/%s). It has no closed-form "
                    + "density: the unguided panel shows what it learned. Its continuous ideal is its own flow to "
                    + "t = 0.999, then x\u0302\u2081 there, costly to solve: the gradient error is measured at "
                    + "fewer steps and particles (docs/TRAINING.md).", a.path("width").asInt(), a.path("depth").asInt(),
                    a.path("dtype").asText(), d.path("kind").asText(),
                    d.has("samples") ? " (" + d.path("samples").asInt() + " points)" : "",
                    c.path("training").path("steps").asInt(), c.path("path").asText(), folder.getFileName());
    }

    /** To a quarter, so the target reads well in the controls. */
    private static double round(double v) {
        return Math.round(v * 4) / 4.0;
    }
}
