package dev.coreos4j.ignition.internal;

/**
 * Go's {@code fmt.Printf(format)} with no arguments, as {@code ignition-validate} calls it with the report text as the
 * format (coreos/ignition v2.26.0 validate/main.go: {@code stdout(rpt.String())}, whose {@code stdout} is
 * {@code fmt.Fprintf(os.Stdout, strings.TrimSpace(format)+"\n", a...)}). Every verb finds no operand: {@code %s}
 * prints {@code %!s(MISSING)}, {@code %%} prints {@code %}, a {@code [n]} index gives {@code %!v(BADINDEX)},
 * a {@code *} width or precision {@code %!(BADWIDTH)}/{@code %!(BADPREC)}, a format ending inside a directive
 * {@code %!(NOVERB)}; flags, width and precision are consumed (Go's fmt/print.go {@code doPrintf}).
 */
public final class GoPrintf {
    private GoPrintf() {}

    /** The text {@code ignition-validate} writes for {@code report}: Go-trimmed, a newline added, then formatted. */
    public static String ignitionValidateStdout(String report) {
        return withoutArguments(trimSpace(report) + "\n");
    }

    /** {@code fmt.Sprintf(format)}. */
    public static String withoutArguments(String format) {
        StringBuilder out = new StringBuilder(format.length());
        int end = format.length();
        int i = 0;
        while (i < end) {
            int percent = format.indexOf('%', i);
            if (percent < 0) {
                out.append(format, i, end);
                break;
            }
            out.append(format, i, percent);
            i = percent + 1;
            boolean goodArgNum = true;
            while (i < end && "#0+- ".indexOf(format.charAt(i)) >= 0) {
                i++;
            }
            // explicit argument index
            int[] arg = argNumber(format, i);
            i = arg[0];
            boolean afterIndex = arg[1] == 1;
            goodArgNum &= arg[2] == 1;
            if (i < end && format.charAt(i) == '*') {
                i++;
                out.append("%!(BADWIDTH)");
                afterIndex = false;
            } else {
                int[] wid = parseNum(format, i, end);
                i = wid[1];
                if (afterIndex && wid[0] == 1) {
                    goodArgNum = false;
                }
            }
            if (i + 1 < end && format.charAt(i) == '.') {
                i++;
                if (afterIndex) {
                    goodArgNum = false;
                }
                arg = argNumber(format, i);
                i = arg[0];
                afterIndex = arg[1] == 1;
                goodArgNum &= arg[2] == 1;
                if (i < end && format.charAt(i) == '*') {
                    i++;
                    out.append("%!(BADPREC)");
                    afterIndex = false;
                } else {
                    i = parseNum(format, i, end)[1];
                }
            }
            if (!afterIndex) {
                arg = argNumber(format, i);
                i = arg[0];
                goodArgNum &= arg[2] == 1;
            }
            if (i >= end) {
                out.append("%!(NOVERB)");
                break;
            }
            int verb = format.codePointAt(i);
            i += Character.charCount(verb);
            if (verb == '%') {
                out.append('%');
            } else {
                out.append("%!").appendCodePoint(verb).append(goodArgNum ? "(MISSING)" : "(BADINDEX)");
            }
        }
        return out.toString();
    }

    /**
     * Go's {@code argNumber} with no operands: {@code {newIndex, found, goodArgNum}}. Any well-formed {@code [n]} is
     * out of range, so it is "found" but marks the argument number bad; a malformed one is skipped unfound.
     */
    private static int[] argNumber(String format, int i) {
        if (i >= format.length() || format.charAt(i) != '[') {
            return new int[] {i, 0, 1};
        }
        // parseArgNumber
        if (format.length() - i < 3) {
            return new int[] {i + 1, 0, 0};
        }
        for (int k = i + 1; k < format.length(); k++) {
            if (format.charAt(k) == ']') {
                int[] n = parseNum(format, i + 1, k);
                boolean ok = n[0] == 1 && n[1] == k;
                return new int[] {k + 1, ok ? 1 : 0, 0};
            }
        }
        return new int[] {i + 1, 0, 0};
    }

    /** Go's {@code parsenum}: {@code {isNum, newIndex}}; an absurdly long number ends the format. */
    private static int[] parseNum(String s, int start, int end) {
        if (start >= end) {
            return new int[] {0, end};
        }
        long num = 0;
        boolean isNum = false;
        int i = start;
        for (; i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
            if (num > 1_000_000 || num < -1_000_000) {
                return new int[] {0, end};
            }
            num = num * 10 + (s.charAt(i) - '0');
            isNum = true;
        }
        return new int[] {isNum ? 1 : 0, i};
    }

    /** Go's {@code strings.TrimSpace}: Unicode white space ({@code unicode.IsSpace}) off both ends. */
    public static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /** Go's {@code unicode.IsSpace}. */
    static boolean isSpace(int c) {
        return switch (c) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> c >= 0x2000 && c <= 0x200A;
        };
    }
}
