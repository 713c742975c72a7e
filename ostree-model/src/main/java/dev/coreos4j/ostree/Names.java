package dev.coreos4j.ostree;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/** Rules for the names of dirtree entries, as {@code ot_util_filename_validate} plus a non-empty check. */
public final class Names {

    /** Orders strings by their UTF-8 bytes, unsigned ({@code strcmp} order, which OSTree uses for dirtrees). */
    public static final Comparator<String> UTF8_ORDER = Names::compareUtf8;

    private Names() {}

    /** Compares the UTF-8 encodings of {@code a} and {@code b} as unsigned bytes. */
    public static int compareUtf8(String a, String b) {
        if (isAscii(a) && isAscii(b)) {
            return a.compareTo(b);
        }
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(x, y);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Why {@code name} cannot be a dirtree entry name, or null when it can. */
    public static @Nullable String whyInvalidFilename(String name) {
        if (name == null || name.isEmpty()) {
            return "empty file name";
        }
        if (name.equals(".") || name.equals("..")) {
            return "invalid file name '" + name + "'";
        }
        if (name.indexOf('/') >= 0) {
            return "file name '" + name + "' contains '/'";
        }
        if (name.indexOf('\0') >= 0) {
            return "file name contains NUL";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c)
                        && i + 1 < name.length()
                        && Character.isLowSurrogate(name.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "file name is not valid UTF-8";
            }
        }
        return null;
    }

    /**
     * Returns {@code name} when it is a valid dirtree entry name.
     *
     * @throws IllegalArgumentException when {@code name} is not a valid dirtree entry name
     */
    public static String requireValidFilename(String name) {
        String why = whyInvalidFilename(name);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        return name;
    }
}
