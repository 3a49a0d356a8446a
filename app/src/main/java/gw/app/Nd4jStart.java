package gw.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * ND4J's backend, started once, on a thread of its own, and only when a network is first needed (a learned scenario
 * chosen, a model opened, training) or once the first results are drawn, whichever comes first. The window's first
 * frame never waits for it (about 1 s of CPU on a quiet machine, several seconds under load). Everything that
 * touches ND4J in the app goes through {@link #await()} (learned models through the gate the Launcher gives
 * {@code LearnedModels}), so ND4J still starts on one thread and never while the JavaFX toolkit starts: started on
 * the warm-up thread while the FX thread started up, it hung at start-up in one of two launches of the installed
 * app (stuck after "optimization level", no other log line, no CPU).
 */
public final class Nd4jStart {
    private static final CompletableFuture<Void> READY = new CompletableFuture<>();
    private static final AtomicBoolean BEGUN = new AtomicBoolean();
    private static final CompletableFuture<Void> ALLOWED = new CompletableFuture<>();
    private static volatile boolean held;

    private Nd4jStart() {
    }

    /**
     * Until {@link #allow()}, ND4J does not start: {@link #begin()} is remembered and {@link #await()} waits. The
     * Launcher holds it until the first frame is painted (the toolkit has started by then); tests and other hosts
     * never hold it.
     */
    static void hold() {
        held = true;
    }

    /** Lets ND4J start (and starts it, if it was asked for meanwhile). */
    static void allow() {
        ALLOWED.complete(null);
    }

    /** Starts ND4J in the background unless it is started or starting (once allowed). */
    public static void begin() {
        if (held && !ALLOWED.isDone()) {
            ALLOWED.thenRun(Nd4jStart::begin);
            return;
        }
        if (!BEGUN.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            long start = System.nanoTime();
            try {
                org.nd4j.linalg.factory.Nd4j.zeros(1);
                WorkbenchApp.trace(String.format(java.util.Locale.ROOT, "ND4J started (%.0f ms, its thread's CPU %.0f ms)",
                        (System.nanoTime() - start) / 1e6,
                        java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e6));
                READY.complete(null);
            } catch (RuntimeException | Error e) {
                READY.completeExceptionally(e);
            }
        }, "nd4j-start");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Starts ND4J if need be and waits until it has started. Never on the FX thread before the first frame (it
     * would wait for itself): nothing the first frame draws needs a network.
     */
    public static void await() {
        if (held && !ALLOWED.isDone() && javafx.application.Platform.isFxApplicationThread()) {
            throw new IllegalStateException("a network was needed on the FX thread before the first frame");
        }
        begin();
        READY.join();
    }

    public static boolean started() {
        return READY.isDone() && !READY.isCompletedExceptionally();
    }
}
