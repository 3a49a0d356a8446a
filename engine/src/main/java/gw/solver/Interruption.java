package gw.solver;

import java.util.concurrent.CancellationException;

/** Cooperative cancellation: long loops call check() between tensor ops, so cancel lands within one op. */
public final class Interruption {
    private Interruption() {
    }

    public static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cancelled");
        }
    }
}
