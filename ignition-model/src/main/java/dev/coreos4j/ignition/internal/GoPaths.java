package dev.coreos4j.ignition.internal;

import dev.coreos4j.problem.JsonPath;

/**
 * Ignition's printed form of a JSON path: {@code $} then every segment after a {@code .}, member names and array
 * indices alike ({@code $.storage.files.0.path}), as coreos/vcontext's {@code path.ContextPath} prints it. Lossy (a
 * name with a {@code .} or of digits looks like two segments or an index), so it is only ever printed, never read.
 */
public final class GoPaths {
    private GoPaths() {}

    /** {@code path} in the dotted form; {@code $} for the root. */
    public static String dotted(JsonPath path) {
        StringBuilder out = new StringBuilder("$");
        for (JsonPath.Segment s : path.segments()) {
            out.append('.');
            if (s instanceof JsonPath.Index i) {
                out.append(i.index());
            } else {
                out.append(((JsonPath.Name) s).name());
            }
        }
        return out.toString();
    }
}
