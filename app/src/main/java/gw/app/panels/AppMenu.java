package gw.app.panels;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;

/** The menu bar: experiment files, export, and help. Each action is supplied by the window. */
public final class AppMenu extends MenuBar {

    /** What the menu items do. */
    public record Actions(Runnable open, Runnable save, Runnable exportAll, Runnable about, Runnable quit) {
    }

    public AppMenu(Actions a, javafx.beans.property.BooleanProperty lecture) {
        Menu file = new Menu("File");
        file.getItems().addAll(
                item("Open experiment\u2026", "Shortcut+O", a.open()),
                item("Save experiment\u2026", "Shortcut+S", a.save()),
                item("Export all charts (PNG, SVG, CSV)\u2026", "Shortcut+E", a.exportAll()),
                item("Quit", "Shortcut+Q", a.quit()));
        Menu view = new Menu("View");
        javafx.scene.control.CheckMenuItem hall = new javafx.scene.control.CheckMenuItem("Lecture-hall mode");
        hall.setId("lecture-mode");
        hall.setAccelerator(KeyCombination.keyCombination("Shortcut+L"));
        hall.selectedProperty().bindBidirectional(lecture);
        view.getItems().add(hall);
        Menu help = new Menu("Help");
        help.getItems().add(item("About the math", "F1", a.about()));
        getMenus().addAll(file, view, help);
        setId("menu");
    }

    private static MenuItem item(String text, String keys, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setAccelerator(KeyCombination.keyCombination(keys));
        m.setOnAction(e -> action.run());
        return m;
    }
}
