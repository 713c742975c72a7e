package dev.coreos4j.ostree.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A deployment's kernel command line (the BLS {@code options} line without {@code ostree=}), in order.
 * Keys may repeat ({@code console=tty0 console=ttyS0}); editing follows libostree's {@code OstreeKernelArgs}.
 * libostree replaces the {@code ostree=} bootlink argument in place, so its position is kept as {@code bootlinkAt}.
 *
 * @param args the arguments in order, each {@code KEY} or {@code KEY=VALUE}; copied, immutable
 * @param bootlinkAt how many of {@code args} come before {@code ostree=} on the options line (0..size)
 */
public record KernelArgs(List<String> args, int bootlinkAt) {

    /** No kernel arguments. */
    public static final KernelArgs NONE = new KernelArgs(List.of());

    /** The arguments with {@code ostree=} appended after them (as for a deployment without a merge deployment). */
    public KernelArgs(List<String> args) {
        this(args, args.size());
    }

    /**
     * @throws IllegalArgumentException if an argument is empty, starts with {@code =} or is {@code ostree=…}
     *         (the bootlink argument is managed by the sysroot)
     */
    public KernelArgs {
        args = List.copyOf(args);
        if (bootlinkAt < 0 || bootlinkAt > args.size()) {
            throw new IllegalArgumentException("bootlinkAt " + bootlinkAt + " is not in [0, " + args.size() + "]");
        }
        for (String arg : args) {
            if (arg.isEmpty() || arg.startsWith("=")) {
                throw new IllegalArgumentException("kernel argument must start with a key: '" + arg + "'");
            }
            if (key(arg).equals("ostree")) {
                throw new IllegalArgumentException(
                        "the ostree= kernel argument is managed by the sysroot: '" + arg + "'");
            }
        }
    }

    /**
     * Splits a command line at white space outside double quotes, dropping any {@code ostree=} argument
     * (as libostree does when it inherits arguments from the merge deployment).
     */
    public static KernelArgs parse(String cmdline) {
        Objects.requireNonNull(cmdline, "cmdline");
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inQuotes = false;
        for (int i = 0; i < cmdline.length(); i++) {
            char c = cmdline.charAt(i);
            if (c == '"') {
                inQuotes = !inQuotes;
                current.append(c);
            } else if (Character.isWhitespace(c) && !inQuotes) {
                flush(current, words);
            } else {
                current.append(c);
            }
        }
        flush(current, words);
        List<String> out = new ArrayList<>();
        int at = -1;
        for (String w : words) {
            if (key(w).equals("ostree")) {
                at = out.size();
            } else {
                out.add(w);
            }
        }
        return new KernelArgs(out, at < 0 ? out.size() : at);
    }

    private static void flush(StringBuilder current, List<String> out) {
        if (current.length() > 0) {
            out.add(current.toString());
            current.setLength(0);
        }
    }

    /** A list whose single {@code null} element marks the {@code ostree=} position. */
    private static KernelArgs fromMarked(List<String> marked) {
        List<String> out = new ArrayList<>(marked);
        int at = out.indexOf(null);
        out.remove(at);
        return new KernelArgs(out, at);
    }

    private List<String> marked() {
        List<String> out = new ArrayList<>(args);
        out.add(bootlinkAt, null);
        return out;
    }

    /** The BLS {@code options} value: these arguments with {@code ostree=bootlink} at its place. */
    public String toOptions(String bootlink) {
        List<String> out = marked();
        out.set(out.indexOf(null), "ostree=" + bootlink);
        return String.join(" ", out);
    }

    /** The key of {@code arg}: everything before the first {@code =}. */
    public static String key(String arg) {
        int eq = arg.indexOf('=');
        return eq < 0 ? arg : arg.substring(0, eq);
    }

    /** Applies the edits in order. */
    public KernelArgs edit(List<KargEdit> edits) throws KargException {
        KernelArgs result = this;
        for (KargEdit edit : edits) {
            result = result.edit(edit);
        }
        return result;
    }

    /**
     * Applies one edit.
     *
     * @throws KargException when a {@code REPLACE} or {@code DELETE} finds no such key or value, or the key is ambiguous
     */
    public KernelArgs edit(KargEdit edit) throws KargException {
        List<String> out = marked();
        String arg = edit.arg();
        String key = key(arg);
        if (key.equals("ostree")) {
            throw new KargException("the ostree= kernel argument is managed by the sysroot: '" + arg + "'");
        }
        switch (edit.op()) {
            case APPEND -> out.add(arg);
            case APPEND_IF_MISSING -> {
                if (!out.contains(arg)) {
                    out.add(arg);
                }
            }
            case SET -> {
                int first = indexOfKey(out, key);
                if (first < 0) {
                    out.add(arg);
                } else {
                    out.set(first, arg);
                    for (int i = out.size() - 1; i > first; i--) {
                        if (out.get(i) != null && key(out.get(i)).equals(key)) {
                            out.remove(i);
                        }
                    }
                }
            }
            case REPLACE -> {
                String rest = arg.indexOf('=') < 0 ? null : arg.substring(key.length() + 1);
                if (rest == null) {
                    throw new KargException("--replace needs KEY=VALUE or KEY=OLD=NEW: '" + arg + "'");
                }
                int secondEq = rest.indexOf('=');
                if (secondEq >= 0) {
                    String old = key + "=" + rest.substring(0, secondEq);
                    int at = out.indexOf(old);
                    if (at < 0) {
                        throw new KargException("No karg '" + old + "' found");
                    }
                    out.set(at, key + "=" + rest.substring(secondEq + 1));
                } else {
                    int count = countKey(out, key);
                    if (count == 0) {
                        throw new KargException("No karg with key '" + key + "' found");
                    }
                    if (count > 1) {
                        throw new KargException("Multiple values for key '" + key + "' found");
                    }
                    out.set(indexOfKey(out, key), arg);
                }
            }
            case DELETE, DELETE_IF_PRESENT -> {
                boolean strict = edit.op() == KargEdit.Op.DELETE;
                if (arg.indexOf('=') >= 0) {
                    if (!out.remove(arg) && strict) {
                        throw new KargException("No karg '" + arg + "' found");
                    }
                } else {
                    int count = countKey(out, key);
                    if (count > 1) {
                        throw new KargException("Multiple values for key '" + key + "' found");
                    }
                    if (count == 0) {
                        if (strict) {
                            throw new KargException("No karg '" + arg + "' found");
                        }
                    } else {
                        out.remove(indexOfKey(out, key));
                    }
                }
            }
            default -> throw new AssertionError(edit.op());
        }
        return fromMarked(out);
    }

    private static int indexOfKey(List<String> list, String key) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) != null && key(list.get(i)).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static int countKey(List<String> list, String key) {
        int n = 0;
        for (String a : list) {
            if (a != null && key(a).equals(key)) {
                n++;
            }
        }
        return n;
    }

    /** The arguments joined by single spaces, as on a BLS {@code options} line. */
    @Override
    public String toString() {
        return String.join(" ", args);
    }

    /** A kernel-argument edit that cannot be applied to the current arguments. */
    public static final class KargException extends Exception {
        private static final long serialVersionUID = 1L;

        /** @param message what is missing or ambiguous */
        public KargException(String message) {
            super(Objects.requireNonNull(message, "message"));
        }

        /** The message, never null. */
        @Override
        public String getMessage() {
            return Objects.requireNonNull(super.getMessage());
        }
    }
}
