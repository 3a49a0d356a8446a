package gw.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads an IDX file of unsigned bytes (the MNIST family's format), gzipped or plain: magic 0x00 0x00 0x08 rank,
 * then rank big-endian int32 sizes, then the bytes in row-major order. Anything else (another element type, a rank
 * outside 1..4, a zero or negative size, a truncated body or trailing bytes) is an {@link IOException} naming the
 * file and the problem.
 */
public final class IdxReader {
    /** Element type code for unsigned bytes, the only one the Fashion-MNIST files use. */
    static final int UBYTE = 0x08;
    static final int MAX_RANK = 4;
    private static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private IdxReader() {
    }

    /** An IDX array: its sizes and its bytes (unsigned, row-major). */
    public record IdxArray(int[] shape, byte[] data) {
        public int size(int dim) {
            return shape[dim];
        }

        public int rank() {
            return shape.length;
        }
    }

    public static IdxArray read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            boolean gzip = b0 == 0x1f && b1 == 0x8b;
            try (InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
                return read(in, file.toString());
            }
        }
    }

    /** Reads one IDX array from a stream; {@code name} goes into error messages. */
    public static IdxArray read(InputStream stream, String name) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            throw new IOException(name + ": not an IDX file (shorter than its 4-byte magic number)");
        }
        if ((magic >>> 16) != 0) {
            throw new IOException(name + ": not an IDX file (magic 0x" + Integer.toHexString(magic)
                    + " does not start with two zero bytes)");
        }
        int type = (magic >>> 8) & 0xff;
        int rank = magic & 0xff;
        if (type != UBYTE) {
            throw new IOException(name + ": IDX element type 0x" + Integer.toHexString(type)
                    + " is not supported; only unsigned bytes (0x08)");
        }
        if (rank < 1 || rank > MAX_RANK) {
            throw new IOException(name + ": IDX rank " + rank + " is outside 1.." + MAX_RANK);
        }
        int[] shape = new int[rank];
        long total = 1;
        for (int d = 0; d < rank; d++) {
            try {
                shape[d] = in.readInt();
            } catch (EOFException e) {
                throw new IOException(name + ": truncated IDX header (" + d + " of " + rank + " sizes)");
            }
            if (shape[d] <= 0) {
                throw new IOException(name + ": IDX size " + d + " is " + shape[d] + "; sizes must be >= 1");
            }
            total *= shape[d];
            if (total > MAX_BYTES) {
                throw new IOException(name + ": IDX sizes " + Arrays.toString(Arrays.copyOf(shape, d + 1))
                        + " exceed " + MAX_BYTES + " bytes");
            }
        }
        byte[] data = new byte[(int) total];
        int got = in.readNBytes(data, 0, data.length);
        if (got != data.length) {
            throw new IOException(name + ": truncated IDX body: " + got + " of " + data.length + " bytes for sizes "
                    + Arrays.toString(shape));
        }
        if (in.read() != -1) {
            throw new IOException(name + ": trailing bytes after the " + data.length + " bytes of sizes "
                    + Arrays.toString(shape));
        }
        return new IdxArray(shape, data);
    }
}
