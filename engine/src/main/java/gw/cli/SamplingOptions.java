package gw.cli;

import gw.solver.Grid;
import gw.solver.Solvers;
import gw.solver.Step;
import gw.spec.SpecException;
import gw.tensor.Batch;
import gw.tensor.Noise;
import picocli.CommandLine.Option;

/** The solver, step count and noise seed of the image-sampling commands (sample-images, sample-quality). */
final class SamplingOptions {
    @Option(names = "--steps", description = "Solver steps N (default ${DEFAULT-VALUE}).", defaultValue = "20")
    int steps;

    @Option(names = "--solver", description = "ddim, euler, midpoint, heun or rk4 (default ${DEFAULT-VALUE}).",
            defaultValue = "euler")
    String solver;

    @Option(names = "--seed", description = "Seed of the initial noise (default ${DEFAULT-VALUE}).", defaultValue = "0")
    long seed;

    /** Refuses an out-of-range --steps or an unknown --solver, naming the option. */
    void check() {
        if (steps < 1 || steps > 1000) {
            throw new SpecException("--steps", "must be in 1..1000, got " + steps);
        }
        if (!Solvers.NAMES.contains(solver)) {
            throw new SpecException("--solver", "must be one of " + String.join(", ", Solvers.NAMES));
        }
    }

    Step step() {
        return Solvers.byName(solver);
    }

    double[] times() {
        return Grid.uniform(steps);
    }

    /** The initial noise of {@code count} samples of dimension {@code dim}, from --seed. */
    Batch noise(int count, int dim) {
        return Noise.gaussian(count, dim, seed);
    }
}
