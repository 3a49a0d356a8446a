package gw.app;

import javafx.application.Application;

/**
 * Plain main class: starting a JavaFX Application subclass directly from the class path fails with "JavaFX runtime
 * components are missing"; going through this class works.
 */
public final class Launcher {
    static {
        gw.tensor.Backend.select(); // ND4J's oneDNN build, chosen before any ND4J class loads
    }

    private Launcher() {
    }

    public static void main(String[] args) {
        WorkbenchApp.trace("main()");
        try {
            LaunchOptions.parse(java.util.List.of(args));
        } catch (RuntimeException e) {
            // a script's mistake: say which option, before any window opens
            System.err.println("[options] " + e.getMessage());
            System.exit(2);
        }
        // charts and exports draw into off-screen images; the AWT window toolkit is never needed
        System.setProperty("java.awt.headless", "true");
        // ND4J's backend starts on a thread of its own when a network is first needed, after the first frame
        // (Nd4jStart says why it must never start beside the toolkit's start): learned models are listed from
        // their cards and load their network on first use, through this gate
        Nd4jStart.hold();
        gw.model.LearnedModels.deferLoading(Nd4jStart::await);
        if (!"false".equals(System.getProperty("gw.app.warmup"))) {
            Warmup.start();
        }
        WorkbenchApp.trace("starting the toolkit");
        Application.launch(WorkbenchApp.class, args);
    }
}
