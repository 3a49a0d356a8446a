package gw.app.charts;

import org.jfree.chart.annotations.AbstractXYAnnotation;

/**
 * The base of this app's plot annotations: equal only to itself. JFreeChart's AbstractXYAnnotation.equals compares
 * only tool tip and URL, so every annotation here would equal every other, and removing one (the target marker)
 * from a renderer would also remove another (the density heat map).
 */
abstract class IdentityAnnotation extends AbstractXYAnnotation {

    @Override
    public final boolean equals(Object o) {
        return this == o;
    }

    @Override
    public final int hashCode() {
        return System.identityHashCode(this);
    }
}
