package gw.app.panels;

import gw.app.Workbench;
import gw.app.state.Scenario;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The guided tour card above the sample panels: the step's title and what to look at, Back / Next / End. Each step
 * sets the controls, the time shown and the tab. Hidden when no tour runs.
 */
public final class TourPanel extends VBox {
    private final Workbench bench;
    private final Label title = new Label();
    private final Label counter = new Label();
    private final javafx.scene.text.TextFlow text = new javafx.scene.text.TextFlow();
    private final Button back = new Button("Back");
    private final Button next = new Button("Next");
    private final Button end = new Button("End tour");
    private Scenario scenario;
    private List<Tours.Step> steps = List.of();
    private int index = -1;

    public TourPanel(Workbench bench) {
        this.bench = bench;
        setId("tour");
        getStyleClass().add("tour");
        setPadding(new Insets(6, 10, 6, 10));
        setSpacing(4);
        title.getStyleClass().add("section");
        title.setId("tour-title");
        counter.getStyleClass().add("hint");
        counter.setId("tour-counter");
        next.setId("tour-next");
        back.setId("tour-back");
        end.setId("tour-end");
        next.setDefaultButton(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, counter, spacer, back, next, end);
        head.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(head, text);
        back.setOnAction(e -> go(index - 1));
        next.setOnAction(e -> go(index + 1));
        end.setOnAction(e -> stop());
        setVisible(false);
        managedProperty().bind(visibleProperty());
    }

    /** Starts the scenario's tour at its first step. */
    public void start(Scenario sc) {
        scenario = sc;
        steps = Tours.of(sc);
        if (!steps.isEmpty()) {
            setVisible(true);
            go(0);
        }
    }

    public void stop() {
        index = -1;
        bench.scrubber().pause();
        setVisible(false);
    }

    /** Shows step i and sets the controls for it. */
    public void go(int i) {
        if (i < 0 || i >= steps.size()) {
            return;
        }
        index = i;
        Tours.Step s = steps.get(i);
        title.setText(s.title());
        counter.setText("step " + (i + 1) + " of " + steps.size());
        text.getChildren().setAll(MathText.flow(s.text(), "tour-text").getChildren());
        back.setDisable(i == 0);
        next.setDisable(i == steps.size() - 1);
        bench.scrubber().pause();
        bench.controls().apply(s.settings().apply(scenario.defaults()), true);
        bench.model().stepProperty().set(Double.isNaN(s.time()) ? Integer.MAX_VALUE
                : (int) Math.round(s.time() * s.settings().apply(scenario.defaults()).steps()));
        bench.scrubber().predictions().setSelected(s.predictions());
        if (s.tab() != null) {
            bench.selectTab(s.tab());
        }
    }

    public int index() {
        return index;
    }

    public String titleText() {
        return title.getText();
    }
}
