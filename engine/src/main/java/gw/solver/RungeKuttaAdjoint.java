package gw.solver;

import gw.model.Prediction;
import gw.tensor.Batch;

/**
 * The VJP of one explicit Runge-Kutta step (MATH eq. (6.1)), walking the stages backwards:
 * kbar_i = h b_i v + h sum_{j>i} a_ji ybar_j, ybar_i = J_i^T kbar_i, and the input gets v + sum_i ybar_i. Shared by
 * {@link RungeKuttaStep} (one h for the batch) and {@link RowGridRollout} (one h per row), which differ only in how
 * they scale by h times a tableau coefficient.
 */
final class RungeKuttaAdjoint {
    private RungeKuttaAdjoint() {
    }

    /** Scaling by the step size h times a coefficient: one h for every row, or one per row. */
    interface StepScale {
        /** h c v, a new batch. */
        Batch scaled(Batch v, double c);

        /** acc + h c z, into acc. */
        Batch addScaled(Batch acc, Batch z, double c);
    }

    /** v^T d output / d input of a step whose stage predictions were {@code stage}. */
    static Batch vjp(ButcherTableau tableau, Dynamics f, Prediction[] stage, Batch v, StepScale h) {
        int s = stage.length;
        Batch[] ybar = new Batch[s];
        Batch total = v.copy();
        for (int i = s - 1; i >= 0; i--) {
            Batch kbar = tableau.b()[i] != 0 ? h.scaled(v, tableau.b()[i]) : null;
            for (int j = i + 1; j < s; j++) {
                double[] aj = tableau.a()[j];
                if (i < aj.length && aj[i] != 0 && ybar[j] != null) {
                    kbar = kbar == null ? h.scaled(ybar[j], aj[i]) : h.addScaled(kbar, ybar[j], aj[i]);
                }
            }
            if (kbar != null) {
                ybar[i] = f.vjpVelocity(stage[i], kbar);
                total.addScaled(ybar[i], 1.0);
            }
        }
        return total;
    }

    /** Bytes a step's record keeps for its VJP: its output and its stage predictions. */
    static long retainedBytes(Batch out, Prediction[] stage) {
        long bytes = out.bytes();
        for (Prediction p : stage) {
            bytes += p.retainedBytes();
        }
        return bytes;
    }
}
