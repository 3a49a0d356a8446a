package gw.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import gw.tensor.Batch;
import org.junit.jupiter.api.Test;

/** Cosine similarity and relative error, row by row, on hand-made vectors. */
class AgreementTest {

    @Test
    void cosineOfHandMadeRows() {
        Batch g = Batch.of(new double[][] {{1, 0}, {1, 2}, {1, 0}, {3, 4}, {0, 0}, {2, -1}});
        Batch ref = Batch.of(new double[][] {{0, 1}, {2, 4}, {-1, 0}, {4, 3}, {1, 1}, {0, 0}});
        // orthogonal, parallel, opposite, 24/25, and 0 where either vector is zero
        assertArrayEquals(new double[] {0, 1, -1, 24.0 / 25, 0, 0}, Agreement.cosine(g, ref), 1e-15);
    }

    @Test
    void cosineIgnoresScaleButNotDirection() {
        Batch ref = Batch.row(1, -2, 3);
        assertArrayEquals(new double[] {1}, Agreement.cosine(Batch.row(1e-8, -2e-8, 3e-8), ref), 1e-15);
        assertArrayEquals(new double[] {-1}, Agreement.cosine(Batch.row(-5, 10, -15), ref), 1e-15);
    }

    @Test
    void relativeErrorOfHandMadeRows() {
        Batch ref = Batch.of(new double[][] {{1, 0}, {3, 4}, {3, 4}, {2, 0}});
        Batch g = Batch.of(new double[][] {{1, 1}, {3, 4}, {3.3, 4.4}, {-2, 0}});
        // |(0,1)|/1, exact, 10 % too long, opposite: |(-4,0)|/2
        assertArrayEquals(new double[] {1, 0, 0.1, 2}, Agreement.relativeError(g, ref), 1e-15);
    }

    @Test
    void relativeErrorIsNotSymmetric() {
        // it is relative to the reference: |g - g*| / |g*|
        Batch a = Batch.row(1, 0);
        Batch b = Batch.row(2, 0);
        assertArrayEquals(new double[] {0.5}, Agreement.relativeError(a, b), 1e-15);
        assertArrayEquals(new double[] {1.0}, Agreement.relativeError(b, a), 1e-15);
    }

    @Test
    void relativeErrorAgainstAZeroReferenceIsZeroOrInfinite() {
        gw.tensor.Batch zero = gw.tensor.Batch.of(new double[][] {{0, 0}, {0, 0}});
        gw.tensor.Batch g = gw.tensor.Batch.of(new double[][] {{0, 0}, {1, 0}});
        double[] e = Agreement.relativeError(g, zero);
        org.junit.jupiter.api.Assertions.assertEquals(0.0, e[0]);
        org.junit.jupiter.api.Assertions.assertEquals(Double.POSITIVE_INFINITY, e[1]);
    }
}
