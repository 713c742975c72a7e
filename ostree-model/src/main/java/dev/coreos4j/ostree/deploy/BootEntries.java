package dev.coreos4j.ostree.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Boot Loader Specification entries as libostree reads and writes them (ostree's
 * src/libostree/ostree-bootconfig-parser.c): one {@code key value} per line, {@code #} comments, and entries ordered
 * by {@code version} compared like {@code strverscmp}, highest first. Only the entries of the current
 * {@code boot/loader.B/entries} are read.
 */
final class BootEntries {

    private BootEntries() {}

    /** One parsed BLS entry file; {@code keys} in file order, the last of a repeated key winning. */
    record Entry(Path file, Map<String, String> keys) {
        @Nullable
        String get(String key) {
            return keys.get(key);
        }

        /** The {@code options} line, which {@link #read} guarantees. */
        String options() {
            String options = keys.get("options");
            if (options == null) {
                throw new IllegalStateException(file + ": no options");
            }
            return options;
        }
    }

    /**
     * The entries of {@code boot/loader/entries} in version order, highest first; empty without a loader link.
     *
     * @throws IOException when an entry has no {@code version} or {@code options} (naming the file)
     */
    static List<Entry> read(SysrootLayout layout) throws IOException {
        Path loader = layout.root().resolve("boot/loader");
        if (!Files.isSymbolicLink(loader)) {
            return List.of();
        }
        Path entries =
                layout.root().resolve("boot/loader." + layout.bootversion()).resolve("entries");
        if (!Files.isDirectory(entries)) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(entries)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                if (!p.getFileName().toString().endsWith(".conf")) {
                    continue;
                }
                Map<String, String> keys = new LinkedHashMap<>();
                for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    String t = line.strip();
                    if (t.isEmpty() || t.startsWith("#")) {
                        continue;
                    }
                    int sp = t.indexOf(' ');
                    keys.put(
                            sp < 0 ? t : t.substring(0, sp),
                            sp < 0 ? "" : t.substring(sp + 1).strip());
                }
                if (keys.get("options") == null || keys.get("version") == null) {
                    throw new IOException(p + ": BLS entry without 'version' or 'options'");
                }
                out.add(new Entry(p, keys));
            }
        }
        out.sort((a, b) -> compareVersions(version(b), version(a)));
        return out;
    }

    private static String version(Entry e) {
        String v = e.get("version");
        return v == null ? "" : v;
    }

    /** strverscmp-like: digit runs compare numerically. */
    static int compareVersions(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** The value of the last {@code ostree=} word of an {@code options} line, null when there is none. */
    static @Nullable String bootlink(String options) {
        String bootlink = null;
        for (String word : options.split("\\s+", -1)) {
            if (word.startsWith("ostree=")) {
                bootlink = word.substring("ostree=".length());
            }
        }
        return bootlink;
    }

    /** Writes one entry file (not atomically: the whole {@code loader.B} directory is new) and syncs it. */
    static void write(Path file, String title, int version, String options, String linux, @Nullable String initrd)
            throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("title ").append(title).append('\n');
        sb.append("version ").append(version).append('\n');
        sb.append("options ").append(options).append('\n');
        sb.append("linux ").append(linux).append('\n');
        if (initrd != null) {
            sb.append("initrd ").append(initrd).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        Fs.fsync(file);
    }

    /** Replaces the {@code options} line of an existing entry, keeping every other line, atomically. */
    static void rewriteOptions(Entry e, String options) throws IOException {
        List<String> lines = Files.readAllLines(e.file(), StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(line.startsWith("options ") ? "options " + options : line).append('\n');
        }
        Fs.writeAtomically(e.file(), sb.toString());
    }
}
