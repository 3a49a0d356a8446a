package gw.model;

import gw.model.net.Mlp;
import gw.model.net.MlpInference;
import gw.model.net.Network;
import gw.model.net.Scratch;
import gw.model.net.Tape;
import gw.path.PathPoint;
import gw.tensor.Batch;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network's prediction at one path point. With J = d xhat1/dx from one network backward pass:
 * xhat0 = (x - alpha xhat1)/sigma, VJP (v - alpha J^T v)/sigma; u = (alphaDot - c alpha) xhat1 + c x with
 * c = sigma sigmaDot / sigma^2, VJP (alphaDot - c alpha) J^T v + c v. At sigma = 0 xhat0 is 0 (as in Conversions)
 * and u = alphaDot xhat1.
 *
 * <p>An {@link Mlp} runs through {@link MlpInference}, whose forward pass keeps its tape in reused per-thread memory,
 * so the VJP at the same point is one backward pass. Other networks run each pass in the thread's {@link Scratch}
 * memory, so nothing of it outlives the call: a VJP repeats the forward pass onto a fresh tape (keeping the tape
 * would leave its arrays to the Java GC, and fresh pages cost more than the products on the development machine).
 */
final class NetworkPrediction implements Prediction {
    private final Network net;
    private final Batch x;
    private final PathPoint p;
    private final Batch xhat1;
    private final MlpInference.Evaluation kept; // null: the VJP repeats the forward pass

    NetworkPrediction(Network net, Batch x, PathPoint p) {
        this.net = net;
        this.x = x;
        this.p = p;
        this.kept = null;
        this.xhat1 = Scratch.run(() -> NetworkPredictor.toBatch(net.forward(input(), time(), null)));
    }

    /** An MLP's prediction whose VJP reuses the forward pass's tape. */
    NetworkPrediction(MlpInference mlp, Network net, Batch x, PathPoint p) {
        this.net = net;
        this.x = x;
        this.p = p;
        this.kept = mlp.evaluate(x, p.t());
        this.xhat1 = kept.output();
    }

    private INDArray input() {
        return NetworkPredictor.toArray(x, net.parameters().dtype());
    }

    private INDArray time() {
        return Nd4j.scalar(net.parameters().dtype(), p.t()).reshape(1);
    }

    private double velocityC() {
        return p.sigma() == 0 ? 0.0 : p.sigmaSigmaDot() / (p.sigma() * p.sigma());
    }

    @Override
    public Batch xhat1() {
        return xhat1;
    }

    @Override
    public Batch xhat0() {
        if (p.sigma() == 0) {
            return Batch.zeros(x.rows(), x.cols());
        }
        return x.combine(1.0 / p.sigma(), xhat1, -p.alpha() / p.sigma());
    }

    @Override
    public Batch velocity() {
        double c = velocityC();
        return xhat1.combine(p.alphaDot() - c * p.alpha(), x, c);
    }

    @Override
    public Batch vjpXhat1(Batch v) {
        if (kept != null) {
            return kept.vjp(v);
        }
        return Scratch.run(() -> {
            Tape tape = new Tape(false);
            net.forward(input(), time(), tape);
            return NetworkPredictor.toBatch(net.backward(NetworkPredictor.toArray(v, net.parameters().dtype()), tape));
        });
    }

    @Override
    public Batch vjpXhat0(Batch v) {
        if (p.sigma() == 0) {
            return Batch.zeros(v.rows(), v.cols());
        }
        return v.combine(1.0 / p.sigma(), vjpXhat1(v), -p.alpha() / p.sigma());
    }

    @Override
    public Batch vjpVelocity(Batch v) {
        double c = velocityC();
        return vjpXhat1(v).combine(p.alphaDot() - c * p.alpha(), v, c);
    }

    @Override
    public long retainedBytes() {
        return x.bytes() + xhat1.bytes();
    }
}
