package dev.coreos4j.planner.graph;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A semantic version as OpenShift release versions use them ({@code 4.16.3}, {@code 4.17.0-rc.2},
 * {@code 4.18.1+amd64}), ordered by SemVer 2.0 precedence; build metadata only breaks ties so that the order is total.
 * Immutable; {@link #parse} is the only way to make one outside this package. The graph readers use it to check
 * release versions.
 */
public record SemanticVersion(long major, long minor, long patch, List<String> preRelease, String build, String text)
        implements Comparable<SemanticVersion> {

    public SemanticVersion {
        preRelease = List.copyOf(preRelease);
    }

    /** Parses {@code text}, or returns null when it is not a semantic version. */
    public static @Nullable SemanticVersion parse(String text) {
        String rest = text;
        String build = "";
        int plus = rest.indexOf('+');
        if (plus >= 0) {
            build = rest.substring(plus + 1);
            rest = rest.substring(0, plus);
            if (!identifiers(build, false)) {
                return null;
            }
        }
        List<String> pre = List.of();
        int dash = rest.indexOf('-');
        if (dash >= 0) {
            String preText = rest.substring(dash + 1);
            rest = rest.substring(0, dash);
            if (!identifiers(preText, true)) {
                return null;
            }
            pre = List.of(preText.split("\\.", -1));
        }
        String[] core = rest.split("\\.", -1);
        if (core.length != 3) {
            return null;
        }
        long[] numbers = new long[3];
        for (int i = 0; i < 3; i++) {
            if (!numeric(core[i]) || core[i].length() > 15) {
                return null;
            }
            numbers[i] = Long.parseLong(core[i]);
        }
        return new SemanticVersion(numbers[0], numbers[1], numbers[2], pre, build, text);
    }

    private static boolean identifiers(String dotted, boolean noLeadingZeros) {
        if (dotted.isEmpty()) {
            return false;
        }
        for (String id : dotted.split("\\.", -1)) {
            if (id.isEmpty() || !id.chars().allMatch(c -> c == '-' || (Character.isLetterOrDigit(c) && c < 128))) {
                return false;
            }
            if (noLeadingZeros && numeric(id) && id.length() > 1 && id.charAt(0) == '0') {
                return false;
            }
        }
        return true;
    }

    private static boolean numeric(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9') && (s.length() == 1 || s.charAt(0) != '0');
    }

    @Override
    public int compareTo(SemanticVersion o) {
        int c = Long.compare(major, o.major);
        if (c == 0) {
            c = Long.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Long.compare(patch, o.patch);
        }
        if (c == 0) {
            c = comparePreRelease(preRelease, o.preRelease);
        }
        return c != 0 ? c : text.compareTo(o.text);
    }

    private static int comparePreRelease(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty()); // a release outranks its pre-releases
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i);
            String y = b.get(i);
            boolean xn = x.chars().allMatch(Character::isDigit);
            boolean yn = y.chars().allMatch(Character::isDigit);
            int c;
            if (xn && yn) {
                c = x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
            } else if (xn || yn) {
                c = xn ? -1 : 1;
            } else {
                c = x.compareTo(y);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** {@code major.minor}, e.g. {@code 4.16}. */
    String minorLine() {
        return major + "." + minor;
    }
}
