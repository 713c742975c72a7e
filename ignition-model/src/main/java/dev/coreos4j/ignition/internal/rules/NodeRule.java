package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.problem.Severity;

/** The rules every file, directory and link shares: owner and mode (coreos/ignition config/v3_4/types/node.go and mode.go). */
public enum NodeRule implements IgnitionRule {
    BOTH_ID_AND_NAME("both-id-and-name", Severity.ERROR, "cannot set both id and name"),
    ILLEGAL_FILE_MODE("illegal-file-mode", Severity.ERROR, "illegal file mode"),
    SPECIAL_MODE_BITS(
            "special-mode-bits",
            Severity.WARNING,
            "setuid/setgid/sticky bits are not supported or functional in spec versions older than 3.6.0");

    private final String code;
    private final Severity severity;
    private final String text;

    NodeRule(String code, Severity severity, String text) {
        this.code = code;
        this.severity = severity;
        this.text = text;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    @Override
    public String text() {
        return text;
    }
}
