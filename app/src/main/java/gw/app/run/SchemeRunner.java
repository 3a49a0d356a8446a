package gw.app.run;

import gw.app.state.Numbers;
import gw.app.state.Settings;
import gw.experiment.CellResult;
import gw.experiment.CellRunner;
import gw.spec.CellSpec;
import gw.tensor.NonFiniteException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.Function;

/**
 * Runs cells in parallel on a small pool (one thread per core) and collects them in order. Interrupting the calling
 * thread cancels every cell still running (the engine stops within one op) and throws CancellationException.
 * A cell that diverges or has an invalid setting becomes a failed outcome, not an exception.
 */
public final class SchemeRunner implements AutoCloseable {
    private final ExecutorService pool;
    private final int threads;

    public SchemeRunner(int threads, String name) {
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** The enabled schemes' cells under the settings. */
    public RunResult runSchemes(Settings s) {
        return runSchemes(s, o -> { }, f -> { });
    }

    /**
     * The enabled schemes' cells under the settings; each outcome is handed to {@code each} as soon as its cell
     * ends (on the worker thread), so a caller can draw the fast schemes before the slow ones finish, and
     * {@code progress} hears the mean fraction done over all cells.
     */
    public RunResult runSchemes(Settings s, Consumer<SchemeOutcome> each, DoubleConsumer progress) {
        long start = System.nanoTime();
        Map<String, SchemeOutcome> out = new LinkedHashMap<>();
        List<String> schemes = s.schemes();
        List<CellSpec> cells = schemes.stream().map(s::samplingSpec).toList();
        List<SchemeOutcome> done = runAll(cells, (i) -> schemes.get(i), each, progress);
        for (SchemeOutcome o : done) {
            out.put(o.scheme(), o);
        }
        return new RunResult(s, out, (System.nanoTime() - start) / 1e6);
    }

    /**
     * Runs jobs in parallel and returns their results in order. Interrupting the caller cancels them all and
     * throws CancellationException; a job's own exception is rethrown (jobs that must not fail catch their own).
     */
    public <T> List<T> parallel(List<java.util.concurrent.Callable<T>> jobs) {
        List<Future<T>> futures = new ArrayList<>();
        for (java.util.concurrent.Callable<T> j : jobs) {
            futures.add(pool.submit(j));
        }
        List<T> out = new ArrayList<>();
        try {
            for (Future<T> f : futures) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            throw new CancellationException("cancelled");
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        return out;
    }

    /** Runs cells in parallel; name(i) labels cell i's outcome. */
    public List<SchemeOutcome> runAll(List<CellSpec> cells, Function<Integer, String> name) {
        return runAll(cells, name, o -> { }, f -> { }, 0);
    }

    /** As {@link #runAll(List, Function)}; wall times are the median of timedRuns runs after a warm-up (CellRunner). */
    public List<SchemeOutcome> runAll(List<CellSpec> cells, Function<Integer, String> name, int timedRuns) {
        return runAll(cells, name, o -> { }, f -> { }, timedRuns);
    }

    /** As below, each cell run once (its wall times include JIT warm-up). */
    public List<SchemeOutcome> runAll(List<CellSpec> cells, Function<Integer, String> name,
                                      Consumer<SchemeOutcome> each, DoubleConsumer progress) {
        return runAll(cells, name, each, progress, 0);
    }

    /** Runs cells in parallel, telling {@code each} about every outcome as it ends and progress as it goes. */
    public List<SchemeOutcome> runAll(List<CellSpec> cells, Function<Integer, String> name,
                                      Consumer<SchemeOutcome> each, DoubleConsumer progress, int timedRuns) {
        List<Future<SchemeOutcome>> futures = new ArrayList<>();
        double[] fractions = new double[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                SchemeOutcome o = outcome(name.apply(index), () -> CellRunner.run(index, cells.get(index), f -> {
                    synchronized (fractions) {
                        fractions[index] = f;
                        progress.accept(java.util.Arrays.stream(fractions).average().orElse(0));
                    }
                }, timedRuns));
                each.accept(o);
                return o;
            }));
        }
        List<SchemeOutcome> out = new ArrayList<>();
        try {
            for (Future<SchemeOutcome> f : futures) {
                out.add(collect(f));
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            throw new CancellationException("cancelled");
        } catch (CancellationException e) {
            futures.forEach(f -> f.cancel(true));
            throw e;
        }
        return out;
    }

    private static SchemeOutcome collect(Future<SchemeOutcome> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancellationException ce) {
                throw ce;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A cell's outcome: its result, or why it has none (divergence, invalid setting); cancellation rethrown. */
    private static SchemeOutcome outcome(String name, java.util.concurrent.Callable<CellResult> cell) {
        try {
            return SchemeOutcome.ok(name, cell.call());
        } catch (CancellationException ce) {
            throw ce;
        } catch (NonFiniteException c) {
            return SchemeOutcome.failed(name, "Diverged: " + Numbers.times(c.getMessage())
                    + ". Try a smaller guidance scale or more steps.");
        } catch (IllegalArgumentException | ArithmeticException c) {
            return SchemeOutcome.failed(name, "Invalid setting: " + Numbers.times(c.getMessage()));
        } catch (Exception c) {
            return SchemeOutcome.failed(name, "Failed: " + c);
        }
    }

    public int threads() {
        return threads;
    }

    /** Whether any cell is still running (cancelled work winds down within one op). */
    public boolean idle() {
        return ((java.util.concurrent.ThreadPoolExecutor) pool).getActiveCount() == 0;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
