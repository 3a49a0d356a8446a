package gw.cli;

import gw.model.net.InvalidModelFileException;
import gw.solver.NotConvergedException;
import gw.spec.SpecException;
import gw.tensor.Backend;
import gw.tensor.NonFiniteException;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code gw} command line. Subcommands write their result to stdout and nothing else does: {@link #main}
 * keeps the real stdout for results and points System.out at stderr. Exit codes are mapped in one place
 * ({@link #failure}) so every subcommand reports errors the same way: throw {@link SpecException} for invalid
 * input, let {@link NonFiniteException} escape from a computation. Add a subcommand to {@code subcommands}.
 */
@Command(name = "gw", mixinStandardHelpOptions = true, version = "Guidance Workbench 0.1.0",
        description = "Greedy, lookahead and end-to-end guidance for flow and diffusion models.",
        subcommands = {DemoCommand.class, ProbeCommand.class, RunCommand.class, BenchCommand.class,
                MemoryBenchCommand.class, TrainCommand.class, NetBenchCommand.class,
                SampleImagesCommand.class, SampleQualityCommand.class})
public final class Main implements Callable<Integer> {
    static {
        Backend.select(); // before any ND4J class loads
    }

    @Spec
    CommandSpec spec;

    /** No subcommand given: a usage error. */
    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        cl.getErr().println("Missing a command.");
        cl.usage(cl.getErr());
        return ExitCodes.INVALID_INPUT;
    }

    public static void main(String[] args) {
        PrintStream stdout = System.out;
        System.setOut(System.err);
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8)));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, out, err);
        out.flush();
        if (out.checkError() && code == ExitCodes.OK) {
            err.println("error: could not write the result to stdout");
            code = ExitCodes.INTERNAL;
        }
        err.flush();
        // halt, not exit: under `mvn exec:java` Maven's shutdown hooks print terminal escape codes to stdout
        Runtime.getRuntime().halt(code);
    }

    /** Runs a command line with the given streams and returns its exit code; never exits the JVM. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(Main::failure);
        cl.setParameterExceptionHandler(Main::usageError);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("error: out of memory; use a smaller spec or a larger heap (-Xmx)");
            err.flush();
            return ExitCodes.INTERNAL;
        }
    }

    /** A usage error: the problem, any suggestions, then the usage of the command it concerns, all on stderr. */
    static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(oneLine(String.valueOf(e.getMessage())));
        UnmatchedArgumentException.printSuggestions(e, err);
        cmd.usage(err);
        err.flush();
        return ExitCodes.INVALID_INPUT;
    }

    /** The exit code and the one line on stderr for an exception a subcommand threw. */
    static int failure(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        int code;
        if (e instanceof SpecException s) {
            err.println("error: " + oneLine(s.getMessage()));
            code = ExitCodes.INVALID_INPUT;
        } else if (e instanceof InvalidModelFileException m) {
            err.println("error: " + oneLine(m.getMessage()));
            code = ExitCodes.INVALID_INPUT;
        } else if (e instanceof NonFiniteException n) {
            err.println("error: the computation produced NaN or infinite values: " + oneLine(n.getMessage()));
            code = ExitCodes.NON_FINITE;
        } else if (e instanceof NotConvergedException n) {
            err.println("error: " + oneLine(n.getMessage()));
            code = ExitCodes.NON_FINITE;
        } else {
            err.println("internal error: " + oneLine(String.valueOf(e)));
            code = ExitCodes.INTERNAL;
        }
        err.flush();
        return code;
    }

    /** Keeps a message on one line: control characters (C0 and C1, such as U+0085) and separators become spaces. */
    static String oneLine(String s) {
        return s.replaceAll("[\\p{Cc}\\u2028\\u2029]+", " ").trim();
    }
}
