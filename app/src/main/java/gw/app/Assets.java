package gw.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the shipped assets (presets, learned models, examples) are: the folder named by {@code -Dgw.assets} (the
 * installer's launcher sets it to the copy inside the app image, so the installed app finds them from any working
 * directory), else {@code assets} in the working directory or one level up (a checkout, run from its root or from a
 * module folder).
 */
public final class Assets {
    public static final String PROPERTY = "gw.assets";
    /** The bad values already warned about: several callers ask for the root, the warning is said once. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private Assets() {
    }

    /** The assets folder, or null when there is none. */
    public static Path root() {
        String prop = System.getProperty(PROPERTY);
        List<Path> candidates = prop != null && !prop.isBlank() ? List.of(Path.of(prop))
                : List.of(Path.of("assets"), Path.of("..", "assets"));
        for (Path p : candidates) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        if (prop != null && WARNED.add(prop)) {
            System.err.println("[assets] -D" + PROPERTY + "=" + prop + " is not a folder: no presets or shipped models");
        }
        return null;
    }

    /** A folder under the assets root ("presets", "models/fashion-unet"), or null when it does not exist. */
    public static Path dir(String relative) {
        Path root = root();
        if (root == null) {
            return null;
        }
        Path p = root.resolve(relative);
        return Files.isDirectory(p) ? p : null;
    }
}
