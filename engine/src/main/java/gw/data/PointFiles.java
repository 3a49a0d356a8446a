package gw.data;

import gw.experiment.Npy;
import gw.tensor.Batch;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * User points from a CSV file (one point per line, comma-separated numbers, an optional header line of names, '#'
 * comments) or a float64 2-D .npy file. Every error names the file and, for CSV, the line.
 */
public final class PointFiles {
    private PointFiles() {
    }

    /** @throws IllegalArgumentException with a one-line reason for anything but finite [B, D] points */
    public static Batch read(Path file, boolean npy, int maxPoints) {
        byte[] bytes;
        try {
            if (Files.size(file) > 512L << 20) {
                throw new IllegalArgumentException(file + " is larger than 512 MiB");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage());
        }
        Batch b = npy ? npy(bytes, file) : csv(bytes, file);
        if (b.rows() == 0) {
            throw new IllegalArgumentException(file + " holds no points");
        }
        if (b.rows() > maxPoints) {
            throw new IllegalArgumentException(file + " holds " + b.rows() + " points; at most " + maxPoints);
        }
        double[] d = b.data();
        for (int i = 0; i < d.length; i++) {
            if (!Double.isFinite(d[i])) {
                throw new IllegalArgumentException(file + ": point " + (i / b.cols()) + " is NaN or infinite");
            }
        }
        return b;
    }

    private static Batch npy(byte[] bytes, Path file) {
        try {
            if (bytes.length < 10) {
                throw new BufferUnderflowException();
            }
            return Npy.read(bytes);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException(file + " is a truncated .npy file");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage() + " (need float64 '<f8', C order, 2-D)");
        }
    }

    private static Batch csv(byte[] bytes, Path file) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
        List<double[]> rows = new ArrayList<>();
        int cols = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\s*,\\s*");
            double[] row = new double[cells.length];
            try {
                for (int c = 0; c < cells.length; c++) {
                    row[c] = Double.parseDouble(cells[c]);
                }
            } catch (NumberFormatException e) {
                if (rows.isEmpty() && cols < 0) {
                    cols = cells.length; // a header line of column names
                    continue;
                }
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": not a number in '" + shorten(line) + "'");
            }
            if (cols >= 0 && row.length != cols) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + row.length + " values, expected " + cols);
            }
            cols = row.length;
            rows.add(row);
        }
        return rows.isEmpty() ? new Batch(new double[0], 0, Math.max(cols, 0)) : Batch.of(rows.toArray(new double[0][]));
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
