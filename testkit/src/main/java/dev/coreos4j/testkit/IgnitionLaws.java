package dev.coreos4j.testkit;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.ParseResult;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.ignition.merge.Merge;
import dev.coreos4j.ignition.merge.MergeResult;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Laws of parse, write, translate and merge as assertions: each returns normally when the law holds and throws
 * {@link InvariantViolation} naming the law and the JSON path of the first difference otherwise. Stateless and
 * thread-safe. Feed them {@link IgnitionArbitraries} values (or your own configs).
 *
 * <p>Law names: {@code round-trip}, {@code translate-up-down}, {@code merge-identity}, {@code merge-self},
 * {@code merge-child-wins}, {@code merge-keys-unique}, {@code merge-transcript}, {@code merge-associative}.
 */
public final class IgnitionLaws {

    private IgnitionLaws() {}

    /**
     * The JSON path of the first difference between two model values ({@code $.storage.files.1.mode}), walking
     * records in component order and lists by index; empty when they are equal.
     */
    public static Optional<String> firstDifference(@Nullable Object expected, @Nullable Object actual) {
        return diff("$", expected, actual);
    }

    private static Optional<String> diff(String path, @Nullable Object a, @Nullable Object b) {
        if (Objects.equals(a, b)) {
            return Optional.empty();
        }
        if (a == null || b == null || a.getClass() != b.getClass()) {
            return Optional.of(path);
        }
        if (a instanceof List) {
            List<?> la = (List<?>) a;
            List<?> lb = (List<?>) b;
            for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
                Optional<String> d = diff(path + "." + i, la.get(i), lb.get(i));
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.of(path + "." + Math.min(la.size(), lb.size()));
        }
        if (a.getClass().isRecord()) {
            for (RecordComponent rc : a.getClass().getRecordComponents()) {
                try {
                    Optional<String> d = diff(
                            path + "." + rc.getName(),
                            rc.getAccessor().invoke(a),
                            rc.getAccessor().invoke(b));
                    if (d.isPresent()) {
                        return d;
                    }
                } catch (IllegalAccessException | InvocationTargetException e) {
                    return Optional.of(path + "." + rc.getName());
                }
            }
        }
        return Optional.of(path);
    }

    private static void requireEqual(String law, String where, Object expected, Object actual) {
        Optional<String> d = firstDifference(expected, actual);
        if (d.isPresent()) {
            throw new InvariantViolation(
                    law,
                    where + ", " + d.get(),
                    "expected " + at(expected, d.get()) + " but got " + at(actual, d.get()));
        }
    }

    /** The value at a path produced by {@link #firstDifference} (for messages). */
    @SuppressWarnings("StringSplitter") // the paths are built here: no empty segments to lose
    private static String at(Object root, String path) {
        Object current = root;
        String[] parts = path.split("\\.");
        for (int i = 1; i < parts.length && current != null; i++) {
            String p = parts[i];
            if (current instanceof List) {
                int idx = Integer.parseInt(p);
                List<?> l = (List<?>) current;
                current = idx < l.size() ? l.get(idx) : "<no element " + idx + ">";
            } else if (current.getClass().isRecord()) {
                Object next = null;
                for (RecordComponent rc : current.getClass().getRecordComponents()) {
                    if (rc.getName().equals(p)) {
                        try {
                            next = rc.getAccessor().invoke(current);
                        } catch (IllegalAccessException | InvocationTargetException e) {
                            next = "<unreadable>";
                        }
                    }
                }
                current = next;
            }
        }
        return String.valueOf(current);
    }

    /**
     * {@code round-trip}: {@code parse(write(config, version))} reports nothing and gives {@code config} back (the
     * version field aside: parsing translates to the 3.6.0 model).
     *
     * @throws dev.coreos4j.ignition.IgnitionException if {@code config} cannot be written as {@code version}
     */
    public static void checkRoundTrip(Config config, SpecVersion version) {
        byte[] json = Ignition.write(config, version);
        ParseResult back = Ignition.parse(json);
        if (!back.report().entries().isEmpty()) {
            throw new InvariantViolation(
                    "round-trip",
                    version + ", "
                            + dev.coreos4j.ignition.Report.dottedPath(
                                    back.report().entries().get(0)),
                    "the written document does not parse cleanly: "
                            + back.report().entries().get(0).message());
        }
        String v = config.ignition().version();
        // no problems, so the parse has a config
        Config parsed = Objects.requireNonNull(back.config(), "a document that parses cleanly has a config");
        requireEqual("round-trip", version.toString(), config, parsed.withVersion(v));
    }

    /**
     * {@code translate-up-down}: writing {@code config} as {@code version}, parsing (translating up), writing as the
     * latest stable version, parsing and writing as {@code version} again gives the same bytes.
     */
    public static void checkTranslateUpDown(Config config, SpecVersion version) {
        byte[] old = Ignition.write(config, version);
        Config up = Objects.requireNonNull(Ignition.parse(old).config(), "config");
        byte[] latest = Ignition.write(up, SpecVersion.latestStable());
        Config parsedLatest = Objects.requireNonNull(Ignition.parse(latest).config(), "config");
        byte[] down = Ignition.write(parsedLatest, version);
        if (!java.util.Arrays.equals(old, down)) {
            Config before = Ignition.parse(old).config();
            Config after = Ignition.parse(down).config();
            String path = firstDifference(before, after).orElse("$");
            throw new InvariantViolation(
                    "translate-up-down",
                    version + " -> " + SpecVersion.latestStable() + " -> " + version + ", " + path,
                    "wrote " + new String(old, StandardCharsets.UTF_8) + " first, then "
                            + new String(down, StandardCharsets.UTF_8));
        }
    }

    /**
     * {@code merge-identity}: the empty config is a left identity, an empty child of the same version is a right
     * identity; an empty child without version only clears {@code ignition.version} (a non-pointer Go field, so
     * the child's empty value wins, as in Ignition).
     */
    public static void checkMergeIdentity(Config config) {
        requireEqual(
                "merge-identity",
                "merge(EMPTY, c)",
                config,
                Merge.merge(Config.EMPTY, config).config());
        requireEqual(
                "merge-identity",
                "merge(c, EMPTY of c's version)",
                config,
                Merge.merge(config, Config.EMPTY.withVersion(config.ignition().version()))
                        .config());
        requireEqual(
                "merge-identity",
                "merge(c, EMPTY)",
                config.withVersion(""),
                Merge.merge(config, Config.EMPTY).config());
    }

    /**
     * {@code merge-self}: merging a config with itself changes no keyed section (systemd, passwd, kernel arguments);
     * only unkeyed lists such as a file's {@code append} are concatenated.
     */
    public static void checkMergeSelf(Config config) {
        Config merged = Merge.merge(config, config).config();
        requireEqual("merge-self", "systemd", config.systemd(), merged.systemd());
        requireEqual("merge-self", "passwd", config.passwd(), merged.passwd());
        requireEqual("merge-self", "kernelArguments", config.kernelArguments(), merged.kernelArguments());
    }

    /**
     * {@code merge-child-wins}: for every unit and file of {@code child}, the merged item with the same key exists and
     * carries each scalar the child sets ({@code enabled}, {@code contents}, {@code mode}).
     */
    public static void checkMergeChildWins(Config parent, Config child) {
        Config merged = Merge.merge(parent, child).config();
        for (int i = 0; i < child.systemd().units().size(); i++) {
            Config.Unit u = child.systemd().units().get(i);
            Config.Unit m = merged.systemd().units().stream()
                    .filter(x -> x.name().equals(u.name()))
                    .findFirst()
                    .orElseThrow(() -> new InvariantViolation(
                            "merge-child-wins", "child $.systemd.units." + u.name(), "unit missing from the merge"));
            if (u.enabled() != null && !u.enabled().equals(m.enabled())) {
                throw new InvariantViolation(
                        "merge-child-wins",
                        "$.systemd.units[" + u.name() + "].enabled",
                        "child says " + u.enabled() + ", merge says " + m.enabled());
            }
            if (u.contents() != null && !u.contents().equals(m.contents())) {
                throw new InvariantViolation(
                        "merge-child-wins",
                        "$.systemd.units[" + u.name() + "].contents",
                        "the child's contents were not kept");
            }
        }
        for (Config.File f : child.storage().files()) {
            Config.File m = merged.storage().files().stream()
                    .filter(x -> x.path().equals(f.path()))
                    .findFirst()
                    .orElseThrow(() -> new InvariantViolation(
                            "merge-child-wins", "$.storage.files[" + f.path() + "]", "file missing from the merge"));
            if (f.mode() != null && !f.mode().equals(m.mode())) {
                throw new InvariantViolation(
                        "merge-child-wins",
                        "$.storage.files[" + f.path() + "].mode",
                        "child says " + f.mode() + ", merge says " + m.mode());
            }
        }
    }

    /**
     * {@code merge-keys-unique}: the merged config has no two storage nodes with one path, no kernel argument both
     * required and forbidden (or listed twice), and no two units with one name.
     */
    public static void checkMergeKeysUnique(Config parent, Config child) {
        Config merged = Merge.merge(parent, child).config();
        Set<String> nodes = new HashSet<>();
        List<Config.File> fs = merged.storage().files();
        for (int i = 0; i < fs.size(); i++) {
            unique(nodes, fs.get(i).path(), "$.storage.files." + i + ".path");
        }
        List<Config.Directory> ds = merged.storage().directories();
        for (int i = 0; i < ds.size(); i++) {
            unique(nodes, ds.get(i).path(), "$.storage.directories." + i + ".path");
        }
        List<Config.Link> ls = merged.storage().links();
        for (int i = 0; i < ls.size(); i++) {
            unique(nodes, ls.get(i).path(), "$.storage.links." + i + ".path");
        }
        Set<String> args = new HashSet<>();
        List<String> se = merged.kernelArguments().shouldExist();
        for (int i = 0; i < se.size(); i++) {
            unique(args, se.get(i), "$.kernelArguments.shouldExist." + i);
        }
        List<String> sne = merged.kernelArguments().shouldNotExist();
        for (int i = 0; i < sne.size(); i++) {
            unique(args, sne.get(i), "$.kernelArguments.shouldNotExist." + i);
        }
        Set<String> units = new HashSet<>();
        List<Config.Unit> us = merged.systemd().units();
        for (int i = 0; i < us.size(); i++) {
            unique(units, us.get(i).name(), "$.systemd.units." + i + ".name");
        }
    }

    private static void unique(Set<String> seen, String key, String path) {
        if (!seen.add(key)) {
            throw new InvariantViolation("merge-keys-unique", path, "'" + key + "' appears twice in the merge");
        }
    }

    /**
     * {@code merge-transcript}: every mapping of the transcript names a source path, and every merged file's path
     * comes from exactly one source.
     */
    public static void checkMergeTranscript(Config parent, Config child) {
        MergeResult r = Merge.merge(parent, child);
        r.transcript().mappings().forEach(m -> {
            if (!m.sourcePath().toString().startsWith("$")) {
                throw new InvariantViolation(
                        "merge-transcript",
                        m.resultPath().toString(),
                        "source path " + m.sourcePath() + " is not a JSON path");
            }
        });
        for (int i = 0; i < r.config().storage().files().size(); i++) {
            dev.coreos4j.problem.JsonPath path = dev.coreos4j.problem.JsonPath.of("storage", "files", i, "path");
            int n = r.transcript().sourcesOf(path).size();
            if (n != 1) {
                throw new InvariantViolation("merge-transcript", path.toString(), n + " sources, expected exactly 1");
            }
        }
    }

    /**
     * {@code merge-associative}: {@code merge(merge(a, b), c)} equals {@code merge(a, merge(b, c))} up to the order of
     * keyed list items (and kernel arguments). Order is not associative: a child item replacing a parent item of another kind (a file
     * replacing a link at the same path) moves to the end, so the two groupings can list the same items in a
     * different order; both orders describe the same machine. Content is associative only while every storage path
     * names the same kind of node (file, directory or link) wherever it appears: a replacement by another kind drops
     * the replaced node's fields, so {@code (file 0644 + link) + file} loses the mode that
     * {@code file 0644 + (link + file)} keeps, as in Ignition. For such inputs ({@link #nodeKindsAgree} false) this
     * check asserts nothing.
     */
    public static void checkMergeAssociative(Config a, Config b, Config c) {
        if (!nodeKindsAgree(List.of(a, b, c))) {
            return;
        }
        Config left = Merge.merge(Merge.merge(a, b).config(), c).config();
        Config right = Merge.merge(a, Merge.merge(b, c).config()).config();
        requireEqual(
                "merge-associative",
                "merge(merge(a, b), c) vs merge(a, merge(b, c)), keyed lists sorted",
                sortedKeys(left),
                sortedKeys(right));
    }

    /** Whether every storage path is the same kind of node (file, directory, link) in all {@code configs}. */
    public static boolean nodeKindsAgree(List<Config> configs) {
        java.util.Map<String, String> kinds = new java.util.HashMap<>();
        for (Config c : configs) {
            for (Config.File f : c.storage().files()) {
                if (!kinds.computeIfAbsent(f.path(), p -> "file").equals("file")) {
                    return false;
                }
            }
            for (Config.Directory d : c.storage().directories()) {
                if (!kinds.computeIfAbsent(d.path(), p -> "directory").equals("directory")) {
                    return false;
                }
            }
            for (Config.Link l : c.storage().links()) {
                if (!kinds.computeIfAbsent(l.path(), p -> "link").equals("link")) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code config} with storage nodes sorted by path, units, users and groups by name, kernel arguments. */
    static Config sortedKeys(Config c) {
        Config.Storage s = c.storage();
        java.util.Comparator<Config.Unit> byName = java.util.Comparator.comparing(Config.Unit::name);
        Config.KernelArguments k = new Config.KernelArguments(
                c.kernelArguments().shouldExist().stream().sorted().toList(),
                c.kernelArguments().shouldNotExist().stream().sorted().toList());
        return new Config(
                c.ignition(),
                k,
                new Config.Passwd(
                        c.passwd().groups().stream()
                                .sorted(java.util.Comparator.comparing(Config.PasswdGroup::name))
                                .toList(),
                        c.passwd().users().stream()
                                .sorted(java.util.Comparator.comparing(Config.PasswdUser::name))
                                .toList()),
                new Config.Storage(
                        s.directories().stream()
                                .sorted(java.util.Comparator.comparing(Config.Directory::path))
                                .toList(),
                        s.disks(),
                        s.files().stream()
                                .sorted(java.util.Comparator.comparing(Config.File::path))
                                .toList(),
                        s.filesystems(),
                        s.links().stream()
                                .sorted(java.util.Comparator.comparing(Config.Link::path))
                                .toList(),
                        s.luks(),
                        s.raid()),
                new Config.Systemd(c.systemd().units().stream().sorted(byName).toList()));
    }
}
