package dev.coreos4j.ignition;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Normalisation helpers of the model's compact constructors. They live outside {@link Config} on purpose: a static
 * method of {@code Config} would make the nested records' {@code EMPTY} constants initialise {@code Config} in the
 * middle of their own initialisation and observe each other as null.
 */
final class Values {
    private Values() {}

    static <T> List<T> list(@Nullable List<T> in) {
        return in == null ? List.of() : List.copyOf(in);
    }

    static String key(@Nullable String in) {
        return in == null ? "" : in;
    }
}
