package gw.objective.image;

import gw.model.net.ImageClassifier;
import gw.model.net.Scratch;
import gw.model.net.Tape;
import gw.objective.Objective;
import gw.tensor.Batch;
import gw.tensor.Softmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Class guidance (the images' analogue of the paper's property guidance): L(x) = -log p(c | x) =
 * logsumexp(z(x)) - z_c(x) for a trained classifier's logits z, gradient J_z(x)^T (softmax(z) - e_c) through the
 * classifier's input VJP. The classifier was trained on clean images, which is what the guidance schemes hand an
 * objective (xhat1 or the rolled-out x1). The target class is one for every particle or one per particle.
 */
public final class ClassGuidance implements Objective {
    private final ImageClassifier classifier;
    private final int[] targets;

    /** @param targets one class for all rows, or one per row of the batches this objective will see */
    public ClassGuidance(ImageClassifier classifier, int... targets) {
        int k = classifier.config().classes();
        if (targets.length < 1) {
            throw new IllegalArgumentException("class guidance needs a target class");
        }
        for (int c : targets) {
            if (c < 0 || c >= k) {
                throw new IllegalArgumentException("target class must be in 0.." + (k - 1) + ", got " + c);
            }
        }
        this.classifier = classifier;
        this.targets = targets.clone();
    }

    public ImageClassifier classifier() {
        return classifier;
    }

    @Override
    public String kind() {
        return "class";
    }

    @Override
    public int dim() {
        return classifier.config().side() * classifier.config().side();
    }

    private int target(int row, int rows) {
        if (targets.length != 1 && targets.length != rows) {
            throw new IllegalArgumentException(targets.length + " target classes for a batch of " + rows);
        }
        return targets.length == 1 ? targets[0] : targets[row];
    }

    private INDArray input(Batch x) {
        if (x.cols() != dim()) {
            throw new IllegalArgumentException("class guidance needs images of " + dim() + " pixels, got " + x.cols());
        }
        return Nd4j.create(x.data(), new long[] {x.rows(), x.cols()}, DataType.DOUBLE)
                .castTo(classifier.parameters().dtype());
    }

    @Override
    public double[] loss(Batch x1) {
        double[] z = Scratch.run(() -> classifier.forward(input(x1), null, null).castTo(DataType.DOUBLE).data()
                .asDouble());
        int k = z.length / x1.rows();
        double[] out = new double[x1.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Softmax.logSumExp(z, i * k, k) - z[i * k + target(i, out.length)];
        }
        return out;
    }

    /** Runs in the thread's scratch memory: nothing but the returned Java array outlives it. */
    @Override
    public Batch gradient(Batch x1) {
        return Scratch.run(() -> gradientInScratch(x1));
    }

    private Batch gradientInScratch(Batch x1) {
        Tape tape = new Tape(false);
        INDArray logits = classifier.forward(input(x1), null, tape);
        double[] z = logits.castTo(DataType.DOUBLE).data().asDouble();
        int b = x1.rows();
        int k = z.length / b;
        for (int i = 0; i < b; i++) {
            Softmax.minusOneHot(z, i * k, k, target(i, b));
        }
        INDArray g = classifier.backward(Nd4j.create(z, new long[] {b, k}, DataType.DOUBLE).castTo(logits.dataType()),
                tape);
        return new Batch(g.castTo(DataType.DOUBLE).dup('c').data().asDouble(), b, dim());
    }
}
