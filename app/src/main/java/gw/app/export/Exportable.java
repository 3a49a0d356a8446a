package gw.app.export;

import org.jfree.chart.JFreeChart;

/** Something on screen that can be saved: a chart (as PNG and SVG) and the data it plots (as CSV). */
public interface Exportable {

    /** File-name stem, e.g. "gradient-error". */
    String exportName();

    JFreeChart chart();

    CsvTable data();

    /** Width of the exported image in pixels. */
    default int exportWidth() {
        return ChartExport.WIDTH;
    }

    /** Height of the exported image in pixels. */
    default int exportHeight() {
        return ChartExport.HEIGHT;
    }

    /** Whether there is anything plotted yet (a tab that was never opened has nothing to export). */
    default boolean hasData() {
        return data().rowCount() > 0;
    }
}
