package dev.coreos4j.problem;

import java.util.Objects;

/**
 * Thrown by an {@code …OrThrow} method (or a builder's {@code build()}) when content has errors: carries every
 * problem found, not just the first. Libraries subclass it to name what was refused.
 */
public class ProblemsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The most problems the message lists; {@link #problems()} has them all. */
    public static final int MESSAGE_LIMIT = 20;

    @SuppressWarnings("serial") // Problems is an immutable record of records; serialising it is not supported
    private final Problems problems;

    /**
     * An exception about {@code what} (such as {@code "invalid config"}) carrying {@code problems}.
     *
     * @throws NullPointerException if an argument is null
     */
    public ProblemsException(String what, Problems problems) {
        super(message(Objects.requireNonNull(what, "what"), Objects.requireNonNull(problems, "problems")));
        this.problems = problems;
    }

    /** Every problem found, in order. */
    public Problems problems() {
        return problems;
    }

    private static String message(String what, Problems problems) {
        StringBuilder out = new StringBuilder(what);
        int errors = problems.errors().size();
        out.append(": ")
                .append(errors)
                .append(errors == 1 ? " error" : " errors")
                .append(problems.size() > errors ? ", " + (problems.size() - errors) + " other" : "");
        int shown = 0;
        for (Problem p : problems.all()) {
            if (shown++ == MESSAGE_LIMIT) {
                out.append("\n… and ").append(problems.size() - MESSAGE_LIMIT).append(" more");
                break;
            }
            out.append('\n').append(p);
        }
        return out.toString();
    }
}
