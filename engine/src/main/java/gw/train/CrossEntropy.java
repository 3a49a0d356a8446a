package gw.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gw.data.FashionMnist;
import gw.data.LabelledImages;
import gw.model.Classifiers;
import gw.model.net.Network;
import gw.model.net.Scratch;
import gw.tensor.Softmax;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Classifier training: mean cross-entropy -log softmax(f(x))_y of labelled clean training images (the first
 * {@code data.samples} of the training split, drawn with replacement), no time input. The classifier judges and
 * guides clean images: guidance evaluates its loss at xhat1 or x1, never at a noisy x_t. Held-out rows evaluate the
 * EMA network on the first {@code validation} images of the test split (all 10 000 by default): cross-entropy and
 * accuracy.
 */
final class CrossEntropy implements TrainingObjective {
    /** Test images per forward pass while evaluating (bounds the activations' memory). */
    private static final int CHUNK = 500;
    private final LabelledImages train;
    private final int samples;
    private final LabelledImages test;
    private final int[] testIndices;

    private CrossEntropy(LabelledImages train, int samples, LabelledImages test, int testCount) {
        this.train = train;
        this.samples = samples;
        this.test = test;
        this.testIndices = new int[testCount];
        for (int i = 0; i < testCount; i++) {
            testIndices[i] = i;
        }
    }

    static CrossEntropy create(TrainSpec spec) {
        try {
            LabelledImages train = FashionMnist.load(FashionMnist.Split.TRAIN);
            LabelledImages test = FashionMnist.load(FashionMnist.Split.TEST);
            return new CrossEntropy(train, Math.min(spec.data().samples(), train.count()), test,
                    Math.min(spec.training().validation(), test.count()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return TrainingObjectives.CROSS_ENTROPY;
    }

    @Override
    public String description() {
        return "cross-entropy of the class labels on clean training images (no time input)";
    }

    @Override
    public Minibatch draw(SplittableRandom r, int b, DataType dt) {
        int[] rows = new int[b];
        for (int i = 0; i < b; i++) {
            rows[i] = r.nextInt(samples);
        }
        INDArray x = train.array(dt, rows).reshape('c', b, train.pixelsPerImage());
        return new Minibatch(x, null, train.labels(rows));
    }

    @Override
    public double lossAndGradient(INDArray out, Minibatch m) {
        int[] labels = (int[]) m.target();
        int b = labels.length;
        int k = (int) out.size(1);
        double[] z = out.castTo(DataType.DOUBLE).data().asDouble();
        double loss = 0;
        for (int i = 0; i < b; i++) {
            loss += Softmax.minusOneHot(z, i * k, k, labels[i]);
            for (int c = i * k; c < (i + 1) * k; c++) {
                z[c] /= b;
            }
        }
        out.assign(Nd4j.create(z, out.shape(), DataType.DOUBLE));
        return loss / b;
    }

    @Override
    public LossRow evaluate(Network ema, int step, double trainLoss, double lr) {
        double loss = 0;
        int correct = 0;
        DataType dt = ema.parameters().dtype();
        for (int from = 0; from < testIndices.length; from += CHUNK) {
            int[] idx = java.util.Arrays.copyOfRange(testIndices, from, Math.min(testIndices.length, from + CHUNK));
            double[] z = Scratch.run(() -> {
                INDArray x = test.array(dt, idx).reshape('c', idx.length, test.pixelsPerImage());
                return ema.forward(x, null, null).castTo(DataType.DOUBLE).data().asDouble();
            });
            int k = z.length / idx.length;
            int[] labels = test.labels(idx);
            for (int i = 0; i < idx.length; i++) {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (z[i * k + c] > z[i * k + best]) {
                        best = c;
                    }
                }
                correct += best == labels[i] ? 1 : 0;
                loss += Softmax.minusOneHot(z, i * k, k, labels[i]);
            }
        }
        int n = testIndices.length;
        return new LossRow(step, trainLoss, loss / n, Double.NaN, lr, correct / (double) n);
    }

    @Override
    public String csvHeader() {
        return "step,train_loss,test_loss,test_accuracy,learning_rate";
    }

    @Override
    public String csv(LossRow r) {
        return r.step() + "," + r.trainLoss() + "," + r.validationLoss() + "," + r.accuracy() + "," + r.learningRate();
    }

    @Override
    public void describe(ObjectNode card, LossRow last) {
        ObjectNode l = card.putObject("finalLosses");
        l.put("train", last.trainLoss());
        l.put("test", last.validationLoss());
        card.put("testAccuracy", last.accuracy());
        card.put("testImages", testIndices.length);
    }

    @Override
    public String summary(LossRow last) {
        return String.format("train cross-entropy %.4f, test cross-entropy %.4f, test accuracy %.2f %% (%d test images)",
                last.trainLoss(), last.validationLoss(), 100 * last.accuracy(), testIndices.length);
    }

    @Override
    public byte[] modelFile(Network ema, ObjectNode meta) {
        return Classifiers.encode(ema, meta);
    }
}
