package dev.coreos4j.ignition.butane.internal;

import java.math.BigInteger;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Scalar resolution as go-yaml (gopkg.in/yaml.v3, the parser Butane uses) performs it: YAML 1.1-style integers
 * with Go's base-0 prefixes ({@code 0644} is octal 420, {@code 0x1F}, {@code 0b101}, {@code 0o644}; underscores
 * ignored), only {@code true/True/TRUE/false/False/FALSE} as booleans, {@code ~/null/Null/NULL} and the empty plain
 * scalar as null, and YAML-style floats.
 */
public final class GoYaml {
    private GoYaml() {}

    /** The resolved null. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static final String STR = "tag:yaml.org,2002:str";
    private static final String INT = "tag:yaml.org,2002:int";
    private static final String BOOL = "tag:yaml.org,2002:bool";
    private static final String FLOAT = "tag:yaml.org,2002:float";
    private static final String NULL_TAG = "tag:yaml.org,2002:null";
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final Pattern FLOAT_RE = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    /**
     * The resolved value: {@link #NULL}, a {@link Boolean}, a {@link Long}, a {@link BigInteger} (an unsigned 64-bit
     * value above {@link Long#MAX_VALUE}), a {@link Double}, or the {@link String} text.
     */
    public static @Nullable Object resolve(YNode.YScalar s) {
        String v = s.value();
        if (s.tag() != null) {
            switch (s.tag()) {
                case STR -> {
                    return v;
                }
                case NULL_TAG -> {
                    return NULL;
                }
                case BOOL -> {
                    Object b = resolvePlain(v);
                    return b instanceof Boolean ? b : v;
                }
                case INT, FLOAT -> {
                    Object n = resolvePlain(v);
                    return n instanceof Long || n instanceof BigInteger || n instanceof Double ? n : v;
                }
                default -> {
                    return v;
                }
            }
        }
        if (!s.plain()) {
            return v;
        }
        return resolvePlain(v);
    }

    private static @Nullable Object resolvePlain(String v) {
        switch (v) {
            case "", "~", "null", "Null", "NULL" -> {
                return NULL;
            }
            case "true", "True", "TRUE" -> {
                return true;
            }
            case "false", "False", "FALSE" -> {
                return false;
            }
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-.inf", "-.Inf", "-.INF" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case ".nan", ".NaN", ".NAN" -> {
                return Double.NaN;
            }
            default -> {}
        }
        char c = v.charAt(0);
        if (!(c >= '0' && c <= '9') && c != '-' && c != '+' && c != '.') {
            return v;
        }
        String plain = v.replace("_", "");
        BigInteger big = parseGoInt(plain);
        if (big != null) {
            if (big.bitLength() < 64) {
                return big.longValue();
            }
            if (big.signum() > 0 && big.compareTo(U64_MAX) <= 0) {
                return big;
            }
        }
        if (FLOAT_RE.matcher(plain).matches()) {
            try {
                return Double.parseDouble(plain);
            } catch (NumberFormatException e) {
                return v;
            }
        }
        return v;
    }

    /** Go's {@code strconv.ParseInt(s, 0, 64)} syntax (without the range check): sign, then 0x/0o/0b/0 prefixes. */
    static @Nullable BigInteger parseGoInt(String s) {
        if (s.isEmpty()) {
            return null;
        }
        int i = 0;
        boolean neg = false;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            neg = s.charAt(0) == '-';
            i = 1;
        }
        String body = s.substring(i);
        int radix = 10;
        if (body.length() >= 2 && body.charAt(0) == '0') {
            char p = Character.toLowerCase(body.charAt(1));
            if (p == 'x') {
                radix = 16;
                body = body.substring(2);
            } else if (p == 'o') {
                radix = 8;
                body = body.substring(2);
            } else if (p == 'b') {
                radix = 2;
                body = body.substring(2);
            } else {
                radix = 8;
                body = body.substring(1);
            }
        }
        if (body.isEmpty()) {
            return null;
        }
        for (int k = 0; k < body.length(); k++) {
            if (Character.digit(body.charAt(k), radix) < 0) {
                return null;
            }
        }
        BigInteger n = new BigInteger(body, radix);
        return neg ? n.negate() : n;
    }

    /** go-yaml's short tag of a scalar as it appears in its error messages ({@code !!str}, {@code !!int}, ...). */
    public static String tagOf(YNode.YScalar s) {
        Object r = resolve(s);
        if (r == NULL) {
            return "!!null";
        } else if (r instanceof Boolean) {
            return "!!bool";
        } else if (r instanceof Long || r instanceof BigInteger) {
            return "!!int";
        } else if (r instanceof Double) {
            return "!!float";
        }
        return "!!str";
    }
}
