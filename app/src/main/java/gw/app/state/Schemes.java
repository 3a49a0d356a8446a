package gw.app.state;

import gw.spec.SchemeDescriptor;
import gw.spec.SchemeRegistry;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The guidance schemes the workbench compares, their display order and their names for people. */
public final class Schemes {
    /** The schemes the app offers, in display order: the registry's interactive ones (a live view). */
    public static final List<String> ALL = new AbstractList<>() {
        @Override
        public String get(int index) {
            return interactive().get(index);
        }

        @Override
        public int size() {
            return interactive().size();
        }
    };

    private Schemes() {
    }

    private static List<String> interactive() {
        return SchemeRegistry.all().stream().filter(SchemeDescriptor::interactive).map(SchemeDescriptor::name)
                .toList();
    }

    /** The given schemes in display order, unknown names dropped, no duplicates. */
    public static List<String> ordered(Collection<String> schemes) {
        List<String> out = new ArrayList<>();
        for (String s : ALL) {
            if (schemes.contains(s)) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /** Whether the scheme computes a guidance gradient (everything but "none"). */
    public static boolean guided(String scheme) {
        return SchemeRegistry.find(scheme).map(d -> d.kind() != SchemeDescriptor.Kind.UNGUIDED).orElse(true);
    }

    /** Short label of a scheme under the given settings, e.g. "lookahead H=3"; the registry's label otherwise. */
    public static String label(String scheme, Settings s) {
        if (scheme.equals("lookahead")) {
            return s.horizonIsEndToEnd() ? "lookahead H=N\u2212i (end-to-end)"
                    : "lookahead H=" + s.effectiveHorizon() + " " + s.lookaheadSolver();
        }
        return SchemeRegistry.find(scheme).map(SchemeDescriptor::label).orElse(scheme);
    }

    /** One plain sentence on what a scheme does, for tooltips (the registry's). */
    public static String explain(String scheme) {
        return SchemeRegistry.find(scheme).map(SchemeDescriptor::tooltip).orElse(scheme);
    }
}
