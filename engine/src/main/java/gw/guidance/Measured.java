package gw.guidance;

import gw.solver.Cost;
import gw.solver.Dynamics;
import gw.tensor.Batch;

/** Wraps a gradient computation with the counters, peak memory and clock that every scheme reports. */
final class Measured {
    private final Cost cost;
    private final long nfe;
    private final long vjps;
    private final long previousPeak;
    private final long start;

    Measured(Dynamics f) {
        this.cost = f.cost();
        this.nfe = cost.nfe();
        this.vjps = cost.vjps();
        this.previousPeak = cost.beginPeakWindow();
        this.start = System.nanoTime();
    }

    GuidanceGradient finish(Batch gradient, Batch endpoint) {
        long nanos = System.nanoTime() - start;
        long peak = cost.endPeakWindow(previousPeak);
        return new GuidanceGradient(gradient, endpoint, cost.nfe() - nfe, cost.vjps() - vjps, nanos, peak);
    }
}
