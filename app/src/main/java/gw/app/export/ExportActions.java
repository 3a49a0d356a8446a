package gw.app.export;

import gw.experiment.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Saving what is on screen: one chart as PNG or SVG, its data as CSV, or every chart in all three formats into a
 * folder. Files are written atomically; an existing file is replaced only after the user agreed (the save dialog
 * asks for a single file, a confirmation lists the files a folder export would replace).
 */
public final class ExportActions {
    private final Window owner;
    private final Consumer<String> report;

    public ExportActions(Window owner, Consumer<String> report) {
        this.owner = owner;
        this.report = report;
    }

    /** The bytes of one exportable in one format: "png", "svg" or "csv". */
    public static byte[] bytes(Exportable e, String format) {
        return switch (format) {
            case "png" -> ChartExport.png(e.chart(), e.exportWidth(), e.exportHeight());
            case "svg" -> ChartExport.svg(e.chart(), e.exportWidth(), e.exportHeight());
            case "csv" -> ChartExport.csv(e.data());
            default -> throw new IllegalArgumentException("unknown export format " + format);
        };
    }

    /** Writes every exportable in every format into dir; returns the files written. */
    public static List<Path> writeAll(List<? extends Exportable> items, Path dir, boolean replace)
            throws IOException {
        List<Path> written = new ArrayList<>();
        for (Exportable e : items) {
            for (String f : new String[] {"png", "svg", "csv"}) {
                Path p = dir.resolve(e.exportName() + "." + f);
                AtomicFiles.write(p, bytes(e, f), replace);
                written.add(p);
            }
        }
        return written;
    }

    public void saveOne(Exportable e, String format) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Save " + e.exportName() + " as " + format.toUpperCase());
        fc.setInitialFileName(e.exportName() + "." + format);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.toUpperCase(), "*." + format));
        java.io.File f = fc.showSaveDialog(owner);
        if (f == null) {
            return;
        }
        try {
            // the save dialog has already asked before replacing an existing file
            AtomicFiles.write(f.toPath(), bytes(e, format), true);
            report.accept("Saved " + f);
        } catch (IOException | RuntimeException ex) {
            error("Could not save " + f, ex);
        }
    }

    public void saveAll(List<? extends Exportable> all) {
        // a chart whose tab was never opened (or whose run failed) has nothing plotted: a blank file helps nobody
        List<Exportable> items = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (Exportable e : all) {
            if (e.hasData()) {
                items.add(e);
            } else {
                empty.add(e.exportName());
            }
        }
        String skipped = empty.isEmpty() ? "" : " (not exported, nothing plotted yet: " + String.join(", ", empty)
                + ")";
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Export every chart (PNG, SVG, CSV) into a folder");
        java.io.File d = dc.showDialog(owner);
        if (d == null) {
            return;
        }
        List<String> existing = new ArrayList<>();
        for (Exportable e : items) {
            for (String f : new String[] {"png", "svg", "csv"}) {
                if (Files.exists(d.toPath().resolve(e.exportName() + "." + f))) {
                    existing.add(e.exportName() + "." + f);
                }
            }
        }
        if (!existing.isEmpty() && !confirm("Replace " + existing.size() + " existing file(s) in " + d + "?",
                String.join("\n", existing.subList(0, Math.min(12, existing.size())))
                        + (existing.size() > 12 ? "\n\u2026" : ""))) {
            return;
        }
        try {
            List<Path> written = writeAll(items, d.toPath(), true);
            report.accept("Exported " + written.size() + " files to " + d + skipped);
        } catch (IOException | RuntimeException ex) {
            error("Could not export to " + d, ex);
        }
    }

    public boolean confirm(String header, String body) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, body, ButtonType.OK, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setHeaderText(header);
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    public void error(String header, Throwable ex) {
        Alert a = new Alert(Alert.AlertType.ERROR, String.valueOf(ex.getMessage()), ButtonType.OK);
        a.initOwner(owner);
        a.setHeaderText(header);
        a.show();
    }
}
