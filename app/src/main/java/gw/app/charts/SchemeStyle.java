package gw.app.charts;

import java.awt.Color;

/** One colour per scheme, the same in every panel, chart and legend (colour-blind-safe Okabe-Ito palette). */
public final class SchemeStyle {
    private SchemeStyle() {
    }

    public static Color color(String scheme) {
        return switch (scheme) {
            case "none" -> new Color(0x55, 0x55, 0x55);
            case "greedy" -> new Color(0xD5, 0x5E, 0x00);
            case "lookahead" -> new Color(0x00, 0x72, 0xB2);
            case "end-to-end" -> new Color(0x00, 0x9E, 0x73);
            case "adjoint" -> new Color(0xCC, 0x79, 0xA7);
            case "ideal" -> Color.BLACK;
            default -> Color.DARK_GRAY;
        };
    }

    public static javafx.scene.paint.Color fx(String scheme) {
        Color c = color(scheme);
        return javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
    }

    public static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
