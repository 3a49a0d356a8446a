package gw.app.images;

import gw.app.images.ImageEngine.Reconstruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.concurrent.Service;
import javafx.concurrent.Task;

/**
 * Reconstructs the settings' image with each selected scheme in turn, on its own daemon thread. Each scheme's result
 * (or its error) reaches the FX thread as soon as it ends, never after its run was cancelled; progress is the
 * fraction of all schemes' steps done. {@link #restart()} and {@link #cancel()} interrupt the engine, which stops
 * within one step.
 */
public final class ImageRunService extends Service<List<Reconstruction>> {
    /** One scheme's end: its reconstruction, or null and the error. */
    public interface Partial {
        void accept(ImageSettings s, String scheme, Reconstruction r, String error);
    }

    private final ImageEngine engine;
    private volatile ImageSettings settings;
    private Partial partial = (s, n, r, e) -> { };

    public ImageRunService(ImageEngine engine) {
        this.engine = engine;
        setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "images-run");
            t.setDaemon(true);
            return t;
        }));
    }

    public void setSettings(ImageSettings s) {
        settings = s;
    }

    public ImageSettings getSettings() {
        return settings;
    }

    public void setOnPartial(Partial p) {
        partial = p;
    }

    @Override
    protected Task<List<Reconstruction>> createTask() {
        ImageSettings s = settings;
        return new Task<>() {
            @Override
            protected List<Reconstruction> call() {
                List<Reconstruction> out = new ArrayList<>();
                int n = s.schemes().size();
                updateProgress(0, 1);
                for (int k = 0; k < n; k++) {
                    String scheme = s.schemes().get(k);
                    int done = k;
                    updateMessage(String.format(Locale.ROOT, "Reconstructing image %d with %s (%d of %d), N = %d",
                            s.index(), scheme, k + 1, n, s.steps()));
                    Reconstruction r = null;
                    String error = null;
                    try {
                        r = engine.reconstruct(s, scheme, f -> updateProgress((done + f) / n, 1));
                        out.add(r);
                    } catch (CancellationException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        if (isCancelled() || Thread.currentThread().isInterrupted()) {
                            throw new CancellationException("cancelled");
                        }
                        error = e.getMessage() == null ? e.toString() : e.getMessage();
                    }
                    Reconstruction got = r;
                    String err = error;
                    Platform.runLater(() -> {
                        // not isDone(): a FutureTask is done as soon as call() returns, before this runs
                        if (!isCancelled()) {
                            partial.accept(s, scheme, got, err);
                        }
                    });
                    updateProgress(k + 1.0, n);
                }
                return out;
            }
        };
    }
}
