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

    /**
     * Why a file operation failed, in the user's words: "permission denied", "no such file", "not a directory",
     * or the system's reason (a looping symbolic link says "Too many levels of symbolic links").
     */
    public static String reason(java.io.IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(e.getMessage()).replaceAll("[\\p{Cc}\\u2028\\u2029]+", " ");
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
