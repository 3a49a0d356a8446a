package gw.app.charts;

import javafx.scene.Node;
import javafx.scene.layout.Region;

/** Lays out its one child as the largest centred square, so a 2-D plot keeps equal units on both axes. */
public final class SquarePane extends Region {
    private final Node child;
    private final double extraWidth;

    /** @param extraWidth width added to the square for the vertical axis and its labels */
    public SquarePane(Node child, double extraWidth) {
        this.child = child;
        this.extraWidth = extraWidth;
        getChildren().add(child);
        setMinSize(100, 100);
    }

    @Override
    protected void layoutChildren() {
        double h = getHeight();
        double w = Math.min(getWidth(), h + extraWidth);
        child.resizeRelocate((getWidth() - w) / 2, 0, w, h);
    }
}
