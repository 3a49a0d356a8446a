package gw.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import gw.experiment.Probe;
import gw.experiment.ProbeReport;
import gw.spec.ProbeSpec;
import gw.spec.SpecException;
import gw.spec.SpecReader;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code probe SPEC.json}: predictions, greedy, ideal and lookahead gradients at one grid time for a batch of
 * points, printed as one JSON object (docs/CLI.md). The spec is validated completely before any work starts.
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Compare greedy and lookahead guidance gradients with the ideal at t = index/steps;"
                + " prints one JSON object. See docs/CLI.md.")
public final class ProbeCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "SPEC.json", description = "the probe spec (JSON)")
    String specFile;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        Path file;
        try {
            file = Path.of(specFile);
        } catch (InvalidPathException e) {
            throw new SpecException("", "not a valid file name: " + e.getMessage());
        }
        ProbeSpec spec = ProbeSpec.read(SpecReader.read(file));
        ProbeReport report = Probe.run(spec);
        if (!report.idealSolve().converged()) {
            // the output stands (its "idealSolve" says how far the ideal got); the warning says what it means
            PrintWriter err = command.commandLine().getErr();
            err.println("warning: " + report.idealSolve().note() + "; the ideal and the agreements with it are"
                    + " that finest solve's");
            err.flush();
        }
        String json = JSON.writeValueAsString(report.toJson());
        PrintWriter out = command.commandLine().getOut();
        out.print(json);
        out.print('\n');
        out.flush();
        return ExitCodes.OK;
    }
}
