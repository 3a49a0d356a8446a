package gw.app.controls;

import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

/**
 * Tooltips made when the mouse first reaches their control. A Tooltip is a popup window of its own and costs a
 * few milliseconds to build; the settings column has some forty, and building them all made the window appear
 * later. The tooltip behaves the same: it shows after the usual delay, counted from the mouse's next move.
 */
public final class Tips {
    private Tips() {
    }

    /** A wrapping tooltip with the workbench's delays. */
    public static Tooltip of(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(360);
        t.setShowDelay(Duration.millis(300));
        t.setShowDuration(Duration.seconds(30));
        return t;
    }

    /** Gives the control the text as its tooltip when the mouse first enters it. */
    public static void lazy(Control c, String text) {
        lazy(c, () -> of(text));
    }

    /** Gives the control the tooltip the supplier makes, when the mouse first enters it. */
    public static void lazy(Control c, Supplier<Tooltip> make) {
        EventHandler<MouseEvent> once = new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                c.removeEventFilter(MouseEvent.MOUSE_ENTERED, this);
                if (c.getTooltip() == null) {
                    c.setTooltip(make.get());
                }
            }
        };
        c.addEventFilter(MouseEvent.MOUSE_ENTERED, once);
    }
}
