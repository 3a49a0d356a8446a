package gw.app.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    /** The same with the data's box known (the training set's), which spares sampling the network. */
    static Scenario of(TargetPredictor model, String name, String description, double[][] box) {
        double tx = round(box[0][0] + 0.8 * (box[0][1] - box[0][0]));
        double ty = round(box[1][0] + 0.8 * (box[1][1] - box[1][0]));
        String path = model.requiredPath().orElse("ot");
        Settings s = new Settings(model, tx, ty, path, "euler", "euler", 20, 3, SCALE, 1024, 0L,
                List.of("none", "greedy", "lookahead", "end-to-end"), false);
        return new Scenario(name, description, model, Bounds.of(box, tx, ty), s);
    }

    /**
     * A scenario per model folder under {@code dir} (assets/models), in name order; a folder that does not load is
     * skipped with its reason added to {@code skipped}.
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
                TargetPredictor m = LearnedModels.load(f);
                if (m.dim() == 2) {
                    String name = "Learned: " + f.getFileName() + " (MLP)";
                    double[][] box = trainingBox(f);
                    out.add(box == null ? of(m, name, describe(f)) : of(m, name, describe(f), box));
                }
            } catch (RuntimeException e) {
                skipped.add(f.getFileName() + ": " + e.getMessage());
            }
        }
        return out;
    }

    /**
     * The box of the training data named by the card, regenerated when it is a procedural set or a mixture (fast,
     * no network call); null otherwise. Per coordinate the 0.5 % and 99.5 % quantiles, widened by a tenth.
     */
    static double[][] trainingBox(Path folder) {
        try {
            JsonNode d = new ObjectMapper().readTree(folder.resolve("card.json").toFile()).path("data");
            String kind = d.path("kind").asText();
            if (gw.data.Procedural.byName(kind) == null) {
                return null;
            }
            gw.tensor.Batch b = gw.data.DataSpec.procedural(kind, 4096, d.path("seed").asLong()).load();
            double[][] box = new double[b.cols()][];
            double[] col = new double[b.rows()];
            for (int c = 0; c < b.cols(); c++) {
                for (int i = 0; i < col.length; i++) {
                    col[i] = b.get(i, c);
                }
                java.util.Arrays.sort(col);
                double lo = col[(int) (0.005 * (col.length - 1))];
                double hi = col[(int) Math.ceil(0.995 * (col.length - 1))];
                box[c] = new double[] {lo - 0.1 * (hi - lo), hi + 0.1 * (hi - lo)};
            }
            return box;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** What the card says: network, data, training. */
    static String describe(Path folder) {
        try {
            JsonNode c = new ObjectMapper().readTree(folder.resolve("card.json").toFile());
            JsonNode a = c.path("architecture");
            JsonNode d = c.path("data");
            return String.format(java.util.Locale.ROOT, "A flow-matching network (MLP, width %d, depth %d, %s) "
                    + "trained on %s%s for %d steps on the %s path (assets/models/%s). It has no closed-form "
                    + "density: the unguided panel shows what it learned, and the exact ideal is its own flow, "
                    + "solved by RK4 in t.", a.path("width").asInt(), a.path("depth").asInt(),
                    a.path("dtype").asText(), d.path("kind").asText(),
                    d.has("samples") ? " (" + d.path("samples").asInt() + " points)" : "",
                    c.path("training").path("steps").asInt(), c.path("path").asText(), folder.getFileName());
        } catch (IOException e) {
            return "A network loaded from " + folder + " (no readable card.json).";
        }
    }

    /** To a quarter, so the target reads well in the controls. */
    private static double round(double v) {
        return Math.round(v * 4) / 4.0;
    }
}
