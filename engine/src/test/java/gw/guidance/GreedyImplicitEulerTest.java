package gw.guidance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.Numerics;
import gw.model.GaussianMixture;
import gw.model.Prediction;
import gw.objective.Objective;
import gw.objective.SquaredDistance;
import gw.path.Paths;
import gw.solver.Dynamics;
import gw.tensor.Batch;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * "Greedy is implicit Euler within OTD" (MATH eq. (3.5)), both readings, on `ot` where u = (x̂1 − x)/h, h = 1 − t:
 * one adjoint step from 1 back to t with the Jacobian at the step's far end (x_t, t) and the adjoint at its near
 * end, a(t) = (I + h ∂u/∂x)ᵀ a(1), is exactly greedy; solving the literal implicit-Euler equation
 * a(t) = a(1) + h (∂u/∂x)ᵀ a(t) gives (2I − J)⁻ᵀ ∇L instead, J = ∂x̂1/∂x, which is not greedy.
 */
class GreedyImplicitEulerTest {
    private static final Objective LOSS = new SquaredDistance(new double[] {2, 1, -1});

    @Test
    void theExactFormIsGreedyTheLiteralOneIsNot() {
        GaussianMixture gmm = Numerics.randomMixture(new Random(61), 4, 3);
        Dynamics f = Dynamics.inTime(gmm, Paths.byName("ot"));
        Random rng = new Random(62);
        for (double t : new double[] {0.1, 0.4, 0.7}) {
            Batch x = Numerics.gaussianBatch(rng, 1, 3, 1.5);
            double h = 1 - t;
            Prediction p = f.predict(x, t);
            Batch a1 = LOSS.gradient(p.xhat1());
            Batch greedy = new Greedy().gradient(f, LOSS, x, t, p).gradient();

            Batch exact = a1.copy().addScaled(p.vjpVelocity(a1), h);
            Numerics.assertClose(greedy, exact, 1e-12, "far-end Jacobian, near-end adjoint at t=" + t);

            double[][] juT = transposedJacobian(p::vjpVelocity, 3);
            double[][] literalSystem = new double[3][3];
            double[][] jT = transposedJacobian(p::vjpXhat1, 3);
            double[][] twoMinusJ = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < 3; k++) {
                    literalSystem[i][k] = (i == k ? 1 : 0) - h * juT[i][k];
                    twoMinusJ[i][k] = (i == k ? 2 : 0) - jT[i][k];
                }
            }
            Batch literal = Batch.row(solve(literalSystem, a1.row(0)));
            Numerics.assertClose(Batch.row(solve(twoMinusJ, a1.row(0))), literal, 1e-9,
                    "literal implicit Euler is (2I - J)^-T grad L at t=" + t);
            double gap = literal.minus(greedy).rowNorms()[0] / greedy.rowNorms()[0];
            assertTrue(gap > 1e-3, "the literal reading is not greedy at t=" + t + ": relative gap " + gap);
        }
    }

    /** The matrix M^T from its VJPs: column k is vjp(e_k) = M^T e_k. */
    private static double[][] transposedJacobian(UnaryOperator<Batch> vjp, int d) {
        double[][] m = new double[d][d];
        for (int k = 0; k < d; k++) {
            double[] e = new double[d];
            e[k] = 1;
            double[] col = vjp.apply(Batch.row(e)).row(0);
            for (int i = 0; i < d; i++) {
                m[i][k] = col[i];
            }
        }
        return m;
    }

    /** Gaussian elimination with partial pivoting for a small dense system. */
    private static double[] solve(double[][] a0, double[] b0) {
        int n = b0.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = java.util.Arrays.copyOf(a0[i], n + 1);
            a[i][n] = b0[i];
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            double[] tmp = a[c];
            a[c] = a[piv];
            a[piv] = tmp;
            for (int r = c + 1; r < n; r++) {
                double m = a[r][c] / a[c][c];
                for (int k = c; k <= n; k++) {
                    a[r][k] -= m * a[c][k];
                }
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = a[i][n];
            for (int k = i + 1; k < n; k++) {
                s -= a[i][k] * x[k];
            }
            x[i] = s / a[i][i];
        }
        return x;
    }
}
