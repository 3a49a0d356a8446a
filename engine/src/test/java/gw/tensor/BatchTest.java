package gw.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gw.model.GaussianMixture;
import gw.path.Paths;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The exchange with ND4J at the API's edges: shapes, values, data types and views survive the round trip. */
class BatchTest {

    @Test
    void rowScaledSubtractionScalesEachRowByItsOwnFactor() {
        Batch x = Batch.of(new double[][] {{1, 2}, {3, 4}});
        Batch g = Batch.of(new double[][] {{10, 20}, {30, 40}});
        assertSame(x, x.subtractRowScaled(new double[] {0.5, -1}, g).subtractRowScaled(new double[] {0, 0}, g),
                "in place");
        assertArrayEquals(new double[] {-4, -8}, x.row(0));
        assertArrayEquals(new double[] {33, 44}, x.row(1));
    }

    @Test
    void float64ArraysRoundTripExactly() {
        double[][] rows = {{1.5, -2.0, Math.PI}, {1e-300, 0.0, -7.25}};
        INDArray nd = Nd4j.createFromArray(rows);
        Batch b = Batch.of(nd);
        assertEquals(2, b.rows());
        assertEquals(3, b.cols());
        assertArrayEquals(rows[1], b.row(1));
        INDArray back = b.toINDArray();
        assertEquals(DataType.DOUBLE, back.dataType());
        assertArrayEquals(new long[] {2, 3}, back.shape());
        assertEquals(nd, back);
    }

    @Test
    void float32ArraysAndTransposedViewsAreReadByValue() {
        INDArray f = Nd4j.createFromArray(new float[][] {{1.5f, 2.25f}, {-3f, 0.125f}});
        assertArrayEquals(new double[] {1.5, 2.25, -3, 0.125}, Batch.of(f).data());
        INDArray t = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}}).transpose();
        Batch b = Batch.of(t);
        assertEquals(3, b.rows());
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, b.data());
    }

    @Test
    void rejectsArraysThatAreNotABatch() {
        assertThrows(IllegalArgumentException.class, () -> Batch.of(Nd4j.createFromArray(1.0, 2.0)));
    }

    @Test
    void modelsGiveTheSameAnswerForNd4jInput() {
        GaussianMixture m = new GaussianMixture(new double[] {0.4, 0.6}, new double[][] {{-1, 0}, {1, 1}},
                new double[] {0.5, 0.3});
        double[][] x = {{0.3, -0.2}, {2.0, 1.0}};
        var p = Paths.byName("vp-cosine").at(0.4);
        assertArrayEquals(m.predict(Batch.of(x), p).xhat1().data(),
                m.predict(Nd4j.createFromArray(x), p).xhat1().data());
    }
}
