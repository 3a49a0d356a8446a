package gw.app.train;

import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/** The live loss curve: the training loss per step (smoothed) and the validation loss at each log row. */
public final class LossChart extends LineChart<Number, Number> {
    private final XYChart.Series<Number, Number> train = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> validation = new XYChart.Series<>();

    public LossChart() {
        super(new NumberAxis(), new NumberAxis());
        getXAxis().setLabel("training step");
        getYAxis().setLabel("loss: mean squared error of the x1 prediction");
        ((NumberAxis) getYAxis()).setForceZeroInRange(true);
        setAnimated(false);
        setCreateSymbols(false);
        setId("train-loss");
        train.setName("training (smoothed)");
        validation.setName("validation");
        getData().add(train);
        getData().add(validation);
        setPrefSize(360, 240);
    }

    /** Replaces both curves; each point is {step, loss}. */
    public void show(List<double[]> trainPoints, List<double[]> validationPoints) {
        train.getData().setAll(trainPoints.stream().map(p -> new XYChart.Data<Number, Number>(p[0], p[1])).toList());
        validation.getData().setAll(
                validationPoints.stream().map(p -> new XYChart.Data<Number, Number>(p[0], p[1])).toList());
    }

    public int trainPoints() {
        return train.getData().size();
    }
}
