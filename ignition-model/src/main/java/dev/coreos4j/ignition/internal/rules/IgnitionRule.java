package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.problem.Rule;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A rule of this library: a stable code, a severity and Ignition's message. Implemented by one enum per section of
 * the config ({@link FileRule}, {@link PartitionRule}, …), so every problem's code is declared next to its message
 * and never derived from the text.
 */
public interface IgnitionRule extends Rule {
    /**
     * The message, Ignition's words; a {@link String#format} template ({@code %s}) for the rules whose message
     * names a value ({@link SystemdRule#INVALID_UNIT_CONTENT}).
     */
    String text();

    /** The message with {@code args} put into {@link #text()}; {@link #text()} itself when there are none. */
    default String message(@Nullable Object... args) {
        return args.length == 0 ? text() : String.format(Locale.ROOT, text(), args);
    }
}
