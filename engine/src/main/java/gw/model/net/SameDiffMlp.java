package gw.model.net;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The same MLP as a SameDiff graph, with its input VJP from SameDiff's autodiff: kept only so the benchmark can
 * measure it against the hand-derived backward pass of {@link Mlp} (which it must match, and which is faster).
 */
public final class SameDiffMlp {
    private final SameDiff sd = SameDiff.create();
    private final SinusoidalEmbedding embedding;
    private final DataType dtype;
    private final String out;

    public SameDiffMlp(Mlp net) {
        Mlp.Config c = net.config();
        this.dtype = c.dtype();
        this.embedding = new SinusoidalEmbedding(c.frequencies(), c.maxFrequency(), dtype);
        List<Param> p = net.parameters().list();
        SDVariable x = sd.placeHolder("x", dtype, -1, c.dim());
        SDVariable e = sd.placeHolder("e", dtype, 1, embedding.features());
        SDVariable h = x.mmul(w(p.get(0).value().dup()))
                .add(e.mmul(w(p.get(1).value().dup())).add(w(p.get(2).value().dup())));
        h = sd.nn.swish(h);
        int k = 3;
        for (int i = 1; i < c.depth(); i++) {
            h = sd.nn.swish(h.mmul(w(p.get(k).value().dup())).add(w(p.get(k + 1).value().dup())));
            k += 2;
        }
        SDVariable y = h.mmul(w(p.get(k).value().dup())).add(w(p.get(k + 1).value().dup()));
        this.out = y.name();
        SDVariable v = sd.placeHolder("v", dtype, -1, c.dim());
        sd.setLossVariables(y.mul(v).sum());
    }

    private int count;

    /** Weights are graph variables (SameDiff differentiates only with respect to variables' dependants). */
    private SDVariable w(INDArray value) {
        return sd.var("w" + count++, value);
    }

    private Map<String, INDArray> inputs(INDArray x, double t) {
        Map<String, INDArray> m = new HashMap<>();
        m.put("x", x);
        m.put("e", embedding.embed(Nd4j.scalar(dtype, t).reshape(1)));
        return m;
    }

    public INDArray forward(INDArray x, double t) {
        return sd.outputSingle(inputs(x, t), out);
    }

    /** v^T d f / dx by SameDiff's reverse mode. */
    public INDArray vjp(INDArray x, double t, INDArray v) {
        Map<String, INDArray> m = inputs(x, t);
        m.put("v", v);
        return sd.calculateGradients(m, "x").get("x");
    }
}
