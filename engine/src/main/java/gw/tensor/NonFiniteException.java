package gw.tensor;

/** NaN or Inf appeared during a solve; reported to the user instead of printed as numbers. */
public class NonFiniteException extends RuntimeException {
    public NonFiniteException(String message) {
        super(message);
    }
}
