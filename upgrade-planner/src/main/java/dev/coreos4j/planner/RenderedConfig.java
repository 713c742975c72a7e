package dev.coreos4j.planner;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

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
 *                        irreconcilable. Keys that are Ignition JSON paths (starting with {@code $}, as
 *                        {@code ConfigDerivation.from} in {@code dev.coreos4j.planner.render} writes them) are reported as they are.
 * @param fixed           Ignition JSON path (or {@code fips}) → hash of entries that can never change on a running
 *                        node: passwd groups, users other than {@code core}'s SSH keys and password, LUKS volumes,
 *                        Ignition {@code kernelArguments}, and FIPS when on. Any difference is irreconcilable, reported
 *                        with the key. Empty for configs built from hashes, which keeps their FIPS flips a reboot.
 * @param refused         Ignition JSON paths of entries that make the config impossible to apply in place at all
 *                        (files using {@code append}): any change to such a config is irreconcilable
 *
 * <p>Hand-written configs (hashes a caller computed) and derived ones ({@code ConfigDerivation.of} and {@code from} in {@code dev.coreos4j.planner.render}) can be mixed: a
 * derived config adds {@code fixed} entries only for things that are present.
 */
public record RenderedConfig(
        Map<String, String> files,
        Map<String, String> units,
        List<String> kernelArguments,
        List<String> extensions,
        boolean fips,
        String kernelType,
        @Nullable String osImage,
        Map<String, String> users,
        Map<String, Map<String, String>> storage,
        Map<String, String> fixed,
        Set<String> refused) {

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
        for (Map.Entry<String, Map<String, String>> e :
                Objects.requireNonNull(storage, "storage").entrySet()) {
            if (!STORAGE_SECTIONS.contains(e.getKey())) {
                throw new IllegalArgumentException("storage section must be one of "
                        + new TreeMap<>(Map.of("disks", 0, "filesystems", 0, "raid", 0, "directories", 0, "links", 0))
                                .keySet()
                        + ", got \"" + e.getKey() + "\"");
            }
            s.put(e.getKey(), Map.copyOf(e.getValue()));
        }
        storage = Map.copyOf(s);
        fixed = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(fixed, "fixed")));
        refused = Collections.unmodifiableSet(new TreeSet<>(Objects.requireNonNull(refused, "refused")));
    }

    /** An empty config. */
    public static RenderedConfig empty() {
        return new RenderedConfig(
                Map.of(), Map.of(), List.of(), List.of(), false, "default", null, Map.of(), Map.of(), Map.of(),
                Set.of());
    }

    /** A copy with the hash of the file at {@code path} set. */
    public RenderedConfig withFile(String path, String hash) {
        TreeMap<String, String> f = new TreeMap<>(files);
        f.put(path, hash);
        return new RenderedConfig(
                f, units, kernelArguments, extensions, fips, kernelType, osImage, users, storage, fixed, refused);
    }

    /** A copy with the hash of the unit {@code name} set. */
    public RenderedConfig withUnit(String name, String hash) {
        TreeMap<String, String> u = new TreeMap<>(units);
        u.put(name, hash);
        return new RenderedConfig(
                files, u, kernelArguments, extensions, fips, kernelType, osImage, users, storage, fixed, refused);
    }

    /** A copy with {@code kernelArguments} replaced. */
    public RenderedConfig withKernelArguments(List<String> value) {
        return new RenderedConfig(
                files, units, value, extensions, fips, kernelType, osImage, users, storage, fixed, refused);
    }

    /** A copy with the hash of the user {@code name} set. */
    public RenderedConfig withUser(String name, String hash) {
        TreeMap<String, String> u = new TreeMap<>(users);
        u.put(name, hash);
        return new RenderedConfig(
                files, units, kernelArguments, extensions, fips, kernelType, osImage, u, storage, fixed, refused);
    }

    /** A copy with the hash of the storage entry {@code key} of {@code section} set. */
    public RenderedConfig withStorage(String section, String key, String hash) {
        TreeMap<String, Map<String, String>> s = new TreeMap<>(storage);
        TreeMap<String, String> m = new TreeMap<>(s.getOrDefault(section, Map.of()));
        m.put(key, hash);
        s.put(section, m);
        return new RenderedConfig(
                files, units, kernelArguments, extensions, fips, kernelType, osImage, users, s, fixed, refused);
    }

    /**
     * The first change from {@code current} to {@code target} that no node can apply in place among the entries
     * only derived configs carry ({@code fixed}, JSON-path keyed {@code storage}, {@code refused}), or {@code null}.
     * Checked in that order, keys sorted. {@link DisruptionPolicies#analyze} calls this first.
     */
    static ChangeAnalysis.@Nullable Irreconcilable refusal(RenderedConfig current, RenderedConfig target) {
        String key = DisruptionPolicies.firstChanged(current.fixed, target.fixed);
        if (key != null) {
            return new ChangeAnalysis.Irreconcilable(key, fixedMessage(key));
        }
        for (String section : new TreeSet<>(STORAGE_SECTIONS)) {
            Map<String, String> a = current.storage.getOrDefault(section, Map.of());
            Map<String, String> b = target.storage.getOrDefault(section, Map.of());
            TreeSet<String> keys = new TreeSet<>(a.keySet());
            keys.addAll(b.keySet());
            for (String k : keys) {
                if (k.startsWith("$") && !Objects.equals(a.get(k), b.get(k))) {
                    return new ChangeAnalysis.Irreconcilable(
                            k, "changes to " + section + " cannot be applied to a running node");
                }
            }
        }
        if (!target.refused.isEmpty() && !current.equals(target)) {
            return new ChangeAnalysis.Irreconcilable(
                    target.refused.iterator().next(), "files using append cannot be applied to a running node");
        }
        return null;
    }

    private static String fixedMessage(String key) {
        if (key.equals("fips")) {
            return "FIPS mode cannot be switched on a running node";
        } else if (key.startsWith("$.passwd.users")) {
            return "only the core user's SSH keys and password may change in place";
        } else if (key.startsWith("$.passwd.groups")) {
            return "passwd groups cannot change in place";
        } else if (key.startsWith("$.storage.luks")) {
            return "LUKS volumes cannot change in place";
        } else if (key.equals("$.kernelArguments")) {
            return "the Ignition kernelArguments section cannot change in place (use the MachineConfig's"
                    + " kernelArguments)";
        }
        return "this entry cannot change on a running node";
    }
}
