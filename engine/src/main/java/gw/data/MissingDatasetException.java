package gw.data;

import java.io.IOException;

/** A data set's files are absent; the message names the file and the package that installs it. */
public final class MissingDatasetException extends IOException {
    public MissingDatasetException(String message) {
        super(message);
    }
}
