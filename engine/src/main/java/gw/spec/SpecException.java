package gw.spec;

/**
 * An invalid spec: {@code field} is the JSON path of the offending value ({@code model.weights[1]},
 * {@code points[3][0]}; empty for the document as a whole) and the message says what is allowed.
 * The message is a single line, meant to be shown to the user as is.
 */
public class SpecException extends RuntimeException {
    private final String field;
    private final String problem;

    public SpecException(String field, String problem) {
        super((field.isEmpty() ? "spec" : field) + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** JSON path of the offending value; empty for the whole document. */
    public String field() {
        return field;
    }

    /** What is wrong and what is allowed, without the field. */
    public String problem() {
        return problem;
    }
}
