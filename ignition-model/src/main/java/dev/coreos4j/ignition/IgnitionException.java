package dev.coreos4j.ignition;

import java.util.Objects;

/** A config could not be accepted or written; {@link #report()} holds every reason. */
public class IgnitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Report report;

    /**
     * @param message a one-line summary
     * @param report  the full report; never null
     */
    public IgnitionException(String message, Report report) {
        super(message + describe(report));
        this.report = Objects.requireNonNull(report, "report");
    }

    private static String describe(Report report) {
        if (report == null || report.errors().isEmpty()) {
            return "";
        }
        return ": " + report.errors().get(0)
                + (report.errors().size() > 1 ? " (and " + (report.errors().size() - 1) + " more)" : "");
    }

    /** The report explaining the failure. */
    public Report report() {
        return report;
    }
}
