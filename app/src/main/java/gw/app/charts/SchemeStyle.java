package gw.app.charts;

import gw.experiment.Inspector;
import gw.spec.SchemeRegistry;
import java.awt.Color;

/**
 * One colour per scheme, the same in every panel, chart and legend: the registry's (colour-blind-safe Okabe-Ito
 * palette), black for the ideal.
 */
public final class SchemeStyle {
    private SchemeStyle() {
    }

    public static Color color(String scheme) {
        if (Inspector.IDEAL.equals(scheme)) {
            return Color.BLACK;
        }
        return SchemeRegistry.find(scheme).map(d -> new Color(d.rgb())).orElse(Color.DARK_GRAY);
    }

    public static javafx.scene.paint.Color fx(String scheme) {
        Color c = color(scheme);
        return javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
    }

    public static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
