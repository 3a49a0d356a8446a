package gw.solver;

import gw.model.Prediction;
import gw.tensor.Batch;

/**
 * RK4 in t where row r follows its own grid {@code grids[r]} (all grids n steps long): step j takes every row from
 * grids[r][j] to grids[r][j + 1] with one model evaluation per stage for all rows ({@link Dynamics#predict(Batch,
 * double[])}), so rows that start at different times share each network pass. Per row it is exactly the
 * arithmetic of {@link RungeKuttaStep} on {@link ButcherTableau#RK4} through a {@link Rollout} (the same stage times
 * t0 + c_i h, the same sums), and its gradient the same discrete adjoint, checkpointed like
 * {@link Rollout#solveCheckpointed}: every k-th state is kept and each segment recomputed in the backward pass.
 */
final class RowGridRollout {
    private static final ButcherTableau RK4 = ButcherTableau.RK4;
    private final Dynamics f;
    private final double[][] grids;
    private final int every;
    private final int steps;
    private final Batch[] checkpoints;
    private final Batch output;
    private boolean consumed;

    RowGridRollout(Dynamics f, double[][] grids, Batch x, int every) {
        if (grids.length != x.rows()) {
            throw new IllegalArgumentException(grids.length + " grids for " + x.rows() + " rows");
        }
        this.f = f;
        this.grids = grids;
        this.every = every;
        this.steps = grids[0].length - 1;
        this.checkpoints = new Batch[steps];
        Batch state = x;
        for (int j = 0; j < steps; j++) {
            Interruption.check();
            if (j % every == 0) {
                checkpoints[j] = state;
                f.cost().retain(state.bytes());
            }
            state = new StepRecord(j, state).out.requireFinite("the rk4 solve at t=" + grids[0][j + 1]);
        }
        this.output = state;
    }

    Batch output() {
        return output;
    }

    /** Drops the kept states without a backward pass. */
    void release() {
        if (consumed) {
            return;
        }
        consumed = true;
        for (int j = 0; j < steps; j++) {
            if (checkpoints[j] != null) {
                f.cost().retain(-checkpoints[j].bytes());
                checkpoints[j] = null;
            }
        }
    }

    /** v^T d output / d input, row by row; single use. */
    Batch backward(Batch v) {
        if (consumed) {
            throw new IllegalStateException("a rollout's records are released by its backward pass; solve again");
        }
        consumed = true;
        return SegmentedBackward.run(checkpoints, every, StepRecord::new, f.cost(), v);
    }

    /** Row-wise y + s_r z into y (as Batch.addScaled computes each entry). */
    private static Batch addScaledRows(Batch y, Batch z, double[] s) {
        double[] yd = y.data();
        double[] zd = z.data();
        int d = y.cols();
        for (int i = 0; i < yd.length; i++) {
            yd[i] += s[i / d] * zd[i];
        }
        return y;
    }

    /** Row-wise s_r z, new (as Batch.scaled). */
    private static Batch scaledRows(Batch z, double[] s) {
        double[] o = new double[z.data().length];
        double[] zd = z.data();
        int d = z.cols();
        for (int i = 0; i < o.length; i++) {
            o[i] = s[i / d] * zd[i];
        }
        return new Batch(o, z.rows(), d);
    }

    /** s_r = h_r * c, row by row. */
    private static double[] times(double[] h, double c) {
        double[] s = new double[h.length];
        for (int r = 0; r < s.length; r++) {
            s[r] = h[r] * c;
        }
        return s;
    }

    /** Step j of every row from {@code x}: its stage predictions and output (ButcherTableau.step, row by row). */
    private final class StepRecord implements StepTape {
        private final double[] h;
        private final Prediction[] stage = new Prediction[RK4.stages()];
        private final Batch out;

        StepRecord(int j, Batch x) {
            int rows = x.rows();
            h = new double[rows];
            double[] t0 = new double[rows];
            for (int r = 0; r < rows; r++) {
                t0[r] = grids[r][j];
                h[r] = grids[r][j + 1] - t0[r];
            }
            Batch[] k = new Batch[RK4.stages()];
            for (int i = 0; i < k.length; i++) {
                Batch y = x;
                double[] ai = RK4.a()[i];
                for (int m = 0; m < ai.length; m++) {
                    if (ai[m] != 0) {
                        y = addScaledRows(y == x ? x.copy() : y, k[m], times(h, ai[m]));
                    }
                }
                double[] ti = new double[rows];
                for (int r = 0; r < rows; r++) {
                    ti[r] = t0[r] + RK4.c()[i] * h[r];
                }
                stage[i] = f.predict(y, ti);
                k[i] = stage[i].velocity();
            }
            Batch o = x.copy();
            for (int i = 0; i < k.length; i++) {
                if (RK4.b()[i] != 0) {
                    addScaledRows(o, k[i], times(h, RK4.b()[i]));
                }
            }
            out = o;
        }

        @Override
        public Batch output() {
            return out;
        }

        /** RungeKuttaStep's VJP, row by row. */
        @Override
        public Batch vjp(Batch v) {
            return RungeKuttaAdjoint.vjp(RK4, f, stage, v, new RungeKuttaAdjoint.StepScale() {
                @Override
                public Batch scaled(Batch b, double c) {
                    return scaledRows(b, times(h, c));
                }

                @Override
                public Batch addScaled(Batch acc, Batch z, double c) {
                    return addScaledRows(acc, z, times(h, c));
                }
            });
        }

        @Override
        public long retainedBytes() {
            return RungeKuttaAdjoint.retainedBytes(out, stage);
        }
    }
}
