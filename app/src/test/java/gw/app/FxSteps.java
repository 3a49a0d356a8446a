package gw.app;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the UI tests do as a person would, or wait for on the FX thread: the steps every view's test shares. */
public abstract class FxSteps extends FxRobot {

    /** Computes a value on the FX thread. */
    protected <T> T onFx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("failed on the FX thread", e);
        }
    }

    /** Runs on the FX thread and waits for it. */
    protected void fx(Runnable r) {
        interact(r);
    }

    /** Waits until the condition holds (checked on the FX thread), or fails after the timeout. */
    protected void await(String what, int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what + waitContext());
        }
    }

    /** What a timed-out wait adds to its message (a view's status line, say); nothing by default. */
    protected String waitContext() {
        return "";
    }

    /** Replaces the text of a field as a person would (select all, type) and presses Enter. */
    protected void typeInto(String query, String text) {
        reveal(query);
        clickOn(query);
        push(KeyCode.CONTROL, KeyCode.A);
        write(text);
        type(KeyCode.ENTER);
    }

    /** Scrolls the settings column so the node is in view (the column scrolls when the window is short). */
    protected void reveal(String query) {
        Node n = lookup(query).query();
        fx(() -> {
            for (Node p = n.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane sp && sp.getContent() != null) {
                    double y = sp.getContent().sceneToLocal(n.localToScene(0, 0)).getY();
                    double room = sp.getContent().getLayoutBounds().getHeight() - sp.getViewportBounds().getHeight();
                    if (room > 0) {
                        sp.setVvalue(Math.max(0, Math.min(1, (y - 40) / room)));
                    }
                    sp.layout();
                    return;
                }
            }
        });
    }
}
