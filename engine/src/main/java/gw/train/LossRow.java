package gw.train;

/**
 * One row of loss.csv: the mean training xhat1 loss over the last logEvery steps, and on the held-out points (EMA
 * weights, fixed noise and stratified times) the xhat1 loss and the velocity loss. Losses are mean squared errors
 * per coordinate; the velocity loss is over t in [0, 0.99], since an xhat1 model's velocity error grows as 1/sigma.
 */
public record LossRow(int step, double trainLoss, double validationLoss, double validationVelocityLoss,
                      double learningRate) {
    static final String CSV_HEADER = "step,train_loss,validation_loss,validation_velocity_loss,learning_rate";

    String csv() {
        return step + "," + trainLoss + "," + validationLoss + "," + validationVelocityLoss + "," + learningRate;
    }
}
