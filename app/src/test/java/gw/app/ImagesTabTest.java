package gw.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.SplitPane;
import org.junit.jupiter.api.Test;

/**
 * The Images tab opens by name (--tab images) and has the window to itself: the 2-D settings, sample panels and
 * status bar (whose Run acts on the 2-D run) step aside while it is selected and come back as they were.
 */
class ImagesTabTest extends WorkbenchFixture {

    @Test
    void theImagesTabTakesTheWindowAndGivesItBack() {
        awaitRunOf(settings());
        SplitPane center = (SplitPane) bench.root().getCenter();
        fx(() -> center.setDividerPositions(0.4));
        fx(() -> bench.selectTab("images"));
        assertTrue(bench.tabNames().contains("images"));
        assertTrue(onFx(() -> bench.root().lookup("#images-pane") != null), "the Images view is in the window");
        assertFalse(onFx(() -> bench.root().getLeft().isVisible()), "2-D settings hidden");
        assertFalse(onFx(() -> bench.status().isVisible()), "2-D status bar hidden");
        assertEquals(1, onFx(() -> center.getItems().size()), "sample panels out of the split");
        clickOn("Gradient error vs t");
        assertTrue(onFx(() -> bench.root().getLeft().isVisible() && bench.status().isVisible()));
        assertEquals(2, onFx(() -> center.getItems().size()));
        assertEquals(0.4, onFx(() -> center.getDividerPositions()[0]), 0.02, "the divider where it was");
    }
}
