package gw.model.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gw.tensor.Batch;
import gw.tensor.Noise;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Guidance's kept-tape passes of an MLP against the layer-by-layer network: the same output bit for bit (the
 * network guidance differentiates is the one training fitted), the same input VJP, and the same VJP again when the
 * tape's slot was taken by a later evaluation (it recomputes the forward pass) or the VJP comes from another thread.
 */
class MlpInferenceTest {

    private static Mlp mlp(DataType dtype, long seed) {
        Mlp net = new Mlp(new Mlp.Config(2, 16, 3, 4, 50.0, dtype));
        net.parameters().initialise(seed);
        INDArray v = net.parameters().values();
        v.addi(Nd4j.randn(DataType.DOUBLE, v.shape()).muli(0.3).castTo(dtype));
        return net;
    }

    private static double[] reference(Mlp net, Batch x, double t, Batch v) {
        DataType dt = net.parameters().dtype();
        INDArray tt = Nd4j.scalar(dt, t).reshape(1);
        return Scratch.run(() -> {
            Tape tape = new Tape(false);
            net.forward(x.toINDArray().castTo(dt), tt, tape);
            INDArray g = net.backward(v.toINDArray().castTo(dt), tape);
            return Batch.of(g.castTo(DataType.DOUBLE)).data();
        });
    }

    private static double[] output(Mlp net, Batch x, double t) {
        DataType dt = net.parameters().dtype();
        return Scratch.run(() -> Batch.of(net.forward(x.toINDArray().castTo(dt), Nd4j.scalar(dt, t).reshape(1), null)
                .castTo(DataType.DOUBLE)).data());
    }

    @Test
    void sameOutputBitForBitAndTheSameVjp() {
        for (DataType dt : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            Mlp net = mlp(dt, 7);
            MlpInference inference = new MlpInference(net);
            for (double t : new double[] {0.0, 0.42, 1.0}) {
                Batch x = Noise.gaussian(33, 2, 5);
                Batch v = Noise.gaussian(33, 2, 6);
                MlpInference.Evaluation e = inference.evaluate(x, t);
                assertArrayEquals(output(net, x, t), e.output().data(), 0.0, dt + " t=" + t);
                double[] ref = reference(net, x, t, v);
                double tol = dt == DataType.FLOAT ? 1e-5 : 1e-12;
                double[] got = e.vjp(v).data();
                for (int i = 0; i < ref.length; i++) {
                    assertEquals(ref[i], got[i], tol * (1 + Math.abs(ref[i])), dt + " t=" + t + " entry " + i);
                }
            }
        }
    }

    @Test
    void aTakenSlotOrAnotherThreadGivesTheSameVjp() throws Exception {
        Mlp net = mlp(DataType.DOUBLE, 9);
        MlpInference inference = new MlpInference(net, 0); // one slot
        Batch x = Noise.gaussian(5, 2, 1);
        Batch v = Noise.gaussian(5, 2, 2);
        MlpInference.Evaluation e = inference.evaluate(x, 0.3);
        double[] kept = e.vjp(v).data();
        assertArrayEquals(kept, e.vjp(v).data(), 0.0, "a second VJP of the same evaluation");
        CompletableFuture<double[]> elsewhere = CompletableFuture.supplyAsync(() -> e.vjp(v).data());
        assertArrayEquals(kept, elsewhere.get(), 0.0, "from another thread");
        MlpInference.Evaluation later = inference.evaluate(Noise.gaussian(5, 2, 10), 0.8);
        assertArrayEquals(kept, e.vjp(v).data(), 0.0, "after its slot was taken");
        assertArrayEquals(reference(net, x, 0.3, v), kept, 1e-12);
        assertArrayEquals(reference(net, Noise.gaussian(5, 2, 10), 0.8, v), later.vjp(v).data(), 1e-12,
                "the recompute left the later evaluation's tape alone");
    }
}
