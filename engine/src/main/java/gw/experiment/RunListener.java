package gw.experiment;

/** Progress of an experiment, called on the thread that runs it. */
public interface RunListener {

    /** Overall fraction done in [0, 1] and a short description of the current work. */
    default void onProgress(double fraction, String message) {
    }

    /** A cell finished (complete or failed); its result is final. */
    default void onCell(CellResult result) {
    }
}
