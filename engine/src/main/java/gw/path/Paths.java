package gw.path;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Registry of paths by their spec name. */
public final class Paths {
    private static final Map<String, Supplier<AffinePath>> BY_NAME = Map.of(
            "ot", OtPath::new,
            "vp-cosine", VpCosinePath::new,
            "vp-linear", VpLinearPath::new);

    public static final List<String> NAMES = List.of("ot", "vp-cosine", "vp-linear");

    private Paths() {
    }

    public static AffinePath byName(String name) {
        Supplier<AffinePath> s = BY_NAME.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown path '" + name + "'; allowed: " + String.join(", ", NAMES));
        }
        return s.get();
    }
}
