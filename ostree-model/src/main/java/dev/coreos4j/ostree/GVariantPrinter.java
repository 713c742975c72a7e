package dev.coreos4j.ostree;

import dev.coreos4j.ostree.internal.GVariantType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The printing half of {@link GVariantText}: {@code g_variant_print} and {@code g_variant_byteswap} over decoded
 * values, following GLib 2.74's output exactly. Stateless.
 */
final class GVariantPrinter {

    private GVariantPrinter() {}

    /** {@code g_variant_print(value, typeAnnotate)}. */
    static String print(Variant value, boolean typeAnnotate) {
        StringBuilder sb = new StringBuilder();
        print(sb, GVariantType.parse(value.type()), value.value(), typeAnnotate);
        return sb.toString();
    }

    /** {@code g_variant_byteswap}. */
    static Variant byteswap(Variant value) {
        GVariantType t = GVariantType.parse(value.type());
        return Variant.of(value.type(), swap(t, value.value()));
    }

    private static Object swap(GVariantType t, Object v) {
        switch (t.kind()) {
            case 'n', 'q' -> {
                return Short.reverseBytes((Short) v);
            }
            case 'i', 'u', 'h' -> {
                return Integer.reverseBytes((Integer) v);
            }
            case 'x', 't' -> {
                return Long.reverseBytes((Long) v);
            }
            case 'd' -> {
                return Double.longBitsToDouble(Long.reverseBytes(Double.doubleToRawLongBits((Double) v)));
            }
            case 'v' -> {
                return byteswap((Variant) v);
            }
            case 'a' -> {
                if (t.isByteArray()) {
                    return v;
                }
                List<Object> out = new ArrayList<>();
                for (Object item : (List<?>) v) {
                    out.add(swap(t.element(), item));
                }
                return out;
            }
            case 'm' -> {
                return ((Optional<?>) v).map(x -> swap(t.element(), x));
            }
            case '(', '{' -> {
                List<?> vs = (List<?>) v;
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < vs.size(); i++) {
                    out.add(swap(t.members().get(i), vs.get(i)));
                }
                return out;
            }
            default -> {
                return v;
            }
        }
    }

    private static void print(StringBuilder sb, GVariantType t, Object v, boolean annotate) {
        switch (t.kind()) {
            case 'm' -> printMaybe(sb, t, (Optional<?>) v, annotate);
            case 'a' -> printArray(sb, t, v, annotate);
            case '(' -> {
                List<?> vs = (List<?>) v;
                sb.append('(');
                for (int i = 0; i < vs.size(); i++) {
                    print(sb, t.members().get(i), vs.get(i), annotate);
                    sb.append(", ");
                }
                int n = vs.size();
                sb.setLength(sb.length() - (n > 0 ? 1 : 0) - (n > 1 ? 1 : 0));
                sb.append(')');
            }
            case '{' -> {
                List<?> vs = (List<?>) v;
                sb.append('{');
                print(sb, t.members().get(0), vs.get(0), annotate);
                sb.append(", ");
                print(sb, t.members().get(1), vs.get(1), annotate);
                sb.append('}');
            }
            case 'v' -> {
                Variant child = (Variant) v;
                sb.append('<');
                print(sb, GVariantType.parse(child.type()), child.value(), true);
                sb.append('>');
            }
            case 'b' -> sb.append((Boolean) v ? "true" : "false");
            case 's' -> printString(sb, (String) v);
            case 'y' -> sb.append(annotate ? "byte " : "").append(String.format("0x%02x", ((Byte) v) & 0xff));
            case 'n' -> sb.append(annotate ? "int16 " : "").append((short) (Short) v);
            case 'q' -> sb.append(annotate ? "uint16 " : "").append(((Short) v) & 0xffff);
            case 'i' -> sb.append((int) (Integer) v);
            case 'h' -> sb.append(annotate ? "handle " : "").append((int) (Integer) v);
            case 'u' -> sb.append(annotate ? "uint32 " : "").append(Integer.toUnsignedString((Integer) v));
            case 'x' -> sb.append(annotate ? "int64 " : "").append((long) (Long) v);
            case 't' -> sb.append(annotate ? "uint64 " : "").append(Long.toUnsignedString((Long) v));
            case 'd' -> sb.append(formatDouble((Double) v));
            case 'o' ->
                sb.append(annotate ? "objectpath " : "")
                        .append('\'')
                        .append((String) v)
                        .append('\'');
            case 'g' ->
                sb.append(annotate ? "signature " : "")
                        .append('\'')
                        .append((String) v)
                        .append('\'');
            default -> throw new IllegalArgumentException("cannot print GVariant type " + t);
        }
    }

    private static void printMaybe(StringBuilder sb, GVariantType t, Optional<?> v, boolean annotate) {
        if (annotate) {
            sb.append('@').append(t).append(' ');
        }
        if (v.isEmpty()) {
            sb.append("nothing");
            return;
        }
        int depth = 0;
        GVariantType base = t;
        while (base.kind() == 'm') {
            depth++;
            base = base.element();
        }
        Object element = v;
        GVariantType elementType = t;
        int i;
        for (i = 0; i < depth && element != null; i++) {
            Optional<?> o = (Optional<?>) element;
            element = o.isPresent() ? o.get() : null;
            elementType = elementType.element();
        }
        if (element == null) {
            for (; i > 1; i--) {
                sb.append("just ");
            }
            sb.append("nothing");
        } else {
            print(sb, elementType, element, false);
        }
    }

    private static void printArray(StringBuilder sb, GVariantType t, Object v, boolean annotate) {
        if (t.isByteArray()) {
            byte[] b = (byte[]) v;
            int nul = -1;
            for (int i = 0; i < b.length; i++) {
                if (b[i] == 0) {
                    nul = i;
                    break;
                }
            }
            if (b.length > 0 && nul == b.length - 1) {
                boolean hasQuote = false;
                for (byte x : b) {
                    hasQuote |= x == '\'';
                }
                sb.append(hasQuote ? "b\"" : "b'")
                        .append(strescape(b, b.length - 1))
                        .append(hasQuote ? '"' : '\'');
                return;
            }
            List<Object> items = new ArrayList<>();
            for (byte x : b) {
                items.add(x);
            }
            v = items;
        }
        List<?> items = (List<?>) v;
        boolean dict = t.element().kind() == '{';
        if (items.isEmpty()) {
            if (annotate) {
                sb.append('@').append(t).append(' ');
            }
            sb.append(dict ? "{}" : "[]");
            return;
        }
        sb.append(dict ? '{' : '[');
        boolean first = true;
        for (Object item : items) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            if (dict) {
                List<?> kv = (List<?>) item;
                print(sb, t.element().members().get(0), kv.get(0), annotate);
                sb.append(": ");
                print(sb, t.element().members().get(1), kv.get(1), annotate);
            } else {
                print(sb, t.element(), item, annotate);
            }
            annotate = false;
        }
        sb.append(dict ? '}' : ']');
    }

    /** GLib's {@code g_strescape} over the bytes before {@code end}. */
    private static String strescape(byte[] b, int end) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < end; i++) {
            int c = b[i] & 0xff;
            switch (c) {
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 0x0b -> sb.append("\\v");
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                default -> {
                    if (c < ' ' || c >= 0177) {
                        sb.append('\\')
                                .append((char) ('0' + ((c >> 6) & 7)))
                                .append((char) ('0' + ((c >> 3) & 7)))
                                .append((char) ('0' + (c & 7)));
                    } else {
                        sb.append((char) c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static void printString(StringBuilder sb, String s) {
        char quote = s.indexOf('\'') >= 0 ? '"' : '\'';
        sb.append(quote);
        s.codePoints().forEach(c -> {
            if (c == quote || c == '\\') {
                sb.append('\\');
            }
            if (isPrint(c)) {
                sb.appendCodePoint(c);
                return;
            }
            sb.append('\\');
            if (c < 0x10000) {
                switch (c) {
                    case 0x07 -> sb.append('a');
                    case '\b' -> sb.append('b');
                    case '\f' -> sb.append('f');
                    case '\n' -> sb.append('n');
                    case '\r' -> sb.append('r');
                    case '\t' -> sb.append('t');
                    case 0x0b -> sb.append('v');
                    default -> sb.append(String.format("u%04x", c));
                }
            } else {
                sb.append(String.format("U%08x", c));
            }
        });
        sb.append(quote);
    }

    /** {@code g_unichar_isprint}: anything but control, format, unassigned and surrogate code points. */
    private static boolean isPrint(int c) {
        int type = Character.getType(c);
        return type != Character.CONTROL
                && type != Character.FORMAT
                && type != Character.UNASSIGNED
                && type != Character.SURROGATE;
    }

    /** {@code g_ascii_dtostr} ({@code %.17g}), then ".0" when the result has neither '.', 'e' nor a NaN/inf letter. */
    static String formatDouble(double d) {
        String s;
        if (Double.isNaN(d)) {
            s = "nan";
        } else if (Double.isInfinite(d)) {
            s = d > 0 ? "inf" : "-inf";
        } else if (d == 0) {
            s = (1 / d < 0) ? "-0" : "0";
        } else {
            BigDecimal bd = new BigDecimal(d).round(new MathContext(17, RoundingMode.HALF_EVEN));
            int exp = bd.precision() - bd.scale() - 1;
            if (exp < -4 || exp >= 17) {
                BigDecimal mant = bd.movePointLeft(exp).stripTrailingZeros();
                String m = mant.toPlainString();
                s = m + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
            } else {
                s = bd.stripTrailingZeros().toPlainString();
            }
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' || c == 'e' || c == 'n' || c == 'N') {
                return s;
            }
        }
        return s + ".0";
    }
}
