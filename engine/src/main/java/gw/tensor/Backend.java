package gw.tensor;

import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.LoggerFactory;

/**
 * Which native build of ND4J's CPU backend loads. The engine ships two: the plain one and the oneDNN-accelerated one
 * (matrix products, tanh, convolutions several times faster on this project's machines). JavaCPP picks the build by
 * the system property {@value #PROPERTY} when it first loads ND4J's natives, so {@link #select} must run before any
 * ND4J class is touched: the command line's and the app's main classes call it from their static initialisers.
 * A library user who never calls it gets the plain build. The CUDA backend has no oneDNN build and JavaCPP falls back
 * to its only one, so selecting oneDNN is harmless there.
 */
public final class Backend {
    /** JavaCPP's platform extension property. */
    public static final String PROPERTY = "org.bytedeco.javacpp.platform.extension";
    /** The extension of ND4J's oneDNN build ({@code nd4j-native} classifier {@code linux-x86_64-onednn}). */
    public static final String ONEDNN = "-onednn";

    private Backend() {
    }

    /** Selects the oneDNN build unless the property is set already (an explicit choice, e.g. empty for plain). */
    public static void select() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, ONEDNN);
        }
    }

    /** Whether the loaded libnd4j was built with oneDNN; loads ND4J if it is not loaded yet. */
    public static boolean oneDnn() {
        return Loaded.ONEDNN;
    }

    /** Logs, once per process, which build loaded (a network's first pass asks). */
    public static void log() {
        Loaded.touch();
    }

    private static final class Loaded {
        static final boolean ONEDNN = detect();

        static {
            LoggerFactory.getLogger(Backend.class).info("ND4J {}: {}", Nd4j.getBackend().getClass().getSimpleName(),
                    ONEDNN ? "the oneDNN build" : "the plain build, without oneDNN (" + PROPERTY + "="
                            + System.getProperty(PROPERTY, "") + ")");
        }

        private static boolean detect() {
            try {
                String info = Nd4j.getBackend().buildInfo();
                return info != null && info.contains("HAVE_ONEDNN");
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }

        static void touch() {
        }
    }
}
