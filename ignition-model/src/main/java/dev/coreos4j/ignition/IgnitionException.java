package dev.coreos4j.ignition;

import dev.coreos4j.problem.ProblemsException;
import java.util.List;
import java.util.Objects;

/**
 * A config could not be accepted or written: {@link #report()} (and {@link #problems()}, the same problems) holds
 * every reason, not just the first.
 *
 * <p>{@link #getMessage()} is the summary followed by the first error as Ignition prints it and how many more there
 * are ({@code invalid config: error at $.storage.files.0.path: path not absolute (and 2 more)}).
 */
public class IgnitionException extends ProblemsException {
    private static final long serialVersionUID = 1L;

    private final transient Report report;
    private final String summary;

    /**
     * An exception with a one-line {@code message} carrying {@code report}.
     *
     * @param message a one-line summary
     * @param report the full report
     * @throws NullPointerException if an argument is null
     */
    public IgnitionException(String message, Report report) {
        super(
                Objects.requireNonNull(message, "message"),
                Objects.requireNonNull(report, "report").problems());
        this.report = report;
        this.summary = message + describe(report);
    }

    private static String describe(Report report) {
        List<dev.coreos4j.problem.Problem> errors = report.errors();
        if (errors.isEmpty()) {
            return "";
        }
        return ": " + Report.text(errors.get(0)) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
    }

    /** The summary and the first error, as Ignition prints it. */
    @Override
    public String getMessage() {
        return summary;
    }

    /** The report explaining the failure. */
    public Report report() {
        return report;
    }
}
