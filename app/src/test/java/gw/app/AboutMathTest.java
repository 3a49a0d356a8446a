package gw.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gw.app.panels.AboutMath;
import gw.app.panels.MathText;
import gw.app.state.Schemes;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.Test;

/**
 * The About tab reads as written: its paragraphs wrap inside the tab (a Label holding x̂ ran each line on to the end of
 * the paragraph, over the next lines), and it says what MATH.md says.
 */
class AboutMathTest extends WorkbenchFixture {

    private static void collect(Node n, List<Node> out) {
        out.add(n);
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
        if (n instanceof ScrollPane s && s.getContent() != null) {
            collect(s.getContent(), out);
        }
    }

    @Test
    void paragraphsWrapInsideTheTab() {
        fx(() -> bench.selectTab("about"));
        AboutMath about = lookup("#about-math").queryAs(AboutMath.class);
        List<Node> nodes = onFx(() -> {
            about.applyCss();
            about.layout();
            List<Node> all = new ArrayList<>();
            collect(about, all);
            return all;
        });
        List<TextFlow> flows = nodes.stream().filter(n -> n instanceof TextFlow).map(n -> (TextFlow) n).toList();
        assertFalse(flows.isEmpty());
        StringBuilder all = new StringBuilder();
        for (TextFlow f : flows) {
            double width = onFx(() -> f.getBoundsInParent().getWidth());
            double room = onFx(() -> ((Region) f.getParent()).getWidth());
            assertTrue(width <= room + 1, "paragraph " + width + " px wide in " + room + " px");
            for (Node t : f.getChildren()) {
                String s = ((Text) t).getText();
                all.append(s);
                // a combining mark only ever sits in a Text of its own letter
                assertTrue(!MathText.hasCombiningMark(s) || s.codePointCount(0, s.length()) <= 3, s);
            }
        }
        for (Node n : nodes) {
            if (n instanceof Labeled l) {
                assertFalse(MathText.hasCombiningMark(l.getText() == null ? "" : l.getText()), l.getText());
            }
        }
        String text = all.toString();
        // MATH.md: t = 0 noise, t = 1 data; greedy at x̂1; lookahead H equal steps to 1; end-to-end H = N - i;
        // lookahead error like h^p with p the solver's (global) order
        assertTrue(text.contains("0 (pure noise) to 1 (data)"));
        assertTrue(text.contains("one-step prediction x\u0302\u2081(x_t)"));
        assertTrue(text.contains("H equal steps of the lookahead solver from t to 1"));
        assertTrue(text.contains("N \u2212 i steps left"));
        assertTrue(text.contains("h^p, where h = (1 \u2212 t)/H"));
        assertFalse(text.contains("the same gradient by solving"), "the adjoint is another approximation of g*");
        assertTrue(text.contains("Blasingame & Liu, \u201cGreed is Good: A Unifying Perspective on Guided Generation"),
                "the paper is cited");
        // the equations are rendered images of a readable size, dark ink on white
        List<gw.app.panels.Equation> eqs = nodes.stream().filter(n -> n instanceof gw.app.panels.Equation)
                .map(n -> (gw.app.panels.Equation) n).distinct().toList();
        assertEquals(4, eqs.size());
        for (gw.app.panels.Equation e : eqs) {
            var img = e.getImage();
            assertTrue(img.getWidth() > 100 && img.getHeight() > 15, e.tex() + ": " + img.getWidth() + " x "
                    + img.getHeight());
            boolean ink = false;
            for (int x = 0; x < img.getWidth() && !ink; x++) {
                for (int y = 0; y < img.getHeight() && !ink; y++) {
                    ink = img.getPixelReader().getColor(x, y).getBrightness() < 0.3;
                }
            }
            assertTrue(ink, e.tex() + " has dark ink");
        }
    }

    @Test
    void schemeTooltipsHoldNoCombiningMarks() {
        // a tooltip is a wrapped label: a combining mark would break its line wrapping as it did the About tab's
        for (String scheme : Schemes.ALL) {
            assertFalse(MathText.hasCombiningMark(Schemes.explain(scheme)), scheme);
        }
        moveTo(onFx(() -> bench.controls().schemes().box("greedy")));
        var tip = onFx(() -> bench.controls().schemes().box("greedy").getTooltip());
        assertNotNull(tip, "made when the mouse first reaches the box");
        assertTrue(tip.getText().contains("E[x1 | x_t]"));
    }
}
