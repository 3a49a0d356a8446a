package gw.app;

import gw.app.charts.ChartPane;
import gw.app.charts.FrontierChart;
import gw.app.charts.GradientErrorChart;
import gw.app.charts.HorizonCostChart;
import gw.app.charts.StepsCostChart;
import gw.app.controls.Tips;
import gw.app.panels.AboutMath;
import gw.app.panels.InspectorPanel;
import gw.app.run.ComputeCurves;
import gw.app.state.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The workbench's tabs under the sample panels, selected by name (error, compute, inspector, about, train, images),
 * and the charts they hold. A tab's content joins the scene when the tab is first opened; its tooltip when the
 * mouse first reaches the tabs.
 */
final class WorkbenchTabs {
    private final GradientErrorChart errorChart = GradientErrorChart.create();
    private final HorizonCostChart horizonChart = HorizonCostChart.create();
    private final StepsCostChart stepsChart = StepsCostChart.create();
    private final FrontierChart frontierChart = FrontierChart.create();
    private final InspectorPanel inspector;
    private final TabPane tabs = new TabPane();
    private final Map<String, Tab> tabByName = new LinkedHashMap<>();

    /**
     * @param scenario the current scenario (the inspector draws its density)
     * @param root the window's content, which the Images tab takes over while selected
     * @param lecture lecture-hall mode, for the About tab made later
     * @param openScenario opens a model trained in the Train tab
     * @param onSelect runs when another tab is selected
     */
    WorkbenchTabs(Supplier<Scenario> scenario, BorderPane root, BooleanProperty lecture,
                  Consumer<Scenario> openScenario, Runnable onSelect) {
        inspector = new InspectorPanel(scenario);
        HBox compute = new HBox(4, horizonChart, stepsChart, frontierChart);
        for (ChartPane c : computeCharts()) {
            HBox.setHgrow(c, Priority.ALWAYS);
            c.setPrefWidth(400);
        }
        Tab errorTab = tab("error", "Gradient error vs t", "How far each scheme's gradient is from the exact one, "
                + "step by step through the solve.", () -> errorChart);
        tab("compute", "Compute cost", "What accuracy costs: time and model evaluations against horizon and step "
                + "count, and final loss against time. Measured when this tab is open.", () -> compute);
        tab("inspector", "Particle inspector", "One particle at one moment: where each scheme asks the loss and "
                + "where it pushes. Its step follows the time scrubber.", () -> inspector);
        tab("about", "About the math", "The math behind the workbench in a few paragraphs.", () -> {
            AboutMath a = new AboutMath();
            a.setLecture(lecture.get());
            return a;
        });
        // last, so the tab numbers of older scripts (--tab 3 = about) still hold
        tab("train", "Train a model", "Train a flow-matching network on a 2-D data set or on points you paint, "
                + "then guide on it.", () -> new gw.app.train.TrainPane(openScenario::accept));
        tab("images", "Images", gw.app.images.ShippedImages.HELP, () -> gw.app.images.ShippedImages.pane(root));
        errorTab.setContent(errorChart);
        tabs.getTabs().addAll(tabByName.values());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("tabs");
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> onSelect.run());
        // tab tooltips are made when the mouse first reaches the tabs (see Tips)
        tabs.addEventFilter(MouseEvent.MOUSE_ENTERED, new javafx.event.EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                tabs.removeEventFilter(MouseEvent.MOUSE_ENTERED, this);
                tabByName.values().forEach(t -> t.setTooltip(Tips.of((String) t.getUserData())));
            }
        });
    }

    private Tab tab(String name, String title, String help, Supplier<Node> content) {
        Tab t = new Tab(title);
        t.setId("tab-" + name);
        t.setUserData(help);
        // a tab's content joins the scene when the tab is first opened: hidden charts are not styled, laid out
        // and drawn while the window starts (their charts exist from the start, for export)
        t.selectedProperty().addListener((o, was, now) -> {
            if (now && t.getContent() == null) {
                t.setContent(content.get());
            }
        });
        tabByName.put(name, t);
        return t;
    }

    List<ChartPane> computeCharts() {
        return List.of(horizonChart, stepsChart, frontierChart);
    }

    /** Every chart of the tabs, for export and restyling. */
    List<ChartPane> charts() {
        return List.of(errorChart, horizonChart, stepsChart, frontierChart, inspector.chart());
    }

    /** New cost curves for the compute tab's three charts. */
    void showCurves(ComputeCurves c) {
        computeCharts().forEach(ch -> ch.showMessage(null));
        horizonChart.show(c);
        stepsChart.show(c);
        frontierChart.show(c);
    }

    void showCurvesMessage(String message) {
        computeCharts().forEach(c -> c.showMessage(message));
    }

    /** Lecture-hall mode for the charts and the About tab, if it was made. */
    void setLecture(boolean on) {
        for (ChartPane c : charts()) {
            gw.app.charts.Charts.restyle(c.chart(), on);
        }
        if (tabByName.get("about").getContent() instanceof AboutMath about) {
            about.setLecture(on);
        }
    }

    void select(String name) {
        Tab t = tabByName.get(name);
        if (t == null) {
            throw new IllegalArgumentException("No tab '" + name + "'; the tabs are " + tabByName.keySet());
        }
        tabs.getSelectionModel().select(t);
    }

    /** Whether the tab of that name is the one shown. */
    boolean selected(String name) {
        return tabs.getSelectionModel().getSelectedItem() == tabByName.get(name);
    }

    List<String> names() {
        return List.copyOf(tabByName.keySet());
    }

    TabPane pane() {
        return tabs;
    }

    GradientErrorChart errorChart() {
        return errorChart;
    }

    HorizonCostChart horizonChart() {
        return horizonChart;
    }

    StepsCostChart stepsChart() {
        return stepsChart;
    }

    FrontierChart frontierChart() {
        return frontierChart;
    }

    InspectorPanel inspector() {
        return inspector;
    }
}
