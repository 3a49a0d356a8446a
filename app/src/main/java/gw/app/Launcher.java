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
        // ND4J's backend starts here, on one thread, before any other thread can touch it: started by the warm-up
        // thread (a learned preset loads its network) while the FX thread started up, it hung at start-up in one of
        // two launches of the installed app (stuck after "optimization level", no other log line, no CPU)
        org.nd4j.linalg.factory.Nd4j.zeros(1);
        if (!"false".equals(System.getProperty("gw.app.warmup"))) {
            Warmup.start();
        }
        Application.launch(WorkbenchApp.class, args);
    }
}
