package gw.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf 2017): 28 x 28 grey-scale images of ten clothing classes, 60 000 for
 * training and 10 000 for testing, read from the gzipped IDX files that the Debian package dataset-fashion-mnist
 * installs under /usr/share/datasets/fashion-mnist. The system property {@value #DIR_PROPERTY} points elsewhere.
 */
public final class FashionMnist {
    public static final String PACKAGE = "dataset-fashion-mnist";
    public static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    public static final String DIR_PROPERTY = "gw.fashionMnist.dir";
    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** The two splits and their file prefixes and sizes. */
    public enum Split {
        TRAIN("train", 60_000), TEST("t10k", 10_000);

        private final String prefix;
        private final int size;

        Split(String prefix, int size) {
            this.prefix = prefix;
            this.size = size;
        }

        public int size() {
            return size;
        }

        public Path images(Path dir) {
            return dir.resolve(prefix + "-images-idx3-ubyte.gz");
        }

        public Path labels(Path dir) {
            return dir.resolve(prefix + "-labels-idx1-ubyte.gz");
        }
    }

    private FashionMnist() {
    }

    public static Path directory() {
        String p = System.getProperty(DIR_PROPERTY);
        return p == null || p.isBlank() ? DEFAULT_DIR : Path.of(p);
    }

    /** Whether both files of the split are present in {@link #directory()}. */
    public static boolean available(Split split) {
        Path dir = directory();
        return Files.isRegularFile(split.images(dir)) && Files.isRegularFile(split.labels(dir));
    }

    public static LabelledImages load(Split split) throws IOException {
        return load(directory(), split);
    }

    /**
     * Reads and validates one split: 28 x 28 images, one label 0..9 per image, as many labels as images.
     * @throws MissingDatasetException when a file is absent, naming the package that installs it
     */
    public static LabelledImages load(Path dir, Split split) throws IOException {
        Path imageFile = split.images(dir);
        Path labelFile = split.labels(dir);
        for (Path f : new Path[] {imageFile, labelFile}) {
            if (!Files.isRegularFile(f)) {
                throw new MissingDatasetException("Fashion-MNIST file " + f + " is missing: install the Debian package "
                        + PACKAGE + " (apt-get install " + PACKAGE + ") or set -D" + DIR_PROPERTY + "=DIR");
            }
        }
        IdxReader.IdxArray images = IdxReader.read(imageFile);
        IdxReader.IdxArray labels = IdxReader.read(labelFile);
        if (images.rank() != 3 || images.size(1) != SIDE || images.size(2) != SIDE) {
            throw new IOException(imageFile + ": expected images [N, 28, 28], got sizes "
                    + java.util.Arrays.toString(images.shape()));
        }
        if (labels.rank() != 1) {
            throw new IOException(labelFile + ": expected labels [N], got rank " + labels.rank());
        }
        if (labels.size(0) != images.size(0)) {
            throw new IOException(labelFile + ": " + labels.size(0) + " labels for " + images.size(0) + " images");
        }
        byte[] l = labels.data();
        for (int i = 0; i < l.length; i++) {
            if ((l[i] & 0xff) >= CLASSES.size()) {
                throw new IOException(labelFile + ": label " + (l[i] & 0xff) + " of image " + i + " is outside 0.."
                        + (CLASSES.size() - 1));
            }
        }
        return new LabelledImages(images.data(), l, images.size(0), SIDE, CLASSES.size());
    }
}
