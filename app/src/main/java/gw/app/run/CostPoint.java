package gw.app.run;

/**
 * The cost and result of one sweep cell: wall time of sampling plus guidance (not the metrics), model evaluations,
 * and the mean final loss. {@code error} is null for a finished cell.
 */
public record CostPoint(String scheme, int horizon, int steps, double ms, long nfe, double loss, String error) {
    public boolean ok() {
        return error == null;
    }
}
