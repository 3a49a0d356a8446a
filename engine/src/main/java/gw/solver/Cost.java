package gw.solver;

/** Counts of work done: forward model evaluations (NFEs), vector-Jacobian products, and retained memory. */
public final class Cost {
    private long nfe;
    private long vjps;
    private long retainedBytes;
    private long peakRetainedBytes;

    public long nfe() {
        return nfe;
    }

    public long vjps() {
        return vjps;
    }

    /** Bytes retained now (kept for a backward pass that has not consumed them yet). */
    public long retainedBytes() {
        return retainedBytes;
    }

    public long peakRetainedBytes() {
        return peakRetainedBytes;
    }

    void addNfe(long n) {
        nfe += n;
    }

    void addVjps(long n) {
        vjps += n;
    }

    /** Memory kept alive for a later backward pass; released with a negative amount. */
    public void retain(long bytes) {
        retainedBytes += bytes;
        peakRetainedBytes = Math.max(peakRetainedBytes, retainedBytes);
    }

    /**
     * Starts measuring the peak of one piece of work: returns the peak so far and restarts the peak from what is
     * retained now. Pass the returned value to {@link #endPeakWindow(long)}.
     */
    public long beginPeakWindow() {
        long previous = peakRetainedBytes;
        peakRetainedBytes = retainedBytes;
        return previous;
    }

    /** The peak reached since {@link #beginPeakWindow()}; the overall peak becomes the larger of the two again. */
    public long endPeakWindow(long previousPeak) {
        long window = peakRetainedBytes;
        peakRetainedBytes = Math.max(previousPeak, window);
        return window;
    }
}
