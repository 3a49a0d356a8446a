package gw.model.net;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Splitting a network pass's batch over Java threads ("lanes"), each running ND4J's ops on its rows. With ND4J's ops
 * single-threaded (OMP_NUM_THREADS=1) the other cores would idle: two lanes each running single-threaded ops on half
 * the rows run side by side instead of every op splitting its few thousand rows over OpenMP threads (README,
 * "Learned-model performance", compares the two). Lanes fill the cores that ND4J's op threads leave:
 * {@code cores / ND4J threads}, at most {@link #MAX}; the system property {@value #PROPERTY} overrides it.
 */
final class Lanes {
    static final String PROPERTY = "gw.net.lanes";
    static final int MAX = 8;
    /** Below this many rows per lane a pass runs on the calling thread alone (hand-over costs tens of microseconds). */
    static final int MIN_ROWS = 512;
    private static volatile int count;

    private Lanes() {
    }

    /** How many lanes a batch of {@code rows} runs on. */
    static int forRows(int rows) {
        return Math.max(1, Math.min(count(), rows / MIN_ROWS));
    }

    static int count() {
        if (count == 0) {
            String set = System.getProperty(PROPERTY);
            int n;
            if (set != null) {
                try {
                    n = Integer.parseInt(set.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(PROPERTY + " must be an integer in 1.." + MAX + ", got " + set);
                }
                if (n < 1 || n > MAX) {
                    throw new IllegalArgumentException(PROPERTY + " must be in 1.." + MAX + ", got " + n);
                }
            } else {
                int opThreads = Math.max(1, Nd4j.getEnvironment().maxThreads());
                n = Math.max(1, Math.min(MAX, Runtime.getRuntime().availableProcessors() / opThreads));
            }
            count = n;
        }
        return count;
    }

    /**
     * body(0..k-1), lane 0 on the calling thread, the others on the lane threads; the results in lane order. Runs of
     * several lanes take turns (one set of lane threads).
     */
    static <T> List<T> run(int k, IntFunction<T> body) {
        if (k == 1) {
            return java.util.Collections.singletonList(body.apply(0));
        }
        synchronized (Lanes.class) {
            Worker[] ws = workers(k - 1);
            List<Worker.Job<T>> jobs = new ArrayList<>(k - 1);
            for (int i = 1; i < k; i++) {
                int lane = i;
                jobs.add(ws[i - 1].start(() -> body.apply(lane)));
            }
            List<T> out = new ArrayList<>(k);
            Throwable failure = null;
            try {
                out.add(body.apply(0));
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            for (Worker.Job<T> j : jobs) {
                try {
                    out.add(j.await());
                } catch (RuntimeException | Error e) {
                    failure = failure == null ? e : failure;
                }
            }
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure != null) {
                throw (Error) failure;
            }
            return out;
        }
    }

    private static Worker[] workers;

    private static Worker[] workers(int n) {
        if (workers == null || workers.length < n) {
            Worker[] w = new Worker[Math.max(n, count() - 1)];
            for (int i = 0; i < w.length; i++) {
                w[i] = workers != null && i < workers.length ? workers[i] : new Worker();
            }
            workers = w;
        }
        return workers;
    }
}
