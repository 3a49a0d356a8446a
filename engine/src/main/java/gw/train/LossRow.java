package gw.train;

/**
 * One row of loss.csv: the mean training loss over the last logEvery steps and the held-out evaluation (EMA weights).
 * Flow matching: the xhat1 loss and, on the held-out points (fixed noise and stratified times), the xhat1 loss and
 * the velocity loss, mean squared errors per coordinate; the velocity loss is over t in [0, 0.99], since an xhat1
 * model's velocity error grows as 1/sigma. Cross-entropy: the mean cross-entropy (nats) on the training batches and on
 * the test images, and the test accuracy in [0, 1] (NaN for flow matching).
 */
public record LossRow(int step, double trainLoss, double validationLoss, double validationVelocityLoss,
                      double learningRate, double accuracy) {
    static final String CSV_HEADER = "step,train_loss,validation_loss,validation_velocity_loss,learning_rate";

    /** A flow-matching row (no accuracy). */
    public LossRow(int step, double trainLoss, double validationLoss, double validationVelocityLoss,
                   double learningRate) {
        this(step, trainLoss, validationLoss, validationVelocityLoss, learningRate, Double.NaN);
    }

    String csv() {
        return step + "," + trainLoss + "," + validationLoss + "," + validationVelocityLoss + "," + learningRate;
    }
}
