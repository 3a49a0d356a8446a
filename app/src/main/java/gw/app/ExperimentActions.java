package gw.app;

import gw.app.export.ExperimentFiles;
import gw.app.export.ExportActions;
import gw.app.state.Scenario;
import gw.app.state.Settings;
import gw.experiment.AtomicFiles;
import gw.spec.SpecException;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Open and Save experiment: the current settings as an experiment spec the command line re-runs, and back. */
final class ExperimentActions {
    private final Window owner;
    private final Workbench bench;
    private final ExportActions dialogs;
    private final Consumer<Scenario> onOpened;

    ExperimentActions(Window owner, Workbench bench, ExportActions dialogs, Consumer<Scenario> onOpened) {
        this.owner = owner;
        this.bench = bench;
        this.dialogs = dialogs;
        this.onOpened = onOpened;
    }

    void save() {
        Settings s = bench.controls().getSettings();
        Scenario sc = bench.controls().scenario();
        FileChooser fc = chooser("Save experiment");
        fc.setInitialFileName("experiment.json");
        File f = fc.showSaveDialog(owner);
        if (f == null) {
            return;
        }
        try {
            String description = sc == null ? "" : sc.description();
            String changed = sc == null ? "" : ExperimentFiles.changes(sc.defaults(), s);
            if (!changed.isEmpty()) {
                description += (description.isEmpty() ? "" : " ") + "(Saved from the workbench with settings "
                        + "changed from this scenario's: " + changed + ".)";
            }
            String json = ExperimentFiles.toJson(s, sc == null ? "workbench" : sc.name(), description);
            AtomicFiles.write(f.toPath(), json.getBytes(StandardCharsets.UTF_8), true);
            bench.model().say("Saved experiment to " + f);
        } catch (Exception e) {
            dialogs.error("Could not save the experiment", e);
        }
    }

    void open() {
        File f = chooser("Open experiment").showOpenDialog(owner);
        if (f == null) {
            return;
        }
        try {
            onOpened.accept(ExperimentFiles.read(f.toPath()));
            bench.model().say("Opened " + f);
        } catch (SpecException | IllegalArgumentException e) {
            dialogs.error("Cannot open " + f.getName(), e);
        }
    }

    private static FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Experiment spec (JSON)", "*.json"));
        return fc;
    }
}
