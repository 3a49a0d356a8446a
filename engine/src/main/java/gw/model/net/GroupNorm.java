package gw.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Group normalisation (Wu and He 2018) on NCHW: the channels split into G groups, each (sample, group) normalised
 * to zero mean and unit variance over its channels and pixels, then a per-channel scale gamma and shift beta.
 * Backward with xhat the normalised values, g = gamma * dL/dy and means over a (sample, group):
 * dL/dx = (g - mean(g) - xhat mean(g xhat)) / sqrt(var + eps).
 */
public final class GroupNorm implements Layer {
    static final double EPS = 1e-5;
    private final Param gamma;
    private final Param beta;
    private final int groups;

    public GroupNorm(Parameters.Builder params, String name, int channels, int groups) {
        if (groups < 1 || channels % groups != 0) {
            throw new IllegalArgumentException("group norm " + name + ": " + groups + " groups do not divide "
                    + channels + " channels");
        }
        this.gamma = params.add(name + ".gamma", Param.Init.ONES, channels);
        this.beta = params.add(name + ".beta", Param.Init.ZEROS, channels);
        this.groups = groups;
    }

    @Override
    public INDArray forward(INDArray in, Tape tape) {
        long[] shape = in.shape();
        INDArray x = (in.ordering() == 'c' && !in.isView() ? in : in.dup('c')).reshape('c', shape[0] * groups, -1);
        INDArray var = x.var(false, 1); // biased: the group's own variance, as GroupNorm defines it
        INDArray inv = Transforms.pow(var.addi(EPS), -0.5, false);
        x = x.subColumnVector(x.mean(1)).muliColumnVector(inv);
        INDArray xhat = x.reshape('c', shape);
        if (tape != null) {
            tape.push(xhat);
            tape.push(inv);
        }
        INDArray y = Broadcast.mul(xhat, gamma.value(), xhat.ulike(), 1);
        return Broadcast.add(y, beta.value(), y, 1);
    }

    @Override
    public INDArray backward(INDArray gradOut, Tape tape) {
        INDArray inv = tape.pop();
        INDArray xhat = tape.pop();
        if (tape.paramGrads()) {
            beta.grad().addi(gradOut.sum(0, 2, 3));
            gamma.grad().addi(gradOut.mul(xhat).sum(0, 2, 3));
        }
        long rows = xhat.size(0) * groups;
        INDArray g = Broadcast.mul(gradOut, gamma.value(), gradOut.ulike(), 1).reshape('c', rows, -1);
        INDArray xh = xhat.reshape('c', rows, -1);
        INDArray gMean = g.mean(1);
        INDArray gxMean = g.mul(xh).mean(1);
        g.subiColumnVector(gMean);
        g.subi(xh.mulColumnVector(gxMean));
        g.muliColumnVector(inv);
        return g.reshape('c', xhat.shape());
    }
}
