package dev.coreos4j.ignition.butane.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/** Go's {@code path.Clean} and {@code path.Join} (slash-separated, lexical). */
public final class GoPath {
    private GoPath() {}

    public static String clean(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        boolean rooted = p.startsWith("/");
        Deque<String> out = new ArrayDeque<>();
        for (String part : p.split("/", -1)) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty() && !out.peekLast().equals("..")) {
                    out.removeLast();
                } else if (!rooted) {
                    out.addLast("..");
                }
                continue;
            }
            out.addLast(part);
        }
        String joined = String.join("/", out);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    public static String join(String a, String b) {
        if (a.isEmpty()) {
            return b.isEmpty() ? "" : clean(b);
        }
        return clean(b.isEmpty() ? a : a + "/" + b);
    }
}
