package dev.coreos4j.planner.render;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.merge.Merge;
import dev.coreos4j.planner.ChangeAnalysis;
import dev.coreos4j.planner.RenderedConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@link Renderer#render}: the rendered MachineConfig and how it came about.
 *
 * @param machineConfig     the rendered MC: name {@code rendered-<pool>-<hex>}, no labels, {@code generated} true,
 *                          the merged Ignition config and the merged kernel fields
 * @param sources           the source MCs in the order they were merged (worker role first, then by name)
 * @param osImageOverridden whether a non-generated MC's {@code osImageURL} replaced the cluster's OS image (MCO
 *                          annotates the rendered MC "osImageURL overridden" in that case)
 */
@SuppressWarnings("NonCanonicalType") // Config.File and Config.Storage are the Ignition model's public names
public record Rendering(MachineConfig machineConfig, List<MachineConfig> sources, boolean osImageOverridden) {

    private static final Pattern ITEM = Pattern.compile("\\$\\.(passwd|storage)\\.([a-z]+)\\[(\\d+)\\](\\..*)?");

    public Rendering {
        Objects.requireNonNull(machineConfig, "machineConfig");
        sources = List.copyOf(Objects.requireNonNull(sources, "sources"));
    }

    /** The rendered name, e.g. {@code rendered-worker-3c5b…}. */
    public String name() {
        return machineConfig.name();
    }

    /** The names of the source MCs in merge order. */
    public List<String> mergeOrder() {
        return sources.stream().map(MachineConfig::name).toList();
    }

    /** The planner's view of this rendering: {@link ConfigDerivation#of(MachineConfig)}. */
    public RenderedConfig renderedConfig() {
        return ConfigDerivation.of(machineConfig);
    }

    /**
     * Which source MCs define the entry an {@link ChangeAnalysis.Irreconcilable#path()} of this rendering names, in
     * merge order (the last one won the merge): for {@code $.storage.<section>[i]}, {@code $.passwd.users[i]},
     * {@code $.passwd.groups[i]} (with any suffix such as {@code .append}) the MCs with an entry of the same key
     * (path, device, name); for {@code fips} the MCs that turn FIPS on; for {@code $.kernelArguments} the MCs with an
     * Ignition {@code kernelArguments} section. Empty when the path names nothing in this rendering (for example an
     * entry the change removed).
     *
     * @throws NullPointerException if {@code path} is null
     */
    public List<String> sourcesOf(String path) {
        Objects.requireNonNull(path, "path");
        List<String> out = new ArrayList<>();
        if (path.equals("fips")) {
            sources.stream().filter(MachineConfig::fips).forEach(mc -> out.add(mc.name()));
            return out;
        }
        if (path.equals("$.kernelArguments")) {
            for (MachineConfig mc : sources) {
                Config.KernelArguments k = mc.config().kernelArguments();
                if (!k.shouldExist().isEmpty() || !k.shouldNotExist().isEmpty()) {
                    out.add(mc.name());
                }
            }
            return out;
        }
        Matcher m = ITEM.matcher(path);
        if (!m.matches()) {
            return out;
        }
        List<?> merged = section(machineConfig.config(), m.group(1), m.group(2));
        int index = Integer.parseInt(m.group(3));
        if (merged == null || index >= merged.size()) {
            return out;
        }
        String key = Merge.keyOf(merged.get(index));
        for (MachineConfig mc : sources) {
            for (Object item : Objects.requireNonNull(section(mc.config(), m.group(1), m.group(2)))) {
                if (Merge.keyOf(item).equals(key)) {
                    out.add(mc.name());
                    break;
                }
            }
        }
        return out;
    }

    private static @Nullable List<?> section(Config c, String area, String name) {
        if (area.equals("passwd")) {
            return name.equals("users")
                    ? c.passwd().users()
                    : name.equals("groups") ? c.passwd().groups() : null;
        }
        Config.Storage s = c.storage();
        return switch (name) {
            case "disks" -> s.disks();
            case "filesystems" -> s.filesystems();
            case "raid" -> s.raid();
            case "directories" -> s.directories();
            case "links" -> s.links();
            case "files" -> s.files();
            case "luks" -> s.luks();
            default -> null;
        };
    }
}
