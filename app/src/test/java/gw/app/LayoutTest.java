package gw.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.app.charts.SamplePanel;
import gw.app.state.Settings;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/**
 * The window at 1024 x 700 with all five schemes: no label cut short (each label's rendered text is its whole
 * text, and lies inside the window), and the chart subtitles' lines fit their panels.
 */
class LayoutTest extends WorkbenchFixture {

    @Override
    protected void open(Stage stage) {
        open(stage, 1024, 700, s -> s.withSchemes(gw.app.state.Schemes.ALL));
    }

    @Test
    void nothingIsCutAt1024By700() {
        Settings s = settings();
        awaitRunOf(s);
        for (String tab : List.of("error", "compute", "inspector", "about")) {
            fx(() -> bench.selectTab(tab));
            fx(() -> {
                bench.root().applyCss();
                bench.root().layout();
            });
            List<String> cut = onFx(() -> clipped(bench.root()));
            assertTrue(cut.isEmpty(), "labels cut on the " + tab + " tab: " + cut);
        }
        // five panels side by side: every subtitle line fits the panel it is drawn on
        for (SamplePanel p : onFx(() -> bench.samples().panels())) {
            var title = (org.jfree.chart.title.TextTitle) p.chart().getSubtitle(0);
            var fm = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB)
                    .getGraphics().getFontMetrics(title.getFont());
            double width = onFx(p::getWidth);
            for (String line : title.getText().split("\n")) {
                assertTrue(fm.stringWidth(line) <= width - 8, p.scheme() + ": '" + line + "' is "
                        + fm.stringWidth(line) + " px on a " + width + " px panel");
            }
            assertTrue(title.getText().split("\n").length <= title.getMaximumLinesToDisplay(),
                    "every line shown");
        }
        assertEquals(5, bench.samples().panels().size());
    }

    /** Labels showing less than their text (an ellipsis), or lying partly outside the window. */
    static List<String> clipped(Parent root) {
        List<String> out = new ArrayList<>();
        Bounds window = root.localToScene(root.getLayoutBounds());
        walk(root, n -> {
            if (n instanceof Labeled l && l.isVisible() && visible(l) && l.getText() != null && !l.getText().isEmpty()) {
                for (Node t : l.lookupAll(".text")) {
                    if (t instanceof Text text && text.getParent() == l && !text.getText().equals(l.getText())
                            && !l.isWrapText()) {
                        out.add("'" + l.getText() + "' shows '" + text.getText() + "'");
                    }
                }
                Bounds b = l.localToScene(l.getLayoutBounds());
                if (b.getWidth() > 0 && (b.getMaxX() > window.getMaxX() + 1 || b.getMinX() < window.getMinX() - 1)) {
                    out.add("'" + l.getText() + "' runs outside the window");
                }
            }
        });
        return out;
    }

    private static boolean visible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    private static void walk(Node n, java.util.function.Consumer<Node> f) {
        f.accept(n);
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, f);
            }
        }
    }
}
