package gw.solver;

/** An adaptive solve (the continuous ideal) did not reach its tolerance within its step budget. */
public class NotConvergedException extends RuntimeException {
    public NotConvergedException(String message) {
        super(message);
    }
}
