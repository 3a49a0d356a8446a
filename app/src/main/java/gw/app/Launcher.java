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
        // charts and exports draw into off-screen images; the AWT window toolkit is never needed
        System.setProperty("java.awt.headless", "true");
        if (!"false".equals(System.getProperty("gw.app.warmup"))) {
            Warmup.start();
        }
        Application.launch(WorkbenchApp.class, args);
    }
}
