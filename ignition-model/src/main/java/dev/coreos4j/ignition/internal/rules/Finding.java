package dev.coreos4j.ignition.internal.rules;

import java.util.Objects;

/**
 * A rule broken by one value, with its message: what a check that does not know the value's path returns (URL,
 * path and field checks); the caller puts it at a path.
 *
 * @param rule the rule broken
 * @param message the message (the rule's text, with the value's details where the rule has a template)
 */
public record Finding(IgnitionRule rule, String message) {
    /**
     * Checks the parts.
     *
     * @throws NullPointerException if a part is null
     */
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    /** {@code rule} broken, its message filled with {@code args}. */
    public static Finding of(IgnitionRule rule, Object... args) {
        return new Finding(rule, rule.message(args));
    }
}
