package gw.data;

import java.nio.file.Path;

/**
 * Points {@link FashionMnist} at another folder (its {@link FashionMnist#DIR_PROPERTY}) until closed, then puts the
 * property back as it was: for tests of what happens when the dataset package is missing.
 */
public final class FashionMnistDir implements AutoCloseable {
    private final String before;

    private FashionMnistDir(String before) {
        this.before = before;
    }

    public static FashionMnistDir pointAt(Path dir) {
        String before = System.getProperty(FashionMnist.DIR_PROPERTY);
        System.setProperty(FashionMnist.DIR_PROPERTY, dir.toString());
        return new FashionMnistDir(before);
    }

    @Override
    public void close() {
        if (before == null) {
            System.clearProperty(FashionMnist.DIR_PROPERTY);
        } else {
            System.setProperty(FashionMnist.DIR_PROPERTY, before);
        }
    }
}
