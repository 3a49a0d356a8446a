package gw.experiment;

import gw.tensor.Batch;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's .npy format, version 1.0, for float64 [B, D] arrays in C order: magic, header length, a Python-literal
 * header padded with spaces to a multiple of 64 bytes and ending in a newline, then little-endian doubles.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\((\\d+),\\s*(\\d+)\\)");

    private Npy() {
    }

    public static byte[] write(Batch x) {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + x.rows() + ", " + x.cols() + "), }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 2 + header.length() + 8 * x.data().length)
                .order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (double v : x.data()) {
            buf.putDouble(v);
        }
        return buf.array();
    }

    /** Reads what {@link #write} writes (float64, C order, 2-D); rejects anything else. */
    public static Batch read(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (byte b : MAGIC) {
            if (buf.get() != b) {
                throw new IllegalArgumentException("not a version 1.0 .npy file");
            }
        }
        int len = Short.toUnsignedInt(buf.getShort());
        byte[] h = new byte[len];
        buf.get(h);
        String header = new String(h, StandardCharsets.US_ASCII);
        Matcher m = SHAPE.matcher(header);
        if (!header.contains("'descr': '<f8'") || !header.contains("'fortran_order': False") || !m.find()) {
            throw new IllegalArgumentException("unsupported .npy header: " + header.trim());
        }
        int rows = Integer.parseInt(m.group(1));
        int cols = Integer.parseInt(m.group(2));
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = buf.getDouble();
        }
        return new Batch(d, rows, cols);
    }
}
