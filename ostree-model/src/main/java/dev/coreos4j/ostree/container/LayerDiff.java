package dev.coreos4j.ostree.container;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The layer difference between two images, as ostree-ext's {@code ManifestDiff}: layers are compared by blob
 * digest; {@code removed} are in {@code from} only, {@code added} in {@code to} only (both sorted by digest),
 * {@code shared} in both (in {@code to}'s order). Updating from {@code from} to {@code to} downloads exactly the
 * added layers, so {@link #addedSize()} is the download cost of the update. Immutable.
 *
 * @param from the current image's manifest
 * @param to the new image's manifest
 * @param removed layers only {@code from} has
 * @param added layers only {@code to} has
 * @param shared layers both have
 */
public record LayerDiff(
        ImageManifest from,
        ImageManifest to,
        List<Descriptor> removed,
        List<Descriptor> added,
        List<Descriptor> shared) {

    /** Checks for nulls; collections are copied unmodifiable. */
    public LayerDiff {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        removed = List.copyOf(removed);
        added = List.copyOf(added);
        shared = List.copyOf(shared);
    }

    /** Compares two manifests. */
    public static LayerDiff of(ImageManifest from, ImageManifest to) {
        Map<String, Descriptor> a = new LinkedHashMap<>();
        from.layers().forEach(l -> a.putIfAbsent(l.digest(), l));
        Map<String, Descriptor> b = new LinkedHashMap<>();
        to.layers().forEach(l -> b.putIfAbsent(l.digest(), l));
        List<Descriptor> removed = new ArrayList<>();
        List<Descriptor> added = new ArrayList<>();
        List<Descriptor> shared = new ArrayList<>();
        for (Descriptor d : a.values()) {
            if (!b.containsKey(d.digest())) {
                removed.add(d);
            }
        }
        for (Descriptor d : b.values()) {
            (a.containsKey(d.digest()) ? shared : added).add(d);
        }
        removed.sort(Comparator.comparing(Descriptor::digest));
        added.sort(Comparator.comparing(Descriptor::digest));
        return new LayerDiff(from, to, removed, added, shared);
    }

    /**
     * Reads both images' manifests (verified against their digests; they need not be ostree images) and compares
     * them.
     *
     * @throws ImageException when an image cannot be read
     */
    public static LayerDiff between(ImageReference from, ImageReference to) throws IOException {
        ImageManifest a;
        ImageManifest b;
        try (ImageSource s = ImageImport.open(from)) {
            a = s.manifest().manifest();
        }
        try (ImageSource s = ImageImport.open(to)) {
            b = s.manifest().manifest();
        }
        return of(a, b);
    }

    /** The number of distinct layers of {@code to} ("Total new layers" in ostree-ext). */
    public int total() {
        return shared.size() + added.size();
    }

    /** The bytes of all of {@code to}'s layers. */
    public long totalSize() {
        return sum(to.layers());
    }

    /** The bytes of the removed layers. */
    public long removedSize() {
        return sum(removed);
    }

    /** The bytes of the added layers: what an update from {@code from} to {@code to} downloads. */
    public long addedSize() {
        return sum(added);
    }

    /** The bytes of the shared layers. */
    public long sharedSize() {
        return sum(shared);
    }

    private static long sum(List<Descriptor> ds) {
        long s = 0;
        for (Descriptor d : ds) {
            s += d.size();
        }
        return s;
    }

    /**
     * ostree-ext's three summary lines ({@code Total new layers}, {@code Removed layers}, {@code Added layers}, sizes
     * as GLib's {@code g_format_size}), then {@code Shared layers}.
     */
    public List<String> lines() {
        return List.of(
                String.format(Locale.ROOT, "Total new layers: %-4d  Size: %s", total(), formatSize(totalSize())),
                String.format(
                        Locale.ROOT, "Removed layers:   %-4d  Size: %s", removed.size(), formatSize(removedSize())),
                String.format(Locale.ROOT, "Added layers:     %-4d  Size: %s", added.size(), formatSize(addedSize())),
                String.format(
                        Locale.ROOT, "Shared layers:    %-4d  Size: %s", shared.size(), formatSize(sharedSize())));
    }

    /** GLib's {@code g_format_size}: decimal units ({@code 999 bytes}, {@code 1.0 kB}, {@code 117.6 MB}). */
    public static String formatSize(long bytes) {
        if (bytes < 1000) {
            return bytes == 1 ? "1 byte" : bytes + " bytes";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
