package gw.app.charts;

import gw.app.export.CsvTable;
import gw.app.export.Exportable;
import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartCanvas;

/**
 * A chart on screen: the JFreeChart canvas without zoom and pan (every view here is recomputed, not browsed), a
 * message shown over the plot when its data could not be computed (divergence, invalid setting), and a context
 * menu to save the chart as PNG or SVG and its data as CSV. The canvas sits in a plain region rather than
 * JFreeChart's ChartViewer, which builds an export menu of its own (a ContextMenu per chart, unused here) while the
 * window starts; our menu is built on the first right-click.
 */
public abstract class ChartPane extends StackPane implements Exportable {
    private final ChartCanvas canvas;
    private final Label message = new Label();
    private final Label staleTag = new Label("previous run \u00b7 updating\u2026");
    private final String exportName;
    private BiConsumer<Exportable, String> onExport = (e, f) -> { };
    private ContextMenu menu;

    /** Sizes the canvas to itself; the canvas is unmanaged, so its current size never feeds back into layout. */
    private static final class CanvasRegion extends Region {
        private final Canvas canvas;

        CanvasRegion(Canvas canvas) {
            this.canvas = canvas;
            canvas.setManaged(false);
            getChildren().add(canvas);
        }

        @Override
        protected void layoutChildren() {
            canvas.relocate(0, 0);
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
        }

        @Override
        protected double computePrefWidth(double height) {
            return 400;
        }

        @Override
        protected double computePrefHeight(double width) {
            return 300;
        }
    }

    protected ChartPane(String exportName, JFreeChart chart) {
        this.exportName = exportName;
        setId("chart-" + exportName);
        canvas = new ChartCanvas(chart);
        for (String id : new String[] {"zoom", "pan"}) {
            if (canvas.getMouseHandler(id) != null) {
                canvas.removeMouseHandler(canvas.getMouseHandler(id));
            }
        }
        for (String id : new String[] {"scroll", "anchor"}) {
            if (canvas.getMouseHandler(id) != null) {
                canvas.removeAuxiliaryMouseHandler(canvas.getMouseHandler(id));
            }
        }
        message.getStyleClass().add("panel-message");
        message.setWrapText(true);
        message.setMaxWidth(340);
        message.setVisible(false);
        message.setMouseTransparent(true);
        StackPane.setAlignment(message, Pos.CENTER);
        Region holder = new CanvasRegion(canvas);
        staleTag.getStyleClass().add("stale-tag");
        staleTag.setVisible(false);
        staleTag.setMouseTransparent(true);
        StackPane.setAlignment(staleTag, Pos.TOP_RIGHT);
        getChildren().addAll(holder, message, staleTag);
        setMinSize(120, 100);
        holder.setOnContextMenuRequested(e -> {
            if (menu == null) {
                menu = new ContextMenu(item("Save chart as PNG\u2026", "png"), item("Save chart as SVG\u2026", "svg"),
                        item("Save plotted data as CSV\u2026", "csv"));
            }
            menu.show(holder, e.getScreenX(), e.getScreenY());
        });
    }

    private MenuItem item(String text, String format) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(e -> onExport.accept(this, format));
        return m;
    }

    /** A 2-D plot (equal units) exports near-square, other charts at the default 900 x 600. */
    @Override
    public int exportWidth() {
        return chart().getPlot() instanceof EqualUnitsPlot ? 760 : Exportable.super.exportWidth();
    }

    @Override
    public int exportHeight() {
        return chart().getPlot() instanceof EqualUnitsPlot ? 720 : Exportable.super.exportHeight();
    }

    public void setOnExport(BiConsumer<Exportable, String> handler) {
        this.onExport = handler;
    }

    /** Shows a message over the plot in the error style (null hides it): something failed or needs the user. */
    public void showMessage(String text) {
        show(text, false);
    }

    /** Shows a note over the plot in a neutral style, such as "Sampling..." while the first run is on its way. */
    public void showNote(String text) {
        show(text, true);
    }

    private void show(String text, boolean note) {
        message.setText(text == null ? "" : text);
        message.setVisible(text != null);
        message.getStyleClass().remove("note");
        if (note) {
            message.getStyleClass().add("note");
        }
    }

    /** Whether the message shown is a neutral note rather than an error. */
    public boolean messageIsNote() {
        return message.getStyleClass().contains("note");
    }

    /**
     * Marks the chart as showing a run older than the settings (a new run is on its way): faded, with a tag, so
     * "N = 49" on a panel is not read as the answer for the N = 161 in the field.
     */
    public void setStale(boolean stale) {
        staleTag.setVisible(stale);
        holder().setOpacity(stale ? 0.55 : 1);
    }

    public boolean isStale() {
        return staleTag.isVisible();
    }

    private javafx.scene.Node holder() {
        return getChildren().get(0);
    }

    public String message() {
        return message.isVisible() ? message.getText() : null;
    }

    /** The canvas the chart is drawn on (its rendering info maps screen points to data). */
    public ChartCanvas canvas() {
        return canvas;
    }

    @Override
    public String exportName() {
        return exportName;
    }

    @Override
    public JFreeChart chart() {
        return canvas.getChart();
    }

    @Override
    public CsvTable data() {
        return table();
    }

    /** The plotted data, as exported to CSV. */
    protected abstract CsvTable table();
}
