package dev.coreos4j.ignition.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The systemd unit-file lexer of go-systemd ({@code unit.DeserializeOptions}), which Ignition uses to check unit
 * and drop-in contents: same accept/reject decisions and the same error texts. Text before the first section is
 * skipped; a key without {@code =} at the end of input fails with {@code EOF}.
 */
public final class UnitLexer {
    static final int LINE_MAX = 2048;

    /** One {@code Name=Value} option and its section. */
    public record Option(String section, String name, String value) {}

    /** The options, or the lexer's error message. */
    public record Result(List<Option> options, @Nullable String error) {}

    private final byte[] in;
    private int pos;

    private UnitLexer(byte[] in) {
        this.in = in;
    }

    public static Result lex(String contents) {
        return new UnitLexer(contents.getBytes(StandardCharsets.UTF_8)).run();
    }

    /** Index of the next newline at or after {@code pos} (or -1), cached so the check below stays linear. */
    private int nextNewline = -2;

    private boolean lineTooLong() {
        if (in.length - pos < LINE_MAX) {
            return false;
        }
        if (nextNewline != -1 && nextNewline < pos) {
            nextNewline = -1;
            for (int i = pos; i < in.length; i++) {
                if (in[i] == '\n') {
                    nextNewline = i;
                    break;
                }
            }
        }
        return nextNewline < 0 || nextNewline - pos >= LINE_MAX;
    }

    private int readRune() {
        if (pos >= in.length) {
            return -1;
        }
        int len = GoStrings.utf8Length(in, pos);
        if (len <= 0) {
            pos++;
            return 0xFFFD;
        }
        int cp = new String(in, pos, len, StandardCharsets.UTF_8).codePointAt(0);
        pos += len;
        return cp;
    }

    /** Reads to the end of the line (newline consumed, not returned; trailing CR dropped); null at EOF. */
    private String toEol() {
        int start = pos;
        while (pos < in.length && in[pos] != '\n') {
            pos++;
        }
        int end = pos;
        if (pos < in.length) {
            pos++;
        }
        if (end > start && in[end - 1] == '\r') {
            end--;
        }
        return new String(in, start, end - start, StandardCharsets.UTF_8);
    }

    private static boolean isComment(int r) {
        return r == '#' || r == ';';
    }

    private enum Step {
        NEXT_SECTION,
        SECTION_NAME,
        NEXT_SECTION_OR_OPTION,
        DONE
    }

    private Result run() {
        List<Option> options = new ArrayList<>();
        String section = "";
        Step step = Step.NEXT_SECTION;
        while (step != Step.DONE) {
            if (lineTooLong()) {
                return new Result(options, "line too long (max " + LINE_MAX + " bytes)");
            }
            switch (step) {
                case NEXT_SECTION -> {
                    int r = readRune();
                    if (r < 0) {
                        step = Step.DONE;
                    } else if (r == '[') {
                        step = Step.SECTION_NAME;
                    } else if (isComment(r)) {
                        ignoreLine();
                    }
                }
                case SECTION_NAME -> {
                    int close = -1;
                    for (int i = pos; i < in.length; i++) {
                        if (in[i] == ']') {
                            close = i;
                            break;
                        }
                    }
                    if (close < 0) {
                        return new Result(options, "unable to find end of section");
                    }
                    String name = new String(in, pos, close - pos, StandardCharsets.UTF_8);
                    pos = close + 1;
                    if (lineTooLong()) {
                        return new Result(options, "line too long (max " + LINE_MAX + " bytes)");
                    }
                    String garbage = toEol().strip();
                    garbage = trimGoSpace(garbage);
                    if (!garbage.isEmpty()) {
                        return new Result(options, "found garbage after section name : " + goQuote(garbage));
                    }
                    section = name;
                    step = Step.NEXT_SECTION_OR_OPTION;
                }
                case NEXT_SECTION_OR_OPTION -> {
                    int before = pos;
                    int r = readRune();
                    if (r < 0) {
                        step = Step.DONE;
                    } else if (Character.isWhitespace(r) || r == 0x85 || r == 0xA0) {
                        continue; // white space between options
                    } else if (r == '[') {
                        step = Step.SECTION_NAME;
                    } else if (isComment(r)) {
                        ignoreLine();
                    } else {
                        pos = before;
                        String error = option(section, options);
                        if (error != null) {
                            return new Result(options, error);
                        }
                    }
                }
                default -> step = Step.DONE;
            }
        }
        return new Result(options, null);
    }

    private void ignoreLine() {
        while (true) {
            boolean eof = pos >= in.length;
            String line = toEol();
            if (line.endsWith(" ")) {
                line = line.substring(0, line.length() - 1);
            }
            if (!line.endsWith("\\") || eof) {
                return;
            }
        }
    }

    private @Nullable String option(String section, List<Option> options) {
        StringBuilder name = new StringBuilder();
        while (true) {
            int r = readRune();
            if (r < 0) {
                return "EOF";
            }
            if (r == '\n' || r == '\r') {
                return "unexpected newline encountered while parsing option name";
            }
            if (r == '=') {
                break;
            }
            name.appendCodePoint(r);
        }
        StringBuilder value = new StringBuilder();
        while (true) {
            if (lineTooLong()) {
                return "line too long (max " + LINE_MAX + " bytes)";
            }
            boolean atEof = pos >= in.length;
            String line = toEol();
            boolean eof = pos >= in.length;
            if (trimGoSpace(line).isEmpty()) {
                break;
            }
            value.append(line);
            if (line.lastIndexOf('\\') != line.length() - 1 || atEof) {
                break;
            }
            if (!eof) {
                value.append('\n');
            } else {
                break;
            }
        }
        options.add(new Option(section, trimGoSpace(name.toString()), trimGoSpace(value.toString())));
        return null;
    }

    private static String trimGoSpace(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && isGoSpace(s.charAt(a))) {
            a++;
        }
        while (b > a && isGoSpace(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    private static boolean isGoSpace(char c) {
        return c == ' '
                || c == '\t'
                || c == '\n'
                || c == '\r'
                || c == 0x0B
                || c == '\f'
                || c == 0x85
                || c == 0xA0
                || Character.isSpaceChar(c);
    }

    /** Go's {@code %q} of a string (printable characters kept, others escaped). */
    static String goQuote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        out.append(String.format("\\x%02x", cp));
                    } else if (cp == 0xFFFD || (!Character.isISOControl(cp) && Character.isDefined(cp))) {
                        out.appendCodePoint(cp);
                    } else if (cp < 0x10000) {
                        out.append(String.format("\\u%04x", cp));
                    } else {
                        out.append(String.format("\\U%08x", cp));
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
