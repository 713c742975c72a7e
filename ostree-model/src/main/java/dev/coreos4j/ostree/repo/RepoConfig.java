package dev.coreos4j.ostree.repo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A repository's {@code config} key file ({@code [group]} headers, {@code key=value} lines, {@code #} comments), with
 * the settings this library honours. Immutable.
 *
 * @param groups group name to (key to value), in file order
 */
public record RepoConfig(Map<String, Map<String, String>> groups) {

    /** The bytes {@code ostree init --mode=archive} writes (38 bytes). */
    public static final String ARCHIVE_DEFAULT = "[core]\nrepo_version=1\nmode=archive-z2\n";

    public RepoConfig {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        groups.forEach((g, kv) -> copy.put(g, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kv))));
        groups = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Parses key-file text.
     *
     * @throws IllegalArgumentException naming the line when it is neither a group header, a key=value pair, a comment
     *     nor blank, or when a key appears before any group
     */
    public static RepoConfig parse(String text) {
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        String group = null;
        int lineNo = 0;
        for (String raw : text.split("\n", -1)) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                group = line.substring(1, line.length() - 1);
                groups.computeIfAbsent(group, g -> new LinkedHashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || group == null) {
                throw new IllegalArgumentException(
                        "config line " + lineNo + ": expected [group] or key=value: '" + raw + "'");
            }
            groups.computeIfAbsent(group, g -> new LinkedHashMap<>())
                    .put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return new RepoConfig(groups);
    }

    /** The value of {@code key} in {@code group}. */
    public Optional<String> get(String group, String key) {
        Map<String, String> kv = groups.get(group);
        return kv == null ? Optional.empty() : Optional.ofNullable(kv.get(key));
    }

    /** {@code core.mode}, e.g. {@code archive-z2}; {@code bare} when absent. */
    public String mode() {
        return get("core", "mode").orElse("bare");
    }

    /** {@code [archive] zlib-level}, default 6. */
    public int zlibLevel() {
        String v = get("archive", "zlib-level").orElse("6");
        try {
            int level = Integer.parseInt(v);
            if (level < 1 || level > 9) {
                throw new IllegalArgumentException("config [archive] zlib-level must be 1..9, got " + v);
            }
            return level;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("config [archive] zlib-level is not a number: " + v);
        }
    }

    /** {@code core.fsync}, default true. */
    public boolean fsync() {
        return !get("core", "fsync")
                .map(v -> v.equalsIgnoreCase("false") || v.equals("0"))
                .orElse(false);
    }

    /** {@code core.per-object-fsync}, default false: fsync each object instead of one file-system sync. */
    public boolean perObjectFsync() {
        return get("core", "per-object-fsync")
                .map(v -> v.equalsIgnoreCase("true") || v.equals("1"))
                .orElse(false);
    }

    /** {@code core.lock-timeout-secs}, default 300: how long to wait for the repository lock. */
    public long lockTimeoutSeconds() {
        String v = get("core", "lock-timeout-secs").orElse("300");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("config core.lock-timeout-secs is not a number: " + v);
        }
    }

    /** A copy with {@code group.key} set to {@code value}. */
    public RepoConfig with(String group, String key, String value) {
        Objects.requireNonNull(value, "value");
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        groups.forEach((g, kv) -> copy.put(g, new LinkedHashMap<>(kv)));
        copy.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(key, value);
        return new RepoConfig(copy);
    }

    /** The key-file text. */
    public String toText() {
        List<String> lines = new ArrayList<>();
        boolean first = true;
        for (var g : groups.entrySet()) {
            if (!first) {
                lines.add("");
            }
            first = false;
            lines.add("[" + g.getKey() + "]");
            g.getValue().forEach((k, v) -> lines.add(k + "=" + v));
        }
        return String.join("\n", lines) + "\n";
    }

    /**
     * The config text {@code text} with {@code key=value} set in {@code [group]}: an existing key of the group is
     * replaced in place, a new one goes at the end of the group, a new group at the end; every other line is kept as
     * written.
     */
    static String withValue(String text, String group, String key, String value) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        int groupLine = -1;
        int insertAt = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("[") && l.endsWith("]")) {
                if (groupLine >= 0 && insertAt < 0) {
                    insertAt = i;
                }
                if (l.equals("[" + group + "]")) {
                    groupLine = i;
                }
            } else if (groupLine >= 0
                    && insertAt < 0
                    && l.contains("=")
                    && l.substring(0, l.indexOf('=')).strip().equals(key)) {
                lines.set(i, key + "=" + value);
                insertAt = -2;
                break;
            }
        }
        if (insertAt != -2) {
            if (groupLine < 0) {
                lines.add("[" + group + "]");
                lines.add(key + "=" + value);
            } else {
                lines.add(insertAt < 0 ? lines.size() : insertAt, key + "=" + value);
            }
        }
        return String.join("\n", lines) + "\n";
    }
}
