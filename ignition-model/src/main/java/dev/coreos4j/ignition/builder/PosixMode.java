package dev.coreos4j.ignition.builder;

import java.util.Objects;

/**
 * POSIX permission bits for {@link FileBuilder#mode(PosixMode)} and {@link DirectoryBuilder#mode(PosixMode)}, named
 * so that the number's base is never in doubt. Ignition's JSON {@code mode} is a decimal number, so a mode typed as a
 * Java {@code int} is a trap: {@code 644} (decimal) is octal {@code 01204}, the sticky bit and odd permissions, which
 * Ignition accepts and applies. The builders therefore take no bare number: write {@code mode("0644")},
 * {@code PosixMode.parse("0644")} or {@code PosixMode.ofBits(0644)} (an octal literal, the leading zero spelled out
 * in the method name's contract). Immutable; thread-safe.
 *
 * @param bits the permission bits, {@code 0} to {@code 07777} (setuid, setgid and sticky need spec 3.6.0+)
 */
public record PosixMode(int bits) {

    /** {@code 0644}: owner read/write, others read. */
    public static final PosixMode RW_R_R = new PosixMode(0644);
    /** {@code 0755}: owner all, others read/execute. */
    public static final PosixMode RWX_RX_RX = new PosixMode(0755);
    /** {@code 0600}: owner read/write only. */
    public static final PosixMode RW_OWNER = new PosixMode(0600);

    /**
     * Checks the range.
     *
     * @throws IllegalArgumentException if {@code bits} is outside {@code 0..07777}
     */
    public PosixMode {
        if (bits < 0 || bits > 07777) {
            throw new IllegalArgumentException(
                    "mode out of range 0000..07777: " + Integer.toOctalString(bits) + " (octal)");
        }
    }

    /**
     * The mode written in octal, as {@code chmod} takes it: one to four octal digits with an optional leading
     * {@code 0} ({@code "644"}, {@code "0644"}, {@code "4755"}, {@code "01777"}).
     *
     * @param octal the octal digits
     * @return the mode
     * @throws NullPointerException     if {@code octal} is null
     * @throws IllegalArgumentException if it is not octal or out of range, naming the text
     */
    public static PosixMode parse(String octal) {
        Objects.requireNonNull(octal, "octal");
        String digits = octal.length() > 1 && octal.startsWith("0") && octal.length() == 5 ? octal.substring(1) : octal;
        if (digits.isEmpty() || digits.length() > 4 || !digits.chars().allMatch(c -> c >= '0' && c <= '7')) {
            throw new IllegalArgumentException("mode is not 1 to 4 octal digits (e.g. \"0644\"): \"" + octal + "\"");
        }
        return new PosixMode(Integer.parseInt(digits, 8));
    }

    /**
     * The mode from its bits, for a value already in hand (another API's mode, {@code stat}) or an octal literal
     * such as {@code 0644}. Never pass a decimal spelling such as {@code 644}.
     *
     * @param bits the permission bits
     * @return the mode
     * @throws IllegalArgumentException if {@code bits} is outside {@code 0..07777}
     */
    public static PosixMode ofBits(int bits) {
        return new PosixMode(bits);
    }

    /**
     * Whether setuid, setgid or sticky is set (spec 3.6.0+ only).
     *
     * @return true if any of the bits {@code 07000} is set
     */
    public boolean hasSpecialBits() {
        return (bits & 07000) != 0;
    }

    /** The four-digit octal spelling, e.g. {@code 0644}. */
    @Override
    public String toString() {
        return String.format("%04o", bits);
    }
}
