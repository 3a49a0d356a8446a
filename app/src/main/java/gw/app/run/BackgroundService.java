package gw.app.run;

import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.concurrent.Service;
import javafx.concurrent.Task;

/**
 * A restartable background computation of an input (captured when the run starts) into a result, on its own
 * daemon thread; restart() cancels the previous run by interrupting it.
 */
public class BackgroundService<I, R> extends Service<R> {
    private final Function<I, R> work;
    private final String what;
    private volatile Supplier<I> input;

    public BackgroundService(String name, String what, Function<I, R> work) {
        this.work = work;
        this.what = what;
        setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        }));
    }

    public void setInput(Supplier<I> input) {
        this.input = input;
    }

    @Override
    protected Task<R> createTask() {
        I in = input.get();
        return new Task<>() {
            @Override
            protected R call() {
                updateMessage(what);
                updateProgress(-1, 1);
                return work.apply(in);
            }
        };
    }
}
