package gw.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gw.tensor.Batch;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class FashionMnistTest {
    @TempDir
    Path dir;

    /** An IDX file: magic 0x0000_08_rank, big-endian sizes, then the body. */
    static byte[] idx(int type, int[] shape, byte[] body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt((type << 8) | shape.length);
        for (int s : shape) {
            out.writeInt(s);
        }
        out.write(body);
        return bytes.toByteArray();
    }

    static void write(Path file, byte[] content, boolean gzip) throws IOException {
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(content);
        }
    }

    /** Three 28 x 28 images whose pixel k of image i is (i * 7 + k) mod 256, labels 9, 0, 3. */
    private void writeSplit(FashionMnist.Split split, int images, byte[] labels) throws IOException {
        byte[] px = new byte[images * 784];
        for (int i = 0; i < images; i++) {
            for (int k = 0; k < 784; k++) {
                px[i * 784 + k] = (byte) ((i * 7 + k) % 256);
            }
        }
        write(split.images(dir), idx(0x08, new int[] {images, 28, 28}, px), true);
        write(split.labels(dir), idx(0x08, new int[] {labels.length}, labels), true);
    }

    @Test
    void readsGzippedSplitScaledToPlusMinusOne() throws IOException {
        writeSplit(FashionMnist.Split.TEST, 3, new byte[] {9, 0, 3});
        LabelledImages set = FashionMnist.load(dir, FashionMnist.Split.TEST);
        assertEquals(3, set.count());
        assertEquals(784, set.pixelsPerImage());
        assertArrayEquals(new int[] {9, 0, 3}, set.labels(0, 1, 2));
        double[] img = set.image(1);
        assertEquals(-1.0 + 7 / 127.5, img[0], 1e-15);
        assertEquals(1.0, img[255 - 7], 1e-15); // byte 255
        assertEquals(-1.0, img[256 - 7], 1e-15); // byte 0
        Batch b = set.batch(2, 0);
        assertArrayEquals(set.image(2), b.row(0), 0.0);
        assertArrayEquals(set.image(0), b.row(1), 0.0);
        INDArray a = set.array(DataType.FLOAT, 1);
        assertArrayEquals(new long[] {1, 1, 28, 28}, a.shape());
        assertEquals(img[28 * 3 + 5], a.getDouble(0, 0, 3, 5), 1e-6);
        assertThrows(IndexOutOfBoundsException.class, () -> set.image(3));
    }

    @Test
    void plainIdxReadsLikeGzipped() throws IOException {
        byte[] content = idx(0x08, new int[] {2, 3}, new byte[] {1, 2, 3, 4, 5, (byte) 200});
        Path plain = dir.resolve("a.idx");
        Path gz = dir.resolve("a.idx.gz");
        write(plain, content, false);
        write(gz, content, true);
        IdxReader.IdxArray p = IdxReader.read(plain);
        IdxReader.IdxArray g = IdxReader.read(gz);
        assertArrayEquals(new int[] {2, 3}, p.shape());
        assertArrayEquals(p.data(), g.data());
        assertEquals(200, p.data()[5] & 0xff);
    }

    @Test
    void malformedFilesAreRejectedNamingTheProblem() throws IOException {
        assertProblem(new byte[] {0, 0}, "shorter than its 4-byte magic");
        assertProblem(new byte[] {1, 0, 8, 1, 0, 0, 0, 1, 5}, "two zero bytes");
        assertProblem(idx(0x0D, new int[] {1}, new byte[4]), "element type 0xd");
        assertProblem(idx(0x08, new int[0], new byte[0]), "rank 0");
        assertProblem(idx(0x08, new int[] {1, 1, 1, 1, 1}, new byte[1]), "rank 5");
        assertProblem(idx(0x08, new int[] {2, 0}, new byte[0]), "sizes must be >= 1");
        assertProblem(idx(0x08, new int[] {2, 3}, new byte[5]), "truncated IDX body: 5 of 6");
        assertProblem(idx(0x08, new int[] {2, 3}, new byte[7]), "trailing bytes");
        byte[] cut = idx(0x08, new int[] {2, 3}, new byte[0]);
        assertProblem(java.util.Arrays.copyOf(cut, 6), "truncated IDX header");
    }

    private void assertProblem(byte[] content, String expected) throws IOException {
        Path f = dir.resolve("bad.gz");
        write(f, content, true);
        IOException e = assertThrows(IOException.class, () -> IdxReader.read(f));
        assertTrue(e.getMessage().contains(expected) && e.getMessage().contains("bad.gz"), e.getMessage());
    }

    @Test
    void inconsistentSplitsAreRejected() throws IOException {
        writeSplit(FashionMnist.Split.TEST, 3, new byte[] {9, 0});
        IOException e = assertThrows(IOException.class, () -> FashionMnist.load(dir, FashionMnist.Split.TEST));
        assertTrue(e.getMessage().contains("2 labels for 3 images"), e.getMessage());
        writeSplit(FashionMnist.Split.TEST, 2, new byte[] {9, 10});
        e = assertThrows(IOException.class, () -> FashionMnist.load(dir, FashionMnist.Split.TEST));
        assertTrue(e.getMessage().contains("label 10 of image 1"), e.getMessage());
        write(FashionMnist.Split.TEST.images(dir), idx(0x08, new int[] {1, 28, 27}, new byte[28 * 27]), true);
        e = assertThrows(IOException.class, () -> FashionMnist.load(dir, FashionMnist.Split.TEST));
        assertTrue(e.getMessage().contains("[N, 28, 28]"), e.getMessage());
    }

    @Test
    void missingFilesNameTheDebianPackage() {
        MissingDatasetException e = assertThrows(MissingDatasetException.class,
                () -> FashionMnist.load(dir.resolve("nowhere"), FashionMnist.Split.TRAIN));
        assertTrue(e.getMessage().contains("dataset-fashion-mnist"), e.getMessage());
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz"), e.getMessage());
    }

    /** The installed package, when present: sizes, balanced classes, and the known first labels. */
    @Test
    void installedTestSplitHasTenBalancedClasses() throws IOException {
        assumeTrue(FashionMnist.available(FashionMnist.Split.TEST), "dataset-fashion-mnist is not installed");
        LabelledImages test = FashionMnist.load(FashionMnist.Split.TEST);
        assertEquals(10_000, test.count());
        int[] perClass = new int[10];
        for (int i = 0; i < test.count(); i++) {
            perClass[test.label(i)]++;
        }
        for (int c : perClass) {
            assertEquals(1000, c);
        }
        assertEquals(9, test.label(0)); // the first test image is an ankle boot
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double v : test.image(0)) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(-1.0, min, 0.0);
        assertTrue(max > 0.5 && max <= 1.0, "max " + max);
    }
}
