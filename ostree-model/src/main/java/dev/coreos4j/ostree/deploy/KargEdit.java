package dev.coreos4j.ostree.deploy;

import java.util.Objects;

/**
 * One kernel-argument edit, as {@code ostree admin deploy --karg…} and {@code rpm-ostree kargs --…} spell them.
 *
 * @param op what to do
 * @param arg the argument, {@code KEY}, {@code KEY=VALUE} or (for {@link Op#REPLACE}) {@code KEY=OLD=NEW}
 */
public record KargEdit(Op op, String arg) {

    /** The edit operations. */
    public enum Op {
        /** {@code ostree admin deploy --karg=K=V}: replace every value of {@code K} by this one, or append it. */
        SET,
        /** {@code --karg-append} / {@code rpm-ostree kargs --append}: append, even if present. */
        APPEND,
        /** {@code --append-if-missing}: append unless this exact argument is present. */
        APPEND_IF_MISSING,
        /**
         * {@code rpm-ostree kargs --replace}: {@code K=V} replaces the single value of {@code K};
         * {@code K=OLD=NEW} replaces value {@code OLD}. Refused when the key (or value) is absent or ambiguous.
         */
        REPLACE,
        /** {@code --karg-delete} / {@code --delete}: delete {@code K=V}, or the only value of {@code K}; refused when absent. */
        DELETE,
        /** {@code --delete-if-present}: like {@link #DELETE} but absent is fine. */
        DELETE_IF_PRESENT
    }

    /**
     * @throws IllegalArgumentException if {@code arg} is blank or contains white space
     */
    public KargEdit {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(arg, "arg");
        if (arg.isEmpty() || arg.startsWith("=")) {
            throw new IllegalArgumentException("kernel argument must start with a key: '" + arg + "'");
        }
        for (int i = 0; i < arg.length(); i++) {
            if (Character.isWhitespace(arg.charAt(i)) && !quoted(arg, i)) {
                throw new IllegalArgumentException("kernel argument contains white space: '" + arg + "'");
            }
        }
    }

    private static boolean quoted(String arg, int index) {
        int quotes = 0;
        for (int i = 0; i < index; i++) {
            if (arg.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }

    /** {@code --karg=arg}. */
    public static KargEdit set(String arg) {
        return new KargEdit(Op.SET, arg);
    }

    /** {@code --karg-append=arg}. */
    public static KargEdit append(String arg) {
        return new KargEdit(Op.APPEND, arg);
    }

    /** {@code --karg-delete=arg}. */
    public static KargEdit delete(String arg) {
        return new KargEdit(Op.DELETE, arg);
    }
}
