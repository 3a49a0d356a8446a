package gw.experiment;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/** A running experiment: wait for its results or cancel it. Cancelling interrupts its thread. */
public final class RunHandle {
    private final CompletableFuture<List<CellResult>> future = new CompletableFuture<>();
    private final Thread thread;

    private RunHandle(Supplier<List<CellResult>> work) {
        this.thread = new Thread(() -> {
            try {
                future.complete(work.get());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }, "experiment");
        thread.setDaemon(true);
    }

    static RunHandle start(Supplier<List<CellResult>> work) {
        RunHandle h = new RunHandle(work);
        h.thread.start();
        return h;
    }

    public void cancel() {
        thread.interrupt();
    }

    public boolean isDone() {
        return future.isDone();
    }

    /** Blocks until the run ends; throws CancellationException if it was cancelled. */
    public List<CellResult> await() throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancellationException c) {
                throw c;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    public CompletableFuture<List<CellResult>> future() {
        return future;
    }
}
