package gw.spec;

import com.fasterxml.jackson.databind.JsonNode;
import gw.objective.Measurement;
import gw.objective.Objective;
import gw.objective.SquaredDistance;
import java.util.List;

/**
 * Reads a loss on final samples of dimension D:
 * {@code {"kind": "squared-distance", "target": [D]}} or
 * {@code {"kind": "measurement", "operator": [[D] x M], "y": [M], "noiseStd": s}} (s > 0).
 */
public final class ObjectiveReader {
    public static final List<String> KINDS = List.of("squared-distance", "measurement");

    private ObjectiveReader() {
    }

    /** Multiply-adds per point of one gradient of the (already validated) objective at {@code f}. */
    public static double gradientCost(Field f, int d) {
        JsonNode operator = f.node().get("operator");
        return operator == null ? d : 2.0 * d * operator.size();
    }

    public static Objective read(Field f, int d) {
        f.object();
        String kind = f.get("kind").oneOf(KINDS);
        String dim = "D = " + d + ", the model's dimension";
        if (kind.equals("squared-distance")) {
            f.object(List.of("kind", "target"));
            return new SquaredDistance(f.get("target").vector(d, dim));
        }
        f.object(List.of("kind", "operator", "y", "noiseStd"));
        List<Field> rows = f.get("operator").array(1, Limits.MAX_MEASUREMENTS);
        double[][] operator = new double[rows.size()][];
        for (int m = 0; m < operator.length; m++) {
            operator[m] = rows.get(m).vector(d, dim);
        }
        double[] y = f.get("y").vector(operator.length, "M = " + operator.length + ", one per operator row");
        double noiseStd = f.get("noiseStd").positive();
        return new Measurement(operator, y, noiseStd);
    }
}
