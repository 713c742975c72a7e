package dev.coreos4j.ostree.deploy;

import java.util.List;

/**
 * The difference between a deployment's /etc defaults ({@code /usr/etc}) and its live /etc, as
 * {@code ostree admin config-diff} reports it and as the three-way merge carries it to a new deployment.
 * Paths are relative to /etc, {@code /}-separated, sorted. An added directory is one entry (its content comes along).
 *
 * @param modified files whose content, mode, ownership, symlink target or type differ
 * @param removed defaults deleted from the live /etc
 * @param added live entries with no default
 */
public record ConfigDiff(List<String> modified, List<String> removed, List<String> added) {

    /** Copies the lists. */
    public ConfigDiff {
        modified = List.copyOf(modified);
        removed = List.copyOf(removed);
        added = List.copyOf(added);
    }

    /** Whether nothing differs. */
    public boolean isEmpty() {
        return modified.isEmpty() && removed.isEmpty() && added.isEmpty();
    }

    /** libostree's log line: {@code Copying /etc changes: N modified, N removed, N added}. */
    public String summary() {
        return "Copying /etc changes: " + modified.size() + " modified, " + removed.size() + " removed, " + added.size()
                + " added";
    }

    /** {@code ostree admin config-diff} lines: {@code M    path}, {@code D    path}, {@code A    path}. */
    public List<String> lines() {
        java.util.List<String> out = new java.util.ArrayList<>();
        modified.forEach(p -> out.add("M    " + p));
        removed.forEach(p -> out.add("D    " + p));
        added.forEach(p -> out.add("A    " + p));
        return out;
    }
}
