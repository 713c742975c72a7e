package dev.coreos4j.planner.render;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.planner.RenderedConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The derivation of the planner's {@link RenderedConfig} (content hashes the node agent compares) from an Ignition
 * config or a MachineConfig: the one place the planner core's view of a config meets Ignition types. Pure and
 * thread-safe.
 */
@SuppressWarnings("NonCanonicalType") // Config.File and Config.Storage are the Ignition model's public names
public final class ConfigDerivation {
    private ConfigDerivation() {}

    /**
     * The planner's view of a (rendered) MachineConfig: {@link #from} of its Ignition config and kernel fields, with
     * {@code osImageURL} as the OS image.
     *
     * @throws NullPointerException if {@code mc} is null
     */
    public static RenderedConfig of(MachineConfig mc) {
        Objects.requireNonNull(mc, "mc");
        return from(mc.config(), mc.kernelArguments(), mc.extensions(), mc.fips(), mc.kernelType(), mc.osImageURL());
    }

    /**
     * Derives a rendered config from an Ignition config and the MachineConfig kernel fields, the way the node agent
     * compares two configs (spec digest §1.8 step 7, §1.10):
     * <ul>
     *   <li>{@code files}: path → hash of the whole entry (contents source, compression, verification, mode, user,
     *       group, overwrite, append); a file whose contents set a source without compression hashes as with
     *       compression {@code ""};</li>
     *   <li>{@code units}: name → hash of contents, enabled, mask and drop-ins;</li>
     *   <li>{@code users}: only {@code core} → hash of its SSH keys and password hash (the reconcilable part);</li>
     *   <li>{@code fixed}: {@code $.passwd.users[i]} for every other user and for {@code core}'s remaining fields
     *       when set, {@code $.passwd.groups[i]}, {@code $.storage.luks[i]}, {@code $.kernelArguments} when the
     *       Ignition section is not empty, and {@code fips} when FIPS is on;</li>
     *   <li>{@code storage}: disks, filesystems, raid, directories and links keyed by {@code $.storage.<section>[i]}
     *       (MCO compares these lists as a whole, so reordering them is a change too);</li>
     *   <li>{@code refused}: {@code $.storage.files[i].append} for every file that appends.</li>
     * </ul>
     * The {@code ignition} section (config references, proxy, TLS, timeouts) is not compared: it only matters while
     * Ignition runs at first boot. Hashes are SHA-256 of a canonical JSON text of the entry.
     *
     * @param kernelType {@code null} means {@code default}
     * @throws NullPointerException if {@code config} or a list is null
     */
    public static RenderedConfig from(
            Config config,
            List<String> kernelArguments,
            List<String> extensions,
            boolean fips,
            @Nullable String kernelType,
            @Nullable String osImage) {
        Objects.requireNonNull(config, "config");
        Map<String, String> files = new TreeMap<>();
        Set<String> refused = new TreeSet<>();
        List<Config.File> fs = config.storage().files();
        for (int i = 0; i < fs.size(); i++) {
            Config.File f = fs.get(i);
            Config.Resource r = f.contents();
            if (r.source() != null && r.compression() == null) {
                r = new Config.Resource("", r.httpHeaders(), r.source(), r.verification());
                f = new Config.File(f.group(), f.overwrite(), f.path(), f.user(), f.append(), r, f.mode());
            }
            files.put(f.path(), ContentHash.sha256(f));
            if (!f.append().isEmpty()) {
                refused.add("$.storage.files[" + i + "].append");
            }
        }
        Map<String, String> units = new TreeMap<>();
        for (Config.Unit u : config.systemd().units()) {
            units.put(u.name(), ContentHash.sha256(u));
        }
        Map<String, String> users = new TreeMap<>();
        Map<String, String> fixed = new TreeMap<>();
        List<Config.PasswdUser> us = config.passwd().users();
        for (int i = 0; i < us.size(); i++) {
            Config.PasswdUser u = us.get(i);
            if (u.name().equals("core")) {
                users.put(
                        "core",
                        ContentHash.sha256(
                                List.of(u.sshAuthorizedKeys(), u.passwordHash() == null ? "" : u.passwordHash())));
                Config.PasswdUser rest = new Config.PasswdUser(
                        u.gecos(),
                        u.groups(),
                        u.homeDir(),
                        u.name(),
                        u.noCreateHome(),
                        u.noLogInit(),
                        u.noUserGroup(),
                        null,
                        u.primaryGroup(),
                        null,
                        u.shell(),
                        u.shouldExist(),
                        u.system(),
                        u.uid());
                if (!rest.equals(new Config.PasswdUser(
                        null, null, null, "core", null, null, null, null, null, null, null, null, null, null))) {
                    fixed.put("$.passwd.users[" + i + "]", ContentHash.sha256(rest));
                }
            } else {
                fixed.put("$.passwd.users[" + i + "]", ContentHash.sha256(u));
            }
        }
        indexed(fixed, "$.passwd.groups", config.passwd().groups());
        indexed(fixed, "$.storage.luks", config.storage().luks());
        Config.KernelArguments ka = config.kernelArguments();
        if (!ka.shouldExist().isEmpty() || !ka.shouldNotExist().isEmpty()) {
            fixed.put("$.kernelArguments", ContentHash.sha256(ka));
        }
        if (fips) {
            fixed.put("fips", "on");
        }
        Map<String, Map<String, String>> storage = new TreeMap<>();
        Config.Storage st = config.storage();
        section(storage, "disks", st.disks());
        section(storage, "filesystems", st.filesystems());
        section(storage, "raid", st.raid());
        section(storage, "directories", st.directories());
        section(storage, "links", st.links());
        return new RenderedConfig(
                files,
                units,
                kernelArguments,
                extensions,
                fips,
                kernelType == null ? "default" : kernelType,
                osImage,
                users,
                storage,
                fixed,
                refused);
    }

    private static void indexed(Map<String, String> out, String path, List<?> items) {
        for (int i = 0; i < items.size(); i++) {
            out.put(path + "[" + i + "]", ContentHash.sha256(items.get(i)));
        }
    }

    private static void section(Map<String, Map<String, String>> storage, String section, List<?> items) {
        if (!items.isEmpty()) {
            Map<String, String> m = new TreeMap<>();
            indexed(m, "$.storage." + section, items);
            storage.put(section, m);
        }
    }
}
