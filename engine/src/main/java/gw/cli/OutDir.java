package gw.cli;

import gw.spec.SpecException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The run directory of {@code run --out DIR}: checked before any work (a file, a file on the way, a dangling or
 * looping symbolic link, a results file that is a directory, no permission: exit 2 with the reason), created, and
 * held with an exclusive lock on DIR/.lock for the whole run, so that a second run on the same DIR is refused
 * instead of interleaving its files with the first's. The lock goes when the process ends, however it ends.
 */
final class OutDir implements AutoCloseable {
    static final String LOCK = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private OutDir(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Checks and creates DIR and takes its lock; throws SpecException("--out", ...) when it cannot. */
    static OutDir open(Path dir) {
        if (Files.isSymbolicLink(dir) && !Files.exists(dir)) {
            throw new SpecException("--out", dir + " is a symbolic link that leads nowhere (dangling or looping)");
        }
        for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new SpecException("--out", p + " is a file, so " + dir + " cannot be a directory");
            }
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new SpecException("--out", dir + " is not a directory");
        }
        for (String name : new String[] {"results.json", "steps.csv", "samples"}) {
            Path f = dir.resolve(name);
            boolean wantDir = name.equals("samples");
            if (Files.exists(f, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(f) != wantDir) {
                throw new SpecException("--out", f + (wantDir ? " is not a directory" : " is a directory, not a file"));
            }
        }
        FileChannel ch = null;
        try {
            Files.createDirectories(dir);
            ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null; // held by this JVM (another run in the same process)
            }
            if (l == null) {
                ch.close();
                throw new SpecException("--out", dir + " is in use by another run (it holds " + dir.resolve(LOCK)
                        + "); wait for it or choose another directory");
            }
            return new OutDir(ch, l);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new SpecException("--out", "cannot use " + dir + ": " + SpecException.reason(e));
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // already failing with a clearer message
            }
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
