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

    public SinusoidalEmbedding(int frequencies, double maxFrequency, DataType dtype) {
        double[] w = new double[frequencies];
        for (int k = 0; k < frequencies; k++) {
            w[k] = frequencies == 1 ? 1.0 : Math.exp(Math.log(maxFrequency) * k / (frequencies - 1));
        }
        this.omega = Nd4j.create(w, new long[] {1, frequencies}, DataType.DOUBLE).castTo(dtype);
    }

    public int features() {
        return 2 * (int) omega.size(1);
    }

    /** [B, 2K] for t [B] (or [1]). */
    public INDArray embed(INDArray t) {
        INDArray phase = t.reshape(t.length(), 1).castTo(omega.dataType()).mmul(omega);
        return Nd4j.hstack(Transforms.sin(phase, true), Transforms.cos(phase, false));
    }
}
