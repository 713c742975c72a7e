package dev.coreos4j.planner.render;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.Report;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.ignition.merge.Merge;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Renders a pool's MachineConfigs into one rendered MachineConfig, following MCO's render controller
 * ({@code MergeMachineConfigs}, spec digest §1.8). Pure, stateless and thread-safe.
 *
 * <p>Steps, in order:
 * <ol>
 *   <li><b>Select</b>: the caller passes the MCs the pool's {@code machineConfigSelector} matches. None is an error
 *       ({@link RenderException.Code#NO_MACHINE_CONFIGS}); two with one name too.</li>
 *   <li><b>Validate</b> each MC's Ignition config ({@link Ignition#validate}); an MC without an Ignition part (blank
 *       {@code ignition.version} and nothing else) is an empty config, as MCO reads an empty {@code spec.config};
 *       a blank version with content is validated with the newest stable spec's rules.</li>
 *   <li><b>Order</b>: MCs labelled {@code machineconfiguration.openshift.io/role=worker} first, by name; then all
 *       others, by name. Custom-pool fragments therefore override worker fragments whatever their names. The order
 *       in which the caller lists the MCs does not matter.</li>
 *   <li><b>Merge</b> the Ignition configs with Ignition's parent/child merge ({@link Merge#merge}): the first is
 *       the base, each later one the child, so the last writer wins per file path, unit name, user name…, and other
 *       lists are appended. Like MCO, a child file that sets {@code contents.source} without
 *       {@code contents.compression} gets compression {@code ""} first, so it cannot inherit the parent's
 *       {@code gzip} (coreos/ignition#1327). The merged config gets {@code ignition.version} 3.6.0 and every file
 *       without an explicit {@code overwrite} gets {@code overwrite: true}. As in MCO, the merged config is not
 *       validated again (a file without a source now has {@code overwrite: true}, which Ignition itself would
 *       reject).</li>
 *   <li>{@code kernelArguments} and {@code extensions}: concatenated in merge order. {@code fips}: true if any MC
 *       sets it. {@code kernelType}: the last MC in order that sets {@code realtime} or {@code 64k-pages}, else
 *       {@code default}; {@code kernel-devel} among the extensions with a non-default kernel is an error.</li>
 *   <li>{@code osImageURL}: the cluster's image ({@code defaultOsImage}), unless a non-generated MC sets one: then
 *       the last such MC in order wins and {@link Rendering#osImageOverridden()} is true.</li>
 *   <li><b>Name</b>: {@code rendered-<pool>-<32 hex digits>}, the MD5 of a fixed salt followed by the canonical
 *       JSON of the merged spec (Ignition config, kernel arguments, extensions, FIPS, kernel type, OS image), see
 *       {@link #contentHash}. Equal merged content gives equal names, so re-rendering starts no rollout. MCO hashes
 *       its own salt and the Go YAML encoding of the spec; we cannot reproduce those bytes, so our names have MCO's
 *       shape and content-addressing but never equal MCO's for the same MCs.</li>
 * </ol>
 * Not modelled: waiting for controller versions (§1.8 step 2), the extension allow-list, the etcd size check,
 * {@code baseOSExtensionsContainerImage} and the image an OS image stream resolves to (the caller passes it as
 * {@code defaultOsImage}).
 */
@SuppressWarnings("NonCanonicalType") // Config.File and Config.Storage are the Ignition model's public names
public final class Renderer {

    /** The worker role value. */
    public static final String WORKER = "worker";

    private static final byte[] SALT =
            "coreos4j rendered MachineConfig, content hash v1\n".getBytes(StandardCharsets.UTF_8);

    private Renderer() {}

    /** {@link #render(String, Collection, String)} without a cluster OS image. */
    public static Rendering render(String pool, Collection<MachineConfig> machineConfigs) {
        return render(pool, machineConfigs, null);
    }

    /**
     * Renders {@code machineConfigs} for {@code pool}.
     *
     * @param pool           the pool name, used in the rendered name; not blank
     * @param machineConfigs the MCs the pool selects, in any order
     * @param defaultOsImage the cluster's OS image (ControllerConfig), or {@code null}
     * @throws RenderException      when the MCs cannot be rendered, naming the MC and Ignition path
     * @throws IllegalArgumentException if {@code pool} is blank
     * @throws NullPointerException if an argument other than {@code defaultOsImage} is null
     */
    public static Rendering render(
            String pool, Collection<MachineConfig> machineConfigs, @Nullable String defaultOsImage) {
        return render(pool, machineConfigs, defaultOsImage, null);
    }

    /**
     * {@link #render(String, Collection, String)} for a pool that also names an OS image stream
     * ({@code spec.osImageStream.name}): an {@code osImageURL} override from a non-generated MC is then an error
     * ({@link RenderException.Code#OS_IMAGE_OVERRIDE_WITH_STREAM}, naming the MC that wins the override).
     *
     * @param osImageStream the pool's OS image stream name, or {@code null}
     */
    public static Rendering render(
            String pool,
            Collection<MachineConfig> machineConfigs,
            @Nullable String defaultOsImage,
            @Nullable String osImageStream) {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(machineConfigs, "machineConfigs");
        if (pool.isBlank()) {
            throw new IllegalArgumentException("pool must not be blank");
        }
        if (machineConfigs.isEmpty()) {
            throw new RenderException(
                    RenderException.Code.NO_MACHINE_CONFIGS, null, null, "no MachineConfigs found for pool " + pool);
        }
        List<MachineConfig> ordered = order(machineConfigs);
        Set<String> names = new HashSet<>();
        for (MachineConfig mc : ordered) {
            if (!names.add(mc.name())) {
                throw new RenderException(
                        RenderException.Code.DUPLICATE_NAME,
                        mc.name(),
                        null,
                        "MachineConfig " + mc.name() + " is listed twice");
            }
        }
        Config merged = null;
        List<String> kargs = new ArrayList<>();
        List<String> extensions = new ArrayList<>();
        boolean fips = false;
        String kernelType = "default";
        String override = null;
        String overrider = null;
        for (MachineConfig mc : ordered) {
            Config c = validated(mc);
            merged = merged == null
                    ? c
                    : Merge.merge(merged, compressionWorkaround(c)).config();
            kargs.addAll(mc.kernelArguments());
            extensions.addAll(mc.extensions());
            fips |= mc.fips();
            String k = mc.kernelType();
            if ("realtime".equals(k) || "64k-pages".equals(k)) {
                kernelType = k;
            }
            if (!mc.generated() && mc.osImageURL() != null && !mc.osImageURL().isBlank()) {
                override = mc.osImageURL();
                overrider = mc.name();
            }
        }
        if (!"default".equals(kernelType) && extensions.contains("kernel-devel")) {
            throw new RenderException(
                    RenderException.Code.KERNEL_DEVEL_WITH_NON_DEFAULT_KERNEL,
                    null,
                    null,
                    "the kernel-devel extension cannot be used with kernelType " + kernelType);
        }
        if (override != null && osImageStream != null) {
            throw new RenderException(
                    RenderException.Code.OS_IMAGE_OVERRIDE_WITH_STREAM,
                    overrider,
                    null,
                    "MachineConfig " + overrider + " overrides osImageURL while the pool uses OS image stream "
                            + osImageStream + "; use one or the other");
        }
        merged = defaultOverwrite(Objects.requireNonNull(merged)
                .withVersion(SpecVersion.latestStable().toString()));
        String osImage = override != null ? override : defaultOsImage;
        MachineConfig spec = new MachineConfig(
                "rendered-" + pool, Map.of(), merged, kargs, extensions, fips, kernelType, osImage, true);
        MachineConfig rendered = new MachineConfig(
                "rendered-" + pool + "-" + contentHash(spec),
                Map.of(),
                merged,
                kargs,
                extensions,
                fips,
                kernelType,
                osImage,
                true);
        return new Rendering(rendered, ordered, override != null);
    }

    /**
     * MCO's merge order: worker-role MCs by name, then every other MC by name.
     *
     * @return a new list
     */
    public static List<MachineConfig> order(Collection<MachineConfig> machineConfigs) {
        List<MachineConfig> out = new ArrayList<>(machineConfigs);
        out.sort(Comparator.comparing((MachineConfig mc) -> WORKER.equals(mc.role()) ? 0 : 1)
                .thenComparing(MachineConfig::name));
        return out;
    }

    /**
     * The hex part of a rendered name: MD5 of a fixed salt and the canonical JSON of {@code mc}'s spec (its Ignition
     * config, kernel arguments, extensions, FIPS flag, kernel type and OS image; not its name, labels or generated
     * flag). The canonical JSON lists record fields in the model's order with nulls written out, so it depends only
     * on the values.
     */
    public static String contentHash(MachineConfig mc) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("config", mc.config());
        spec.put("extensions", mc.extensions());
        spec.put("fips", mc.fips());
        spec.put("kernelArguments", mc.kernelArguments());
        spec.put("kernelType", mc.kernelType() == null ? "default" : mc.kernelType());
        spec.put("osImageURL", mc.osImageURL());
        byte[] text = ContentHash.canonical(spec).getBytes(StandardCharsets.UTF_8);
        byte[] salted = new byte[SALT.length + text.length];
        System.arraycopy(SALT, 0, salted, 0, SALT.length);
        System.arraycopy(text, 0, salted, SALT.length, text.length);
        return ContentHash.hex("MD5", salted);
    }

    /** The MC's Ignition config, checked; an absent Ignition part is the empty config. */
    private static Config validated(MachineConfig mc) {
        Config c = mc.config();
        if (c.ignition().version().isBlank()) {
            if (c.withVersion(null).equals(Config.EMPTY)) {
                return Config.EMPTY.withVersion(SpecVersion.latestStable().toString());
            }
            c = c.withVersion(SpecVersion.latestStable().toString());
        }
        Report report = Ignition.validate(c);
        if (!report.isValid()) {
            dev.coreos4j.problem.Problem e = report.errors().get(0);
            throw new RenderException(
                    RenderException.Code.INVALID_IGNITION,
                    mc.name(),
                    Report.dottedPath(e),
                    "MachineConfig " + mc.name() + " has an invalid Ignition config: " + Report.text(e));
        }
        return c;
    }

    private static Config compressionWorkaround(Config c) {
        List<Config.File> files = new ArrayList<>(c.storage().files().size());
        boolean changed = false;
        for (Config.File f : c.storage().files()) {
            Config.Resource r = f.contents();
            if (r.source() != null && r.compression() == null) {
                r = new Config.Resource("", r.httpHeaders(), r.source(), r.verification());
                f = new Config.File(f.group(), f.overwrite(), f.path(), f.user(), f.append(), r, f.mode());
                changed = true;
            }
            files.add(f);
        }
        return changed ? withFiles(c, files) : c;
    }

    private static Config defaultOverwrite(Config c) {
        List<Config.File> files = new ArrayList<>(c.storage().files().size());
        for (Config.File f : c.storage().files()) {
            files.add(
                    f.overwrite() != null
                            ? f
                            : new Config.File(f.group(), true, f.path(), f.user(), f.append(), f.contents(), f.mode()));
        }
        return withFiles(c, files);
    }

    private static Config withFiles(Config c, List<Config.File> files) {
        Config.Storage s = c.storage();
        return new Config(
                c.ignition(),
                c.kernelArguments(),
                c.passwd(),
                new Config.Storage(s.directories(), s.disks(), files, s.filesystems(), s.links(), s.luks(), s.raid()),
                c.systemd());
    }
}
