package gw.app.images;

import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/**
 * While the Images tab is selected it has the whole window below the menu: the workbench's 2-D settings column,
 * sample panels and status bar (whose Run and Cancel act on the 2-D run) step aside, so nobody mistakes them for the
 * image view's own; they come back, as they were, when another tab is chosen. Written against the workbench's layout
 * (root: settings left, a vertical split of samples over tabs in the centre, status bottom); if that layout changes,
 * nothing moves and the view still works in its tab.
 */
final class ImagesLayout {
    private ImagesLayout() {
    }

    static void attach(BorderPane root) {
        if (!(root.getCenter() instanceof SplitPane center) || center.getItems().size() != 2
                || !(center.getItems().get(1) instanceof TabPane tabs)) {
            return;
        }
        Node top = center.getItems().get(0);
        Node left = root.getLeft();
        Node bottom = root.getBottom();
        double[] divider = {center.getDividerPositions()[0]};
        Runnable follow = () -> {
            Tab t = tabs.getSelectionModel().getSelectedItem();
            boolean images = t != null && "tab-images".equals(t.getId());
            for (Node n : new Node[] {left, bottom}) {
                if (n != null) {
                    n.setVisible(!images);
                    n.setManaged(!images);
                }
            }
            if (images && center.getItems().contains(top)) {
                divider[0] = center.getDividerPositions()[0];
                center.getItems().remove(top);
            } else if (!images && !center.getItems().contains(top)) {
                center.getItems().add(0, top);
                center.setDividerPositions(divider[0]);
            }
        };
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> follow.run());
        follow.run();
    }
}
