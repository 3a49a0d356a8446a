package gw.model.net;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Layers applied in order; backward in reverse order. */
public final class Sequential implements Layer {
    private final List<Layer> layers;

    public Sequential(List<Layer> layers) {
        this.layers = List.copyOf(layers);
    }

    @Override
    public INDArray forward(INDArray in, Tape tape) {
        INDArray h = in;
        for (Layer l : layers) {
            h = l.forward(h, tape);
        }
        return h;
    }

    @Override
    public INDArray backward(INDArray gradOut, Tape tape) {
        INDArray g = gradOut;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g, tape);
        }
        return g;
    }
}
