package gw.cli;

import gw.model.GaussianMixture;
import gw.objective.SquaredDistance;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The problem the demo and benchmark commands share: the 2-D mixture of shared/reference/gmm2d_oracle.json and
 * L = 0.5 |x1 - (1.5, 0.5)|^2, with the --seed of its random draws (a picocli mixin); and their one way of refusing
 * an option out of range.
 */
final class ReferenceProblem {
    @Option(names = "--seed", description = "Seed of the random draws (default ${DEFAULT-VALUE}).", defaultValue = "0")
    long seed;

    static final GaussianMixture GMM = new GaussianMixture(
            new double[] {0.3, 0.3, 0.4},
            new double[][] {{-2.0, 0.0}, {2.0, 1.0}, {0.0, -2.5}},
            new double[] {0.3, 0.5, 0.4});

    static SquaredDistance loss() {
        return new SquaredDistance(new double[] {1.5, 0.5});
    }

    /** A usage error "OPTION must be in MIN..MAX, got V" unless min <= v <= max. */
    static void requireRange(CommandLine cl, String option, long v, long min, long max) {
        if (v < min || v > max) {
            throw new ParameterException(cl, option + " must be in " + min + ".." + max + ", got " + v);
        }
    }
}
