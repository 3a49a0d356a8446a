package gw.tensor;

/**
 * Softmax cross-entropy on rows of logits z[off .. off + k), in float64 with the maximum taken out so that large
 * logits do not overflow: the loss -log softmax(z)_label that class guidance follows and classifier training
 * minimises, and its gradient softmax(z) - onehot(label).
 */
public final class Softmax {
    private Softmax() {
    }

    /** log sum_c exp z[off + c]. */
    public static double logSumExp(double[] z, int off, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = off; c < off + k; c++) {
            max = Math.max(max, z[c]);
        }
        double sum = 0;
        for (int c = off; c < off + k; c++) {
            sum += Math.exp(z[c] - max);
        }
        return max + Math.log(sum);
    }

    /**
     * Replaces z[off .. off + k) by softmax(z) - onehot(label) (d loss / dz) and returns the loss
     * -log softmax(z)_label.
     */
    public static double minusOneHot(double[] z, int off, int k, int label) {
        double logSum = logSumExp(z, off, k);
        double loss = logSum - z[off + label];
        for (int c = off; c < off + k; c++) {
            z[c] = Math.exp(z[c] - logSum);
        }
        z[off + label] -= 1;
        return loss;
    }
}
