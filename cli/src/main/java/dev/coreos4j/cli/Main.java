package dev.coreos4j.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** The entry point of the {@code coreos4j} command. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        // what new PrintWriter(System.out, true) builds, with the platform charset made explicit
        Charset charset = Charset.defaultCharset();
        System.exit(run(
                args,
                new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, charset)), true),
                new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.err, charset)), true)));
    }

    /**
     * Runs the command with {@code args}, writing to {@code out} and {@code err}; returns the exit code instead of
     * exiting, so that tests and embedders can call it.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    /** The configured command tree. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new CoreosCommand());
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler((ex, command, parseResult) -> {
            PrintWriter err = command.getErr();
            err.println("coreos4j: " + describe(ex));
            err.flush();
            return ex instanceof InputFiles.BadInputException ? ExitCode.INVALID : ExitCode.USAGE;
        });
        cli.setExitCodeExceptionMapper(ex -> ExitCode.USAGE);
        return cli;
    }

    private static int usageError(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("coreos4j: " + ex.getMessage());
        err.print("Usage: " + command.getHelp().synopsis(0));
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCode.USAGE;
    }

    /** One line that says what went wrong, without a stack trace. */
    static String describe(Throwable ex) {
        Throwable cause = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        if (cause instanceof InputFiles.BadInputException) {
            return "error: " + cause.getMessage();
        }
        if (cause instanceof NoSuchFileException) {
            return "no such file: " + cause.getMessage();
        }
        if (cause instanceof IOException) {
            String message = cause.getMessage();
            return "I/O error: " + (message == null ? cause.getClass().getSimpleName() : message);
        }
        String message = cause.getMessage();
        return "error: " + (message == null ? cause.getClass().getName() : message);
    }
}
