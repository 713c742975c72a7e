package dev.coreos4j.cli;

/** The process exit codes every {@code coreos4j} command uses. */
public final class ExitCode {

    /** Success: every input valid, every check passed. */
    public static final int OK = 0;
    /** The input is invalid or a check failed (validation errors, fsck findings, a refused transition). */
    public static final int INVALID = 1;
    /** A usage error (unknown command, bad option) or an I/O error (unreadable file). */
    public static final int USAGE = 2;

    private ExitCode() {}
}
