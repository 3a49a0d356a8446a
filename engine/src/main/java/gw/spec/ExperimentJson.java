package gw.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import gw.model.TargetPredictor;
import gw.path.Paths;
import gw.solver.Solvers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The experiment spec file: a probe-style model, objective, path and solver, plus sampling, guidance, measurement
 * and sweep settings; every field but model and objective has a default (docs/EXPERIMENTS.md). Reading validates
 * every field before any work starts and names the offending one; writing gives JSON that reads back to the same
 * spec, so an experiment saved by the app re-runs from the command line.
 */
public final class ExperimentJson {
    static final List<String> TOP = List.of("name", "description", "model", "objective", "path", "solver", "steps",
            "scheme", "horizon", "lookaheadSolver", "scale", "scalePer", "dpsNormalize", "window", "particles", "seed", "metrics",
            "adjointSolver", "checkpoint", "trajectories", "noiseOptimization", "sweep");
    private static final ObjectMapper OUT = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExperimentJson() {
    }

    public static ExperimentSpec read(Path file) {
        return parse(SpecReader.read(file), file.toString());
    }

    public static ExperimentSpec parse(String json) {
        return parse(SpecReader.parse(json.getBytes(StandardCharsets.UTF_8), "the experiment spec"), null);
    }

    private static ExperimentSpec parse(Field root, String source) {
        root.object(TOP);
        CellSpec.Builder b = CellSpec.defaults(null, null).toBuilder();
        TargetPredictor model = ModelReader.read(root.get("model"));
        b.model(model);
        b.objective(ObjectiveReader.read(root.get("objective"), model.dim()));
        CellSettingsReader.read(root, b);
        Map<String, List<Object>> sweep = root.has("sweep") ? SweepReader.read(root.get("sweep")) : Map.of();
        String name = root.optional("name").map(Field::string).orElse("");
        String description = root.optional("description").map(Field::string).orElse("");
        ExperimentSpec spec = new ExperimentSpec(name, description, b.build(), sweep,
                root.node().toPrettyString());
        ExperimentLimits.check(root, spec);
        return spec;
    }

    /** JSON text that {@link #parse(String)} reads back to an equal experiment. */
    public static String write(ExperimentSpec spec) {
        CellSpec c = spec.base();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", spec.name());
        m.put("description", spec.description());
        m.put("model", SpecJsonValues.model(c.model()));
        m.put("objective", SpecJsonValues.objective(c.objective()));
        m.put("path", c.path());
        m.put("solver", c.solver());
        m.put("steps", c.steps());
        m.put("scheme", c.scheme());
        m.put("horizon", c.horizon());
        m.put("lookaheadSolver", c.lookaheadSolver());
        m.put("scale", c.scale());
        m.put("scalePer", c.scalePerUnitTime() ? "unit-time" : "step");
        m.put("dpsNormalize", c.dpsNormalize());
        m.put("window", List.of(c.tStart(), c.tEnd()));
        m.put("particles", c.particles());
        m.put("seed", c.seed());
        m.put("metrics", Map.of("particles", c.metricParticles(), "idealTolerance", c.idealTolerance()));
        m.put("adjointSolver", c.adjointSolver());
        m.put("checkpoint", Map.of("mode", c.checkpoint(), "param", c.checkpointParam()));
        m.put("trajectories", c.trajectoryParticles());
        CellSpec.NoiseOptimizationSettings n = c.noiseOptimization();
        Map<String, Object> no = new LinkedHashMap<>();
        no.put("optimizer", n.optimizer());
        no.put("iterations", n.iterations());
        no.put("learningRate", n.learningRate());
        no.put("priorWeight", n.priorWeight());
        no.put("gradient", n.adjoint() ? "adjoint" : "backprop");
        m.put("noiseOptimization", no);
        if (!spec.sweep().isEmpty()) {
            m.put("sweep", new LinkedHashMap<>(spec.sweep()));
        }
        try {
            return OUT.writeValueAsString(m) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Names allowed for each string setting, shared by the cell reader and the sweep reader. */
    static List<String> allowed(String setting) {
        return switch (setting) {
            case "path" -> Paths.NAMES;
            case "solver", "lookaheadSolver" -> Solvers.NAMES;
            case "adjointSolver" -> List.of("euler", "midpoint", "heun", "rk4");
            case "scheme" -> CellSpec.SCHEMES;
            default -> new ArrayList<>();
        };
    }
}
