package dev.coreos4j.ostree.container;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitObject;
import dev.coreos4j.ostree.DirTree;
import dev.coreos4j.ostree.repo.Repository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a commit's content objects are spread over layers, as ostree-ext's {@code chunking.rs} does it: every content
 * object with all its paths (hardlinks), grouped into chunks, each chunk one component layer; what is left (the
 * "remainder") goes into the ostree layer with the commit metadata. Within a chunk objects are ordered by checksum.
 *
 * <p>ostree-ext groups objects by the RPM package owning them (rpm-ostree supplies that mapping). An archive
 * repository knows no packages, so a component here is a directory prefix: the first three levels of the object's
 * first path ({@code /usr/lib/modules}, {@code /usr/share/locale}, {@code /usr/bin}). Components are sorted by size,
 * largest first; each of the largest gets its own layer and the rest share the last one. An update that leaves a
 * component's objects alone leaves its layer's digest alone, which is what makes chunked updates cheap to pull.
 */
final class Chunking {

    /** An object's size and every path naming it, in tree order ({@code /usr/bin/x}). */
    record Paths(long size, List<String> paths) {}

    /** A component layer: its name (history), its components (annotation) and its objects by checksum. */
    record Chunk(String name, List<String> components, SortedMap<Checksum, Paths> content) {}

    final List<Chunk> chunks;
    final SortedMap<Checksum, Paths> remainder;

    private Chunking(List<Chunk> chunks, SortedMap<Checksum, Paths> remainder) {
        this.chunks = chunks;
        this.remainder = remainder;
    }

    static Chunking compute(Repository repo, Checksum commit, int maxLayers) throws IOException {
        CommitObject c = repo.readCommit(commit);
        TreeMap<Checksum, List<String>> paths = new TreeMap<>();
        walk(repo, c.rootTree(), "", paths);
        TreeMap<Checksum, Paths> all = new TreeMap<>();
        boolean sized = maxLayers > 1;
        for (Map.Entry<Checksum, List<String>> e : paths.entrySet()) {
            long size = sized ? repo.readFile(e.getKey()).size() : 0;
            all.put(e.getKey(), new Paths(size, List.copyOf(e.getValue())));
        }
        if (!sized) {
            return new Chunking(List.of(), all);
        }
        Map<String, TreeMap<Checksum, Paths>> byComponent = new TreeMap<>();
        Map<String, Long> sizes = new TreeMap<>();
        for (Map.Entry<Checksum, Paths> e : all.entrySet()) {
            String comp = component(e.getValue().paths().get(0));
            byComponent.computeIfAbsent(comp, k -> new TreeMap<>()).put(e.getKey(), e.getValue());
            sizes.merge(comp, e.getValue().size(), Long::sum);
        }
        List<String> order = new ArrayList<>(byComponent.keySet());
        order.sort(
                Comparator.comparing((String k) -> sizes.get(k)).reversed().thenComparing(Comparator.naturalOrder()));
        int bins = maxLayers - 1;
        List<List<String>> packing = new ArrayList<>();
        if (order.size() <= bins) {
            for (String k : order) {
                packing.add(List.of(k));
            }
        } else {
            for (int i = 0; i < bins - 1; i++) {
                packing.add(List.of(order.get(i)));
            }
            packing.add(List.copyOf(order.subList(bins - 1, order.size())));
        }
        List<Chunk> chunks = new ArrayList<>();
        for (List<String> bin : packing) {
            TreeMap<Checksum, Paths> content = new TreeMap<>();
            for (String k : bin) {
                content.putAll(byComponent.get(k));
            }
            List<String> sorted = new ArrayList<>(bin);
            sorted.sort(null);
            chunks.add(new Chunk(chunkName(bin), sorted, content));
        }
        return new Chunking(chunks, new TreeMap<>());
    }

    /** ostree-ext's chunk naming: one component by name, up to five joined with " and ", else "N components". */
    static String chunkName(List<String> bin) {
        if (bin.size() == 1) {
            return bin.get(0);
        }
        if (bin.size() <= 5) {
            return String.join(" and ", bin);
        }
        return bin.size() + " components";
    }

    /** The component of a path: its parent directory, cut to three levels; {@code /} for top-level files. */
    static String component(String path) {
        int slash = path.lastIndexOf('/');
        String parent = slash <= 0 ? "/" : path.substring(0, slash);
        int levels = 0;
        for (int i = 0; i < parent.length(); i++) {
            if (parent.charAt(i) == '/' && ++levels == 4) {
                return parent.substring(0, i);
            }
        }
        return parent;
    }

    private static void walk(Repository repo, Checksum tree, String prefix, Map<Checksum, List<String>> out)
            throws IOException {
        DirTree t = repo.readDirTree(tree);
        for (DirTree.FileEntry f : t.files()) {
            out.computeIfAbsent(f.checksum(), k -> new ArrayList<>(1)).add(prefix + "/" + f.name());
        }
        for (DirTree.DirEntry d : t.dirs()) {
            walk(repo, d.tree(), prefix + "/" + d.name(), out);
        }
    }

    /** Each chunk's layer annotations ({@code ostree.components}: components sorted, comma-separated). */
    static Map<String, String> annotations(Chunk chunk) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("ostree.components", String.join(",", chunk.components()));
        return a;
    }
}
