package dev.coreos4j.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An ordered, immutable list of problems: what a parse, a validation, an fsck or a snapshot check found.
 *
 * @param all the problems in the order they were found
 */
public record Problems(List<Problem> all) {
    /** No problems. */
    public static final Problems NONE = new Problems(List.of());

    /**
     * Copies the list.
     *
     * @throws NullPointerException if the list or an element is null
     */
    public Problems {
        all = List.copyOf(Objects.requireNonNull(all, "all"));
    }

    /** The given problems, in order. */
    public static Problems of(Problem... problems) {
        return new Problems(List.of(problems));
    }

    /** Whether there is no {@link Severity#ERROR} (warnings and infos allowed). */
    public boolean isValid() {
        return all.stream().noneMatch(Problem::isError);
    }

    /** Whether there is no problem at all. */
    public boolean isEmpty() {
        return all.isEmpty();
    }

    /** How many problems there are. */
    public int size() {
        return all.size();
    }

    /** The problems of severity {@code severity}, in order. */
    public List<Problem> bySeverity(Severity severity) {
        return all.stream().filter(p -> p.severity() == severity).toList();
    }

    /** The errors, in order. */
    public List<Problem> errors() {
        return bySeverity(Severity.ERROR);
    }

    /** The warnings, in order. */
    public List<Problem> warnings() {
        return bySeverity(Severity.WARNING);
    }

    /** These problems followed by {@code other}'s. */
    public Problems plus(Problems other) {
        List<Problem> out = new ArrayList<>(all);
        out.addAll(other.all);
        return new Problems(out);
    }

    /** One problem per line ({@link Problem#toString()}), the empty string when none. */
    @Override
    public String toString() {
        return all.stream().map(p -> p + "\n").collect(Collectors.joining());
    }
}
