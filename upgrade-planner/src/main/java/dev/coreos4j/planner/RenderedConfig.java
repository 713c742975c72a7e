package dev.coreos4j.planner;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The part of a rendered MachineConfig that decides how disruptive a change is: content hashes keyed by what the
 * node agent keys them by. This is deliberately minimal (the planner compares, it never writes): a file path, a unit
 * name, a user name or a storage entry maps to a hash of its whole content, and the kernel-level fields are values.
 *
 * @param files           file path → content hash
 * @param units           systemd unit name → content hash (unit, drop-ins, enabled/mask)
 * @param kernelArguments kernel arguments in merge order
 * @param extensions      RHCOS extensions in merge order
 * @param fips            FIPS mode
 * @param kernelType      {@code default}, {@code realtime} or {@code 64k-pages}
 * @param osImage         the OS image the config pins, or {@code null}
 * @param users           user name → hash of the user entry; only {@code core}'s SSH keys / password may change
 * @param storage         {@code disks|filesystems|raid|directories|links} → id or path → hash; any change is
 *                        irreconcilable
 */
public record RenderedConfig(Map<String, String> files, Map<String, String> units, List<String> kernelArguments,
                             List<String> extensions, boolean fips, String kernelType, String osImage,
                             Map<String, String> users, Map<String, Map<String, String>> storage) {

    /** The storage sections a rendered config may carry; changes in any of them cannot be applied in place. */
    public static final Set<String> STORAGE_SECTIONS = Set.of("disks", "filesystems", "raid", "directories", "links");

    public RenderedConfig {
        files = Map.copyOf(Objects.requireNonNull(files, "files"));
        units = Map.copyOf(Objects.requireNonNull(units, "units"));
        kernelArguments = List.copyOf(Objects.requireNonNull(kernelArguments, "kernelArguments"));
        extensions = List.copyOf(Objects.requireNonNull(extensions, "extensions"));
        kernelType = kernelType == null ? "default" : kernelType;
        users = Map.copyOf(Objects.requireNonNull(users, "users"));
        TreeMap<String, Map<String, String>> s = new TreeMap<>();
        for (Map.Entry<String, Map<String, String>> e : Objects.requireNonNull(storage, "storage").entrySet()) {
            if (!STORAGE_SECTIONS.contains(e.getKey())) {
                throw new IllegalArgumentException("storage section must be one of " + new TreeMap<>(
                        Map.of("disks", 0, "filesystems", 0, "raid", 0, "directories", 0, "links", 0)).keySet()
                        + ", got \"" + e.getKey() + "\"");
            }
            s.put(e.getKey(), Map.copyOf(e.getValue()));
        }
        storage = Map.copyOf(s);
    }

    /** An empty config. */
    public static RenderedConfig empty() {
        return new RenderedConfig(Map.of(), Map.of(), List.of(), List.of(), false, "default", null, Map.of(),
                Map.of());
    }

    public RenderedConfig withFile(String path, String hash) {
        TreeMap<String, String> f = new TreeMap<>(files);
        f.put(path, hash);
        return new RenderedConfig(f, units, kernelArguments, extensions, fips, kernelType, osImage, users, storage);
    }

    public RenderedConfig withUnit(String name, String hash) {
        TreeMap<String, String> u = new TreeMap<>(units);
        u.put(name, hash);
        return new RenderedConfig(files, u, kernelArguments, extensions, fips, kernelType, osImage, users, storage);
    }

    public RenderedConfig withKernelArguments(List<String> value) {
        return new RenderedConfig(files, units, value, extensions, fips, kernelType, osImage, users, storage);
    }

    public RenderedConfig withUser(String name, String hash) {
        TreeMap<String, String> u = new TreeMap<>(users);
        u.put(name, hash);
        return new RenderedConfig(files, units, kernelArguments, extensions, fips, kernelType, osImage, u, storage);
    }

    public RenderedConfig withStorage(String section, String key, String hash) {
        TreeMap<String, Map<String, String>> s = new TreeMap<>(storage);
        TreeMap<String, String> m = new TreeMap<>(s.getOrDefault(section, Map.of()));
        m.put(key, hash);
        s.put(section, m);
        return new RenderedConfig(files, units, kernelArguments, extensions, fips, kernelType, osImage, users, s);
    }
}
