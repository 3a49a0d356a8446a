package gw.model.net;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Time features [sin(w_k t), cos(w_k t)] for K frequencies w_k geometric from 1 to {@code maxFrequency} (rad per
 * unit t), so a network sees both the slow and the fast variation of the posterior in t. No parameters.
 */
public final class SinusoidalEmbedding {
    private final INDArray omega;
    private final double[] w;

    public SinusoidalEmbedding(int frequencies, double maxFrequency, DataType dtype) {
        double[] w = new double[frequencies];
        for (int k = 0; k < frequencies; k++) {
            w[k] = frequencies == 1 ? 1.0 : Math.exp(Math.log(maxFrequency) * k / (frequencies - 1));
        }
        this.w = w;
        this.omega = Nd4j.create(w, new long[] {1, frequencies}, DataType.DOUBLE).castTo(dtype);
    }

    public int features() {
        return 2 * (int) omega.size(1);
    }

    /** [B, 2K] for t [B] (or [1]). */
    public INDArray embed(INDArray t) {
        if (t.length() == 1) {
            return embed(t.getDouble(0));
        }
        INDArray phase = t.reshape(t.length(), 1).castTo(omega.dataType()).mmul(omega);
        return Nd4j.hstack(Transforms.sin(phase, true), Transforms.cos(phase, false));
    }

    /** [1, 2K] for one time, computed in Java (guidance evaluates one t per call: no ND4J op for a 1-row array). */
    public INDArray embed(double t) {
        double[] e = features(t);
        if (omega.dataType() == DataType.DOUBLE) {
            return Nd4j.create(e, new long[] {1, e.length}, DataType.DOUBLE);
        }
        return Nd4j.create(toFloat(e), new long[] {1, e.length}, 'c');
    }

    /** sin(w_k t), then cos(w_k t), with the phase rounded as the data type computes it. */
    double[] features(double t) {
        int k = w.length;
        double[] e = new double[2 * k];
        for (int i = 0; i < k; i++) {
            double phase = omega.dataType() == DataType.FLOAT ? (double) ((float) t * (float) w[i]) : t * w[i];
            e[i] = Math.sin(phase);
            e[k + i] = Math.cos(phase);
        }
        return e;
    }

    private static float[] toFloat(double[] e) {
        float[] f = new float[e.length];
        for (int i = 0; i < e.length; i++) {
            f[i] = (float) e[i];
        }
        return f;
    }
}
