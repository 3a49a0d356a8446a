package gw.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Group normalisation (Wu and He 2018) on NCHW: the channels split into G groups, each (sample, group) normalised
 * to zero mean and unit (biased) variance over its channels and pixels, then a per-channel scale gamma and shift
 * beta: y = gamma (x - mean) r + beta with r = 1 / sqrt(var + eps).
 *
 * <p>Few passes over the feature map, since on a CPU the elementwise passes cost more than the convolutions: the
 * group moments in one op, then y = a x + s with per-(sample, channel) a = gamma r and s = beta - mean a (two
 * passes). Backward needs only per-(sample, channel) sums of dy and of dy x; with g = gamma dy, L the group's size
 * and means over the group, dL/dx = r (g - mean(g) - xhat mean(g xhat)) = p dy + q x + o per (sample, channel).
 */
public final class GroupNorm implements Layer {
    static final double EPS = 1e-5;
    private final Param gamma;
    private final Param beta;
    private final int groups;
    private final int channels;

    public GroupNorm(Parameters.Builder params, String name, int channels, int groups) {
        if (groups < 1 || channels % groups != 0) {
            throw new IllegalArgumentException("group norm " + name + ": " + groups + " groups do not divide "
                    + channels + " channels");
        }
        this.gamma = params.add(name + ".gamma", Param.Init.ONES, channels);
        this.beta = params.add(name + ".beta", Param.Init.ZEROS, channels);
        this.groups = groups;
        this.channels = channels;
    }

    @Override
    public INDArray forward(INDArray in, Tape tape) {
        long batch = in.size(0);
        INDArray x = in.ordering() == 'c' && !in.isView() ? in : in.dup('c');
        INDArray[] moments = Nd4j.exec(DynamicCustomOp.builder("moments")
                .addInputs(x.reshape('c', batch * groups, -1)).addIntegerArguments(1).build());
        INDArray mean = moments[0];
        INDArray r = Transforms.pow(moments[1].addi(EPS), -0.5, false); // biased variance, as GroupNorm defines
        INDArray a = perChannel(r, batch).muliRowVector(gamma.value());            // [B, C]
        INDArray s = perChannel(mean, batch).muli(a).rsubiRowVector(beta.value()); // beta - mean a
        if (tape != null) {
            tape.push(x);
            tape.push(mean);
            tape.push(r);
        }
        INDArray y = x.reshape('c', batch * channels, -1).mulColumnVector(a.reshape(batch * channels));
        return y.addiColumnVector(s.reshape(batch * channels)).reshape('c', x.shape());
    }

    @Override
    public INDArray backward(INDArray gradOut, Tape tape) {
        INDArray r = tape.pop();
        INDArray mean = tape.pop();
        INDArray x = tape.pop();
        long batch = x.size(0);
        long rows = batch * channels;
        long size = x.length() / (batch * groups); // L: values per (sample, group)
        INDArray dy = (gradOut.ordering() == 'c' && !gradOut.isView() ? gradOut : gradOut.dup('c'))
                .reshape('c', rows, -1);
        INDArray xc = x.reshape('c', rows, -1);
        INDArray sumDy = dy.sum(1).reshape(batch, channels);                                   // sum dy
        INDArray sumDyX = Nd4j.exec(new org.nd4j.linalg.api.ops.impl.reduce3.Dot(dy, xc, 1))
                .reshape(batch, channels);                                                     // sum dy x
        INDArray meanC = perChannel(mean, batch);
        INDArray rC = perChannel(r, batch);
        if (tape.paramGrads()) {
            beta.grad().addi(sumDy.sum(0));
            // sum dy xhat = r (sum dy x - mean sum dy)
            gamma.grad().addi(sumDyX.sub(sumDy.mul(meanC)).muli(rC).sum(0));
        }
        // per (sample, group): A = sum g, B = sum g x over the group's channels and pixels
        INDArray gA = perGroup(sumDy.mulRowVector(gamma.value()), batch);
        INDArray gB = perGroup(sumDyX.mulRowVector(gamma.value()), batch);
        // mean(g xhat) = r (B - mean A) / L; k = r^2 mean(g xhat); dx = r gamma dy - k x + (k mean - r A / L)
        INDArray k = gB.subi(mean.mul(gA)).muli(r).muli(r).muli(r).divi(size);
        INDArray o = k.mul(mean).subi(gA.muli(r).divi(size));
        INDArray p = rC.muliRowVector(gamma.value()).reshape(rows);
        INDArray dx = dy.mulColumnVector(p);
        dx.addi(xc.mulColumnVector(perChannel(k, batch).reshape(rows).negi()));
        return dx.addiColumnVector(perChannel(o, batch).reshape(rows)).reshape('c', x.shape());
    }

    /** [B * G] per (sample, group) to [B, C] per (sample, channel). */
    private INDArray perChannel(INDArray v, long batch) {
        return v.reshape('c', batch, groups, 1).repeat(2, channels / groups).reshape('c', batch, channels);
    }

    /** [B, C] per (sample, channel) summed over each group's channels to [B * G]. */
    private INDArray perGroup(INDArray v, long batch) {
        return v.reshape('c', batch, groups, channels / groups).sum(2).reshape(batch * groups);
    }
}
