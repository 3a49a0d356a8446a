package gw.cli;

/** Exit codes of every command (docs/CLI.md). */
public final class ExitCodes {
    /** Success: the result is on stdout. */
    public static final int OK = 0;
    /** An unexpected failure (a bug, or out of memory); one line on stderr. */
    public static final int INTERNAL = 1;
    /** Invalid input: a usage error, or a spec that failed validation; nothing was computed. */
    public static final int INVALID_INPUT = 2;
    /** A numerical failure: NaN or Inf appeared, or the continuous ideal did not converge; no numbers printed. */
    public static final int NON_FINITE = 3;

    private ExitCodes() {
    }
}
