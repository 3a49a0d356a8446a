package gw.guidance;

import gw.solver.Cost;
import gw.solver.Dynamics;
import gw.tensor.Batch;

/** Wraps a gradient computation with the counters and clock that every scheme reports. */
final class Measured {
    private final Dynamics f;
    private final Cost before;
    private final long start;

    Measured(Dynamics f) {
        this.f = f;
        this.before = f.cost().snapshot();
        f.cost().reset();
        this.start = System.nanoTime();
    }

    GuidanceGradient finish(Batch gradient, Batch endpoint) {
        long nanos = System.nanoTime() - start;
        Cost used = f.cost().snapshot();
        f.cost().reset();
        f.cost().addAll(before);
        f.cost().addAll(used);
        return new GuidanceGradient(gradient, endpoint, used.nfe(), used.vjps(), nanos, used.peakRetainedBytes());
    }
}
