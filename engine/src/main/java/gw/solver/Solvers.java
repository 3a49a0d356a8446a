package gw.solver;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Registry of solver steps by their spec name. */
public final class Solvers {
    private static final Map<String, Supplier<Step>> BY_NAME = Map.of(
            "ddim", DdimStep::new,
            "euler", () -> new RungeKuttaStep("euler", 1, ButcherTableau.EULER),
            "midpoint", () -> new RungeKuttaStep("midpoint", 2, ButcherTableau.MIDPOINT),
            "heun", () -> new RungeKuttaStep("heun", 2, ButcherTableau.HEUN),
            "rk4", () -> new RungeKuttaStep("rk4", 4, ButcherTableau.RK4));

    public static final List<String> NAMES = List.of("ddim", "euler", "midpoint", "heun", "rk4");

    private Solvers() {
    }

    public static Step byName(String name) {
        Supplier<Step> s = BY_NAME.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown solver '" + name + "'; allowed: " + String.join(", ", NAMES));
        }
        return s.get();
    }
}
