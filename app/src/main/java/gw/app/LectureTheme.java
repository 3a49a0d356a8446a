package gw.app;

import atlantafx.base.theme.PrimerDark;
import javafx.application.Application;

/**
 * The application-wide look of lecture-hall mode: AtlantaFX's Primer Dark theme (JavaFX's own Modena otherwise).
 * Larger fonts and points, and the high-contrast density, are set by the workbench itself (style class "lecture").
 */
final class LectureTheme {
    private LectureTheme() {
    }

    static void apply(boolean lecture) {
        Application.setUserAgentStylesheet(lecture ? new PrimerDark().getUserAgentStylesheet()
                : Application.STYLESHEET_MODENA);
    }
}
