package gw.app;

import gw.app.charts.ChartPane;
import gw.app.charts.FrontierChart;
import gw.app.charts.GradientErrorChart;
import gw.app.charts.HorizonCostChart;
import gw.app.charts.StepsCostChart;
import gw.app.controls.Tips;
import gw.app.export.Exportable;
import gw.app.panels.AboutMath;
import gw.app.panels.InspectorPanel;
import gw.app.run.ComputeCurves;
import gw.app.state.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
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
 * mouse first reaches the tabs; the compute charts and the inspector are made with their tab's content.
 */
final class WorkbenchTabs {
    private final GradientErrorChart errorChart = GradientErrorChart.create();
    private final Supplier<Scenario> scenario;
    private final BooleanProperty lecture;
    private final Consumer<InspectorPanel> onInspectorMade;
    // made when their tab first opens (or when asked for): nothing builds their charts while the window starts
    private HorizonCostChart horizonChart;
    private StepsCostChart stepsChart;
    private FrontierChart frontierChart;
    private InspectorPanel inspector;
    private BiConsumer<Exportable, String> onExport = (e, f) -> { };
    private final TabPane tabs = new TabPane();
    private final Map<String, Tab> tabByName = new LinkedHashMap<>();

    /**
     * @param scenario the current scenario (the inspector draws its density)
     * @param root the window's content, which the Images tab takes over while selected
     * @param lecture lecture-hall mode, for the About tab made later
     * @param openScenario opens a model trained in the Train tab
     * @param onSelect runs when another tab is selected
     * @param onInspectorMade runs once the particle inspector has been made (it then follows the time scrubber)
     */
    WorkbenchTabs(Supplier<Scenario> scenario, BorderPane root, BooleanProperty lecture,
                  Consumer<Scenario> openScenario, Runnable onSelect, Consumer<InspectorPanel> onInspectorMade) {
        this.scenario = scenario;
        this.lecture = lecture;
        this.onInspectorMade = onInspectorMade;
        Tab errorTab = tab("error", "Gradient error vs t", "How far each scheme's gradient is from the exact one, "
                + "step by step through the solve.", () -> errorChart);
        tab("compute", "Compute cost", "What accuracy costs: time and model evaluations against horizon and step "
                + "count, and final loss against time. Measured when this tab is open.", this::computePane);
        tab("inspector", "Particle inspector", "One particle at one moment: where each scheme asks the loss and "
                + "where it pushes. Its step follows the time scrubber.", this::inspector);
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

    /** The compute tab's three charts side by side, made with the charts. */
    private Node computePane() {
        HBox compute = new HBox(4);
        for (ChartPane c : computeCharts()) {
            HBox.setHgrow(c, Priority.ALWAYS);
            c.setPrefWidth(400);
            compute.getChildren().add(c);
        }
        return compute;
    }

    /** The compute tab's charts, made now if need be. */
    List<ChartPane> computeCharts() {
        if (horizonChart == null) {
            horizonChart = made(HorizonCostChart.create());
            stepsChart = made(StepsCostChart.create());
            frontierChart = made(FrontierChart.create());
        }
        return List.of(horizonChart, stepsChart, frontierChart);
    }

    /** A chart just made, in the current look and with the export menu's handler. */
    private <C extends ChartPane> C made(C chart) {
        if (lecture.get()) {
            gw.app.charts.Charts.restyle(chart.chart(), true);
        }
        chart.setOnExport(onExport);
        return chart;
    }

    /** The charts of the tabs made so far (a tab never opened has drawn nothing to export), for export and restyling. */
    List<ChartPane> charts() {
        List<ChartPane> out = new java.util.ArrayList<>(List.of(errorChart));
        if (horizonChart != null) {
            out.addAll(List.of(horizonChart, stepsChart, frontierChart));
        }
        if (inspector != null) {
            out.add(inspector.chart());
        }
        return out;
    }

    /** Directs the charts' export requests (context menus), those made later included. */
    void setOnExport(BiConsumer<Exportable, String> handler) {
        onExport = handler;
        charts().forEach(c -> c.setOnExport(handler));
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
        computeCharts();
        return horizonChart;
    }

    StepsCostChart stepsChart() {
        computeCharts();
        return stepsChart;
    }

    FrontierChart frontierChart() {
        computeCharts();
        return frontierChart;
    }

    /** The particle inspector, made now if need be. */
    InspectorPanel inspector() {
        if (inspector == null) {
            inspector = new InspectorPanel(scenario);
            made(inspector.chart());
            onInspectorMade.accept(inspector);
        }
        return inspector;
    }

    /** The particle inspector if it has been made, else null. */
    InspectorPanel inspectorIfMade() {
        return inspector;
    }
}
