package gw.model.net;

import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * One lane thread of {@link Lanes}. Between jobs it spins for {@link #SPIN_NANOS} before it parks, and a caller
 * waiting for its job does the same: a guided solve hands a lane a job every pass, a few milliseconds apart, and
 * waking a parked thread took up to milliseconds on the shared development machine (as long as a pass), spinning a few
 * microseconds.
 */
final class Worker {
    static final long SPIN_NANOS = 2_000_000;
    private final Thread thread;
    private volatile Job<?> job;

    Worker() {
        thread = new Thread(this::loop, "gw-net-lane");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts {@code body} on this lane (the lane must be idle: {@link Lanes} runs one set of jobs at a time). */
    <T> Job<T> start(Supplier<T> body) {
        Job<T> j = new Job<>(body, Thread.currentThread());
        job = j;
        LockSupport.unpark(thread);
        return j;
    }

    private void loop() {
        while (true) {
            Job<?> j = await(() -> job != null);
            job = null;
            j.run();
        }
    }

    private Job<?> await(java.util.function.BooleanSupplier ready) {
        long start = System.nanoTime();
        while (!ready.getAsBoolean()) {
            if (System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        return job;
    }

    /** A job's result, awaited by the thread that started it. */
    static final class Job<T> {
        private final Supplier<T> body;
        private final Thread caller;
        private volatile boolean done;
        private T result;
        private Throwable failure;

        Job(Supplier<T> body, Thread caller) {
            this.body = body;
            this.caller = caller;
        }

        void run() {
            try {
                result = body.get();
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            done = true;
            LockSupport.unpark(caller);
        }

        T await() {
            long start = System.nanoTime();
            while (!done) {
                if (System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure != null) {
                throw (Error) failure;
            }
            return result;
        }
    }
}
