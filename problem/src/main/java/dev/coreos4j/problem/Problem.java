package dev.coreos4j.problem;

import java.util.Objects;

/**
 * One problem found in content.
 *
 * @param severity how bad it is
 * @param code the stable code of the {@link Rule} that found it ({@code path-not-absolute}); not blank
 * @param message what is wrong, for a person to read (for reference-tool parity, often the reference tool's own
 *     words)
 * @param location where it is; {@link Location#NONE} when it concerns the input as a whole
 */
public record Problem(Severity severity, String code, String message, Location location) {
    /**
     * Checks the parts.
     *
     * @throws NullPointerException if a part is null
     * @throws IllegalArgumentException if {@code code} is blank
     */
    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
        if (code.isBlank()) {
            throw new IllegalArgumentException("code must not be blank");
        }
    }

    /** A problem from {@code rule}, with the rule's code and severity. */
    public static Problem of(Rule rule, String message, Location location) {
        return new Problem(rule.severity(), rule.code(), message, location);
    }

    /** Whether this is an {@link Severity#ERROR}. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** This problem at {@code location} instead. */
    public Problem at(Location location) {
        return new Problem(severity, code, message, location);
    }

    /**
     * {@code severity[code] location: message}, the location left out when empty —
     * {@code error[path-not-absolute] config.ign:1:61 $.storage.files[0].path: path not absolute}.
     */
    @Override
    public String toString() {
        String where = location.toString();
        return severity.label() + "[" + code + "]" + (where.isEmpty() ? "" : " " + where) + ": " + message;
    }
}
