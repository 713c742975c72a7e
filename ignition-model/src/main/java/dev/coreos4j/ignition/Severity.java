package dev.coreos4j.ignition;

import java.util.Locale;

/** How serious a {@link Report.Entry} is: errors make a config invalid, warnings do not. */
public enum Severity {
    /** A problem that makes the config invalid. */
    ERROR,
    /** A problem reported while the config stays valid. */
    WARNING;

    /** {@code "error"} or {@code "warning"}, as Ignition prints it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
