package gw.app.export;

import java.io.IOException;
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
 * Writes a file so that readers never see half of it: the bytes go to a temporary file in the same folder, which
 * is then moved over the target in one step. An existing file is replaced only when the caller says the user
 * agreed to it.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * A temporary file is created readable by its owner only; the file it becomes should read like any other the
     * user saves: the replaced file's permissions, or rw-r--r--.
     */
    private static void readableLikeAnyFile(Path tmp, Path target) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> p = Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, p);
    }

    public static void write(Path target, byte[] bytes, boolean replaceExisting) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (!replaceExisting && Files.exists(abs)) {
            throw new FileAlreadyExistsException(abs.toString(), null, "exists; not replaced without asking");
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
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
}
