package gw.solver;

import gw.model.Prediction;
import gw.tensor.Batch;

/**
 * An explicit Runge-Kutta step on the velocity u, for any Butcher tableau (MATH eq. (2.3), stepped by
 * {@link ButcherTableau#step}). Its VJP (MATH eq. (6.1)) walks the stages backwards:
 * kbar_i = h b_i v + h sum_{j>i} a_ji ybar_j, ybar_i = J_i^T kbar_i, and the input gets v + sum_i ybar_i.
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
            int s = stage.length;
            Batch[] ybar = new Batch[s];
            Batch total = v.copy();
            for (int i = s - 1; i >= 0; i--) {
                Batch kbar = tableau.b()[i] != 0 ? v.scaled(h * tableau.b()[i]) : null;
                for (int j = i + 1; j < s; j++) {
                    double[] aj = tableau.a()[j];
                    if (i < aj.length && aj[i] != 0 && ybar[j] != null) {
                        kbar = kbar == null ? ybar[j].scaled(h * aj[i]) : kbar.addScaled(ybar[j], h * aj[i]);
                    }
                }
                if (kbar != null) {
                    ybar[i] = f.vjpVelocity(stage[i], kbar);
                    total.addScaled(ybar[i], 1.0);
                }
            }
            return total;
        }

        @Override
        public long retainedBytes() {
            long bytes = out.bytes();
            for (Prediction p : stage) {
                bytes += p.retainedBytes();
            }
            return bytes;
        }
    }
}
