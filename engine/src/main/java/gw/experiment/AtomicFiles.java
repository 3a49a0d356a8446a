package gw.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files whole or not at all: the bytes go to a temporary file beside the target, which is then renamed over
 * it in one step, so a reader (or a crash) never sees half a file. An existing file is replaced only when the
 * caller says so (for the app: when the user agreed).
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes, replacing any existing file. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, bytes, true);
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8), true);
    }

    /** @throws FileAlreadyExistsException when the target exists and {@code replaceExisting} is false */
    public static void write(Path target, byte[] bytes, boolean replaceExisting) throws IOException {
        Path abs = target.toAbsolutePath();
        if (!replaceExisting && Files.exists(abs)) {
            throw new FileAlreadyExistsException(abs.toString(), null, "exists; not replaced without asking");
        }
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        try {
            Files.write(tmp, bytes);
            readableLikeAnyFile(tmp, abs);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A temporary file is created readable by its owner only; the file it becomes should read like any other:
     * the replaced file's permissions, or rw-r--r--.
     */
    private static void readableLikeAnyFile(Path tmp, Path target) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> p = Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, p);
    }
}
