package gw.spec;

import gw.model.TargetPredictor;
import gw.objective.Objective;
import gw.path.AffinePath;
import gw.path.Paths;
import gw.solver.Solvers;
import gw.tensor.Batch;
import java.util.List;

/**
 * A validated probe spec: guidance gradients of one model, path and objective at grid time t = index/steps
 * for a batch of points, with lookahead through {@code solver} for each horizon (docs/CLI.md).
 */
public record ProbeSpec(TargetPredictor model, AffinePath path, String solver, int steps, int index,
                        Objective objective, Batch points, int[] horizons) {

    public static final List<String> KEYS =
            List.of("model", "path", "solver", "steps", "index", "objective", "points", "horizons");

    /** The grid time of the probe. */
    public double t() {
        return (double) index / steps;
    }

    /** Validates everything, including the work and memory guards, before anything is computed. */
    public static ProbeSpec read(Field root) {
        root.object(KEYS);
        TargetPredictor model = ModelReader.read(root.get("model"));
        AffinePath path = Paths.byName(root.get("path").oneOf(Paths.NAMES));
        String solver = root.get("solver").oneOf(Solvers.NAMES);
        int steps = root.get("steps").integer(1, Limits.MAX_STEPS);
        Field indexField = root.get("index");
        long index = indexField.integer();
        indexField.require(index >= 0 && index < steps,
                "must be an integer with 0 <= index < steps = " + steps + ", got " + Field.shortened(indexField.node().asText()));
        Field objectiveField = root.get("objective");
        Objective objective = ObjectiveReader.read(objectiveField, model.dim());
        Batch points = readPoints(root.get("points"), model.dim());
        List<Field> hf = root.get("horizons").array(1, Limits.MAX_HORIZONS);
        int[] horizons = new int[hf.size()];
        for (int i = 0; i < horizons.length; i++) {
            horizons[i] = hf.get(i).integer(1, Limits.MAX_HORIZON);
        }
        ProbeSpec spec = new ProbeSpec(model, path, solver, steps, (int) index, objective, points, horizons);
        Workload.ofProbe(spec, ObjectiveReader.gradientCost(objectiveField, model.dim())).check(root);
        return spec;
    }

    /** Reads [[D], ...] straight into one row-major batch. */
    static Batch readPoints(Field f, int d) {
        List<Field> rows = f.array(1, Limits.MAX_POINTS);
        double[] data = new double[rows.size() * d];
        for (int i = 0; i < rows.size(); i++) {
            double[] row = rows.get(i).vector(d, "D = " + d + ", the model's dimension");
            System.arraycopy(row, 0, data, i * d, d);
        }
        return new Batch(data, rows.size(), d);
    }
}
