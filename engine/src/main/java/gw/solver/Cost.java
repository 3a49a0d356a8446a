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

    /** Adds another counter's NFEs and VJPs; the peak becomes the larger of the two. */
    public void addAll(Cost other) {
        nfe += other.nfe;
        vjps += other.vjps;
        peakRetainedBytes = Math.max(peakRetainedBytes, other.peakRetainedBytes);
    }

    public void reset() {
        nfe = 0;
        vjps = 0;
        retainedBytes = 0;
        peakRetainedBytes = 0;
    }

    /** Counts accrued since {@code earlier}, a snapshot taken with {@link #snapshot()}. */
    public Cost since(Cost earlier) {
        Cost c = new Cost();
        c.nfe = nfe - earlier.nfe;
        c.vjps = vjps - earlier.vjps;
        c.peakRetainedBytes = peakRetainedBytes;
        return c;
    }

    public Cost snapshot() {
        Cost c = new Cost();
        c.nfe = nfe;
        c.vjps = vjps;
        c.retainedBytes = retainedBytes;
        c.peakRetainedBytes = peakRetainedBytes;
        return c;
    }
}
