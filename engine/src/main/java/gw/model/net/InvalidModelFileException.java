package gw.model.net;

/** A model or checkpoint file that is truncated, corrupt, foreign, or not the network the caller expects. */
public final class InvalidModelFileException extends IllegalArgumentException {
    public InvalidModelFileException(String message) {
        super(message);
    }
}
