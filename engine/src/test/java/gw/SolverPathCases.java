package gw;

import gw.path.Paths;
import gw.solver.Solvers;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The arguments of a test run for every solver on every path: {@code @MethodSource("gw.SolverPathCases#all")}. */
public final class SolverPathCases {
    private SolverPathCases() {
    }

    /** (solver name, path name) for every pair. */
    public static Stream<Arguments> all() {
        List<Arguments> out = new ArrayList<>();
        for (String solver : Solvers.NAMES) {
            for (String path : Paths.NAMES) {
                out.add(Arguments.of(solver, path));
            }
        }
        return out.stream();
    }
}
