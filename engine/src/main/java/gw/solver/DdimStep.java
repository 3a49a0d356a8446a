package gw.solver;

import gw.model.Prediction;
import gw.path.PathPoint;
import gw.tensor.Batch;

/**
 * The first-order exponential (DDIM) step (MATH eq. (2.2)) x1' = (sigma1/sigma0) x + (alpha1 - alpha0 sigma1/sigma0) xhat1(x, t0),
 * exact for a frozen xhat1; it lands on xhat1(x, t0) itself when t1 = 1.
 */
public final class DdimStep implements Step {

    @Override
    public String name() {
        return "ddim";
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public int evaluationsPerStep() {
        return 1;
    }

    @Override
    public StepTape forward(Dynamics f, Batch x, double t0, double t1, Prediction first) {
        PathPoint p0 = f.point(t0);
        PathPoint p1 = f.point(t1);
        double ratio = p1.sigma() / p0.sigma();
        double coef = p1.alpha() - p0.alpha() * ratio;
        Prediction pred = first != null ? first : f.predict(x, t0);
        Batch out = x.combine(ratio, pred.xhat1(), coef);
        return new StepTape() {
            @Override
            public Batch output() {
                return out;
            }

            @Override
            public Batch vjp(Batch v) {
                return f.vjpXhat1(pred, v.scaled(coef)).addScaled(v, ratio);
            }

            @Override
            public long retainedBytes() {
                return out.bytes() + pred.retainedBytes();
            }
        };
    }
}
