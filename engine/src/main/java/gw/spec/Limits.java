package gw.spec;

/**
 * Documented size limits of specs (listed in docs/CLI.md). They exist so that a typo such as
 * {@code "steps": 1e9} is refused at once with a message instead of running for hours or exhausting memory.
 */
public final class Limits {
    /** Largest spec file read, in bytes. */
    public static final long MAX_SPEC_BYTES = 64L << 20;
    /** Largest step count N of the sampling grid. */
    public static final int MAX_STEPS = 100_000;
    /** Largest lookahead horizon H. */
    public static final int MAX_HORIZON = 100_000;
    /** Most entries in a list of horizons. */
    public static final int MAX_HORIZONS = 64;
    /** Largest data dimension D. */
    public static final int MAX_DIM = 4096;
    /** Most mixture components K. */
    public static final int MAX_COMPONENTS = 1024;
    /** Most measurement rows M of a measurement operator. */
    public static final int MAX_MEASUREMENTS = 4096;
    /** Most points in one probe. */
    public static final int MAX_POINTS = 100_000;
    /**
     * Total-work guard: the estimated arithmetic of one run ({@link Workload#operations()}, roughly
     * multiply-adds); about 1e8 of them run per second on one core, so the limit is one to two minutes.
     */
    public static final double MAX_OPERATIONS = 1e10;
    /**
     * Memory guard: the estimated largest set of values kept for one backward pass, in bytes. The JVM's heap must
     * be larger (the default is a quarter of the machine's memory; set -Xmx, or MAVEN_OPTS under exec:java).
     */
    public static final long MAX_RETAINED_BYTES = 1L << 30;

    private Limits() {
    }
}
