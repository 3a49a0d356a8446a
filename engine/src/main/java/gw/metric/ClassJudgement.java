package gw.metric;

import gw.model.net.ImageClassifier;
import gw.model.net.Scratch;
import gw.tensor.Batch;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A classifier's verdict on a batch of images: class probabilities softmax(z) per image, from which the class
 * histogram (arg max), the mean confidence (mean of the largest probability), and for a target class the hit rate
 * (share of images whose arg max is the target) and the mean target probability.
 */
public final class ClassJudgement {
    /** Images per forward pass (bounds the activations' memory). */
    private static final int CHUNK = 256;
    private final double[][] probabilities;

    private ClassJudgement(double[][] probabilities) {
        this.probabilities = probabilities;
    }

    public static ClassJudgement of(ImageClassifier classifier, Batch images) {
        int d = images.cols();
        int k = classifier.config().classes();
        double[][] p = new double[images.rows()][];
        for (int from = 0; from < images.rows(); from += CHUNK) {
            int n = Math.min(CHUNK, images.rows() - from);
            double[] chunk = java.util.Arrays.copyOfRange(images.data(), from * d, (from + n) * d);
            double[] z = Scratch.run(() -> classifier.forward(Nd4j.create(chunk, new long[] {n, d}, DataType.DOUBLE)
                    .castTo(classifier.parameters().dtype()), null, null).castTo(DataType.DOUBLE).data().asDouble());
            for (int i = 0; i < n; i++) {
                p[from + i] = softmax(z, i * k, k);
            }
        }
        return new ClassJudgement(p);
    }

    static double[] softmax(double[] z, int off, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = off; c < off + k; c++) {
            max = Math.max(max, z[c]);
        }
        double[] p = new double[k];
        double sum = 0;
        for (int c = 0; c < k; c++) {
            p[c] = Math.exp(z[off + c] - max);
            sum += p[c];
        }
        for (int c = 0; c < k; c++) {
            p[c] /= sum;
        }
        return p;
    }

    public int count() {
        return probabilities.length;
    }

    public double[] probabilities(int image) {
        return probabilities[image].clone();
    }

    public int predicted(int image) {
        double[] p = probabilities[image];
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Images per predicted class. */
    public int[] histogram() {
        int[] h = new int[probabilities.length == 0 ? 0 : probabilities[0].length];
        for (int i = 0; i < probabilities.length; i++) {
            h[predicted(i)]++;
        }
        return h;
    }

    /** Mean over images of the largest class probability. */
    public double meanConfidence() {
        double s = 0;
        for (int i = 0; i < probabilities.length; i++) {
            s += probabilities[i][predicted(i)];
        }
        return s / probabilities.length;
    }

    /** Share of images classified as {@code target}. */
    public double hitRate(int target) {
        int hits = 0;
        for (int i = 0; i < probabilities.length; i++) {
            hits += predicted(i) == target ? 1 : 0;
        }
        return hits / (double) probabilities.length;
    }

    /** Mean over images of p(target | image). */
    public double meanProbability(int target) {
        double s = 0;
        for (double[] p : probabilities) {
            s += p[target];
        }
        return s / probabilities.length;
    }
}
