package dev.coreos4j.problem;

import java.util.Locale;

/** How bad a problem is. Declared from the most to the least severe. */
public enum Severity {
    /** The content is invalid: it must not be used. */
    ERROR,
    /** The content is usable but probably not what was meant. */
    WARNING,
    /** A remark; nothing is wrong. */
    INFO;

    /** The lower-case word printed in reports: {@code error}, {@code warning}, {@code info}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
