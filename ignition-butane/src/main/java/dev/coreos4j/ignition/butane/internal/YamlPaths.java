package dev.coreos4j.ignition.butane.internal;

import dev.coreos4j.problem.JsonPath;
import java.util.ArrayList;
import java.util.List;

/**
 * The paths this package tracks, in Go's dotted form ({@code $.storage.files.0.mode}, as Butane prints them and as
 * its translation maps key them), read as {@link JsonPath}s for the report: a segment in canonical decimal is an
 * array index, any other a member name. The dotted form is lossy (a key with a {@code .} reads as two names, a key of
 * digits as an index), so {@code Report.text} of the result prints exactly the dotted text again.
 */
public final class YamlPaths {
    private YamlPaths() {}

    /** {@code dotted} ({@code $} or {@code $.a.0.b}) as a path. */
    public static JsonPath parse(String dotted) {
        if (dotted.equals("$") || !dotted.startsWith("$.")) {
            return JsonPath.ROOT;
        }
        List<JsonPath.Segment> out = new ArrayList<>();
        for (String s : dotted.substring(2).split("\\.", -1)) {
            out.add(isIndex(s) ? new JsonPath.Index(Integer.parseInt(s)) : new JsonPath.Name(s));
        }
        return JsonPath.of(out);
    }

    private static boolean isIndex(String s) {
        if (s.isEmpty() || s.length() > 9 || (s.length() > 1 && s.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
