package gw.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gw.model.LearnedModels;
import gw.model.net.Network;
import gw.path.AffinePath;
import gw.path.Paths;
import gw.tensor.Batch;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Conditional flow matching with xhat1 regression: for x1 from the data, x0 ~ N(0, I) and t ~ U(0, 1), minimise
 * |f(alpha_t x1 + sigma_t x0, t) - x1|^2 (mean over the batch and coordinates). A seeded permutation holds
 * {@code validation} points out; their rows are the xhat1 and velocity losses of {@link Validation}.
 */
final class FlowMatching implements TrainingObjective {
    private final AffinePath path;
    private final String pathName;
    private final Batch train;
    private final Validation validation;

    private FlowMatching(String pathName, Batch train, Validation validation) {
        this.pathName = pathName;
        this.path = Paths.byName(pathName);
        this.train = train;
        this.validation = validation;
    }

    static FlowMatching create(TrainSpec spec) {
        TrainSpec.Settings s = spec.training();
        Batch[] split = Trainer.split(spec.data().load(), s.validation(), s.seed());
        return new FlowMatching(spec.path(), split[0], new Validation(split[1], Paths.byName(spec.path()), s.seed()));
    }

    @Override
    public String name() {
        return TrainingObjectives.FLOW_MATCHING;
    }

    @Override
    public String description() {
        return "conditional flow matching, xhat1 regression (mean squared error)";
    }

    @Override
    public Minibatch draw(SplittableRandom r, int b, DataType dt) {
        int d = train.cols();
        double[] xt = new double[b * d];
        double[] x1 = new double[b * d];
        double[] ts = new double[b];
        double[] data = train.data();
        for (int i = 0; i < b; i++) {
            int row = r.nextInt(train.rows());
            double t = r.nextDouble();
            double alpha = path.alpha(t);
            double sigma = path.sigma(t);
            ts[i] = t;
            for (int c = 0; c < d; c++) {
                double target = data[row * d + c];
                x1[i * d + c] = target;
                xt[i * d + c] = alpha * target + sigma * Validation.gaussian(r);
            }
        }
        INDArray x = Nd4j.create(xt, new long[] {b, d}, DataType.DOUBLE).castTo(dt);
        INDArray y = Nd4j.create(x1, new long[] {b, d}, DataType.DOUBLE).castTo(dt);
        INDArray t = Nd4j.create(ts, new long[] {b}, DataType.DOUBLE).castTo(dt);
        return new Minibatch(x, t, y);
    }

    @Override
    public double lossAndGradient(INDArray out, Minibatch m) {
        long n = out.length();
        INDArray diff = out.subi((INDArray) m.target());
        double norm = diff.norm2Number().doubleValue();
        diff.muli(2.0 / n);
        return norm * norm / n;
    }

    @Override
    public LossRow evaluate(Network ema, int step, double trainLoss, double lr) {
        return validation.evaluate(ema, step, trainLoss, lr);
    }

    @Override
    public String csvHeader() {
        return LossRow.CSV_HEADER;
    }

    @Override
    public String csv(LossRow row) {
        return row.csv();
    }

    @Override
    public void describe(ObjectNode card, LossRow last) {
        ObjectNode l = card.putObject("finalLosses");
        l.put("train", last.trainLoss());
        l.put("validation", last.validationLoss());
        l.put("validationVelocity", last.validationVelocityLoss());
    }

    @Override
    public String summary(LossRow last) {
        return String.format("train loss %.5f, validation loss %.5f, validation velocity loss %.5f", last.trainLoss(),
                last.validationLoss(), last.validationVelocityLoss());
    }

    @Override
    public byte[] modelFile(Network ema, ObjectNode meta) {
        return LearnedModels.encode(ema, pathName, meta);
    }
}
