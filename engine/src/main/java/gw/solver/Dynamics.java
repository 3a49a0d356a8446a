package gw.solver;

import gw.model.Prediction;
import gw.model.TargetPredictor;
import gw.path.AffinePath;
import gw.path.PathPoint;
import java.util.function.DoubleFunction;
import gw.tensor.Batch;

/**
 * The ODE dx/dtau = u(x, tau) of a model on a parametrisation tau -> path point, with cost counters.
 * In path time (tau = t) u is the marginal velocity; in EDM coordinates (tau = kappa, x = z) the same code
 * yields dz/dkappa = xhat0, since the pseudo point (alpha 1, sigma kappa) has velocity xhat0.
 */
public final class Dynamics {
    private final TargetPredictor model;
    private final DoubleFunction<PathPoint> points;
    private final Cost cost;

    private Dynamics(TargetPredictor model, DoubleFunction<PathPoint> points, Cost cost) {
        this.model = model;
        this.points = points;
        this.cost = cost;
    }

    public static Dynamics inTime(TargetPredictor model, AffinePath path) {
        return inTime(model, path, new Cost());
    }

    /** @throws IllegalArgumentException when the model was trained on another path */
    public static Dynamics inTime(TargetPredictor model, AffinePath path, Cost cost) {
        model.requiredPath().filter(p -> !p.equals(path.name())).ifPresent(p -> {
            throw new IllegalArgumentException("model '" + model.kind() + "' was trained on the " + p
                    + " path; it cannot be used on " + path.name());
        });
        return new Dynamics(model, path::at, cost);
    }

    /** EDM coordinates; only for models that accept any (alpha, sigma). */
    public static Dynamics inKappa(TargetPredictor model, Cost cost) {
        if (!model.acceptsAnyPathPoint()) {
            throw new IllegalArgumentException("model '" + model.kind() + "' cannot be evaluated in EDM coordinates");
        }
        return new Dynamics(model, PathPoint::edm, cost);
    }

    public TargetPredictor model() {
        return model;
    }

    public Cost cost() {
        return cost;
    }

    public PathPoint point(double tau) {
        return points.apply(tau);
    }

    /** One forward model evaluation (one NFE). */
    public Prediction predict(Batch x, double tau) {
        cost.addNfe(1);
        return model.predict(x, points.apply(tau));
    }

    /** One forward evaluation with row r at tau[r] (one NFE: one model call over all rows, TargetPredictor). */
    public Prediction predict(Batch x, double[] tau) {
        cost.addNfe(1);
        PathPoint[] p = new PathPoint[tau.length];
        for (int r = 0; r < p.length; r++) {
            p[r] = r > 0 && tau[r] == tau[r - 1] ? p[r - 1] : points.apply(tau[r]);
        }
        return model.predict(x, p);
    }

    public Batch vjpVelocity(Prediction pred, Batch v) {
        cost.addVjps(1);
        return pred.vjpVelocity(v);
    }

    public Batch vjpXhat1(Prediction pred, Batch v) {
        cost.addVjps(1);
        return pred.vjpXhat1(v);
    }
}
