package gw.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr, redrawn at most every 100 ms. When stderr is not a terminal it prints a
 * plain line whenever the cell changes instead, so logs stay readable.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean terminal = System.console() != null;
    private long lastDraw;
    private String lastMessage = "";
    private boolean drawn;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    void update(double fraction, String message) {
        if (!terminal) {
            if (!message.equals(lastMessage) && !"done".equals(message)) {
                err.printf("[%3.0f%%] %s%n", 100 * fraction, message);
                err.flush();
            }
            lastMessage = message;
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L && fraction < 1.0) {
            return;
        }
        lastDraw = now;
        int filled = (int) Math.round(WIDTH * Math.min(1.0, fraction));
        err.printf("\r[%s%s] %3.0f%% %-60.60s", "#".repeat(filled), ".".repeat(WIDTH - filled), 100 * fraction,
                message);
        err.flush();
        drawn = true;
    }

    void finish() {
        if (drawn) {
            err.println();
            err.flush();
        }
    }
}
