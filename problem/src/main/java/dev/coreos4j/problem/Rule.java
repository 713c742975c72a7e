package dev.coreos4j.problem;

/**
 * An enumerated rule that can produce problems: each library declares its rules as the constants of an enum that
 * implements this interface, so every problem's code comes from one declared place (never derived from message
 * text).
 */
public interface Rule {
    /**
     * The stable code of problems from this rule: lower-case words joined by {@code -}, such as {@code
     * path-not-absolute}. Codes never change meaning between releases.
     */
    String code();

    /** The severity of problems from this rule. */
    Severity severity();
}
