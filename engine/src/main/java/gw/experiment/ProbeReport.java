package gw.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** What a probe found: per point, the predictions at t and every guidance gradient, compared with the ideal. */
public record ProbeReport(double t, List<PointResult> results, IdealSolve idealSolve) {

    /**
     * How the ideal was solved: the tolerance used, the RK4 steps of its finest pass, the relative change from half
     * as many, and whether it converged (a network's solve can stop at its step cap: then {@code note} says so).
     */
    public record IdealSolve(double tolerance, int steps, double change, boolean converged, String note) {
    }

    /** One point's predictions and gradients; {@code ideal} is the continuous end-to-end gradient g*. */
    public record PointResult(double[] point, double[] xhat1, double[] xhat0, double[] velocity, double[] greedy,
                              double[] ideal, List<LookaheadResult> lookahead) {
    }

    /**
     * The horizon-H lookahead gradient, its agreement with the ideal, and the cost of computing it for the
     * whole batch. Where the ideal gradient is zero to rounding (gw.metric.Agreement.ZERO) cosine and
     * relativeError are null (undefined) and absoluteError |g - g*| is given; elsewhere absoluteError is null.
     * Where only the lookahead gradient is zero to rounding, cosine is null.
     */
    public record LookaheadResult(int horizon, double[] gradient, Double cosine, Double relativeError,
                                  Double absoluteError, long nfe, long vjps) {
    }

    /** The documented output object, keys in a fixed order. */
    public ObjectNode toJson() {
        JsonNodeFactory nf = JsonNodeFactory.instance;
        ObjectNode root = nf.objectNode();
        root.put("t", t);
        ObjectNode is = root.putObject("idealSolve");
        is.put("tolerance", idealSolve.tolerance());
        is.put("steps", idealSolve.steps());
        is.put("change", idealSolve.change());
        is.put("converged", idealSolve.converged());
        ArrayNode rs = root.putArray("results");
        for (PointResult p : results) {
            ObjectNode o = rs.addObject();
            put(o, "point", p.point());
            put(o, "xhat1", p.xhat1());
            put(o, "xhat0", p.xhat0());
            put(o, "velocity", p.velocity());
            put(o, "greedy", p.greedy());
            put(o, "ideal", p.ideal());
            ArrayNode ls = o.putArray("lookahead");
            for (LookaheadResult l : p.lookahead()) {
                ObjectNode lo = ls.addObject();
                lo.put("horizon", l.horizon());
                put(lo, "gradient", l.gradient());
                lo.put("cosine", l.cosine());
                lo.put("relativeError", l.relativeError());
                if (l.absoluteError() != null) {
                    lo.put("absoluteError", l.absoluteError());
                }
                lo.put("nfe", l.nfe());
                lo.put("vjps", l.vjps());
            }
        }
        return root;
    }

    private static void put(ObjectNode o, String key, double[] v) {
        ArrayNode a = o.putArray(key);
        for (double x : v) {
            a.add(x);
        }
    }
}
