package gw.app;

import javafx.application.Application;

/**
 * Plain main class: starting a JavaFX Application subclass directly from the class path fails with "JavaFX runtime
 * components are missing"; going through this class works.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}
