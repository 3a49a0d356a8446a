package gw.solver;

import gw.model.Prediction;
import gw.tensor.Batch;

/**
 * An explicit Runge-Kutta step on the velocity u, for any Butcher tableau (MATH eq. (2.3), stepped by
 * {@link ButcherTableau#step}); its VJP (MATH eq. (6.1)) is {@link RungeKuttaAdjoint}'s.
 */
public final class RungeKuttaStep implements Step {
    private final String name;
    private final int order;
    private final ButcherTableau tableau;

    public RungeKuttaStep(String name, int order, ButcherTableau tableau) {
        this.name = name;
        this.order = order;
        this.tableau = tableau;
    }

    public ButcherTableau tableau() {
        return tableau;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public int evaluationsPerStep() {
        return tableau.stages();
    }

    @Override
    public StepTape forward(Dynamics f, Batch x, double t0, double t1, Prediction first) {
        double h = t1 - t0;
        Prediction[] stage = new Prediction[tableau.stages()];
        Batch out = tableau.step(x, t0, h, (i, y, t) -> {
            stage[i] = i == 0 && first != null ? first : f.predict(y, t);
            return stage[i].velocity();
        });
        return new Tape(f, h, stage, out);
    }

    private final class Tape implements StepTape {
        private final Dynamics f;
        private final double h;
        private final Prediction[] stage;
        private final Batch out;

        Tape(Dynamics f, double h, Prediction[] stage, Batch out) {
            this.f = f;
            this.h = h;
            this.stage = stage;
            this.out = out;
        }

        @Override
        public Batch output() {
            return out;
        }

        @Override
        public Batch vjp(Batch v) {
            return RungeKuttaAdjoint.vjp(tableau, f, stage, v, new RungeKuttaAdjoint.StepScale() {
                @Override
                public Batch scaled(Batch b, double c) {
                    return b.scaled(h * c);
                }

                @Override
                public Batch addScaled(Batch acc, Batch z, double c) {
                    return acc.addScaled(z, h * c);
                }
            });
        }

        @Override
        public long retainedBytes() {
            return RungeKuttaAdjoint.retainedBytes(out, stage);
        }
    }
}
