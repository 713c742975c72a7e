package dev.coreos4j.ignition.butane.internal;

import dev.coreos4j.ignition.SpecVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Every variant and version Butane 0.29 registers, with the Ignition spec each generates. */
public final class Variants {
    private Variants() {}

    /**
     * One registered Butane spec.
     *
     * @param variant        {@code fcos}, {@code openshift}, {@code flatcar}, {@code r4e}, {@code fiot}
     * @param version        the Butane version string ({@code 1.6.0}, {@code 4.23.0-experimental})
     * @param ignition       the generated Ignition spec
     * @param fcosMinor      the fcos minor whose sugar the spec has (openshift specs embed an fcos spec); -1 for
     *                       specs without fcos sugar (flatcar, r4e, fiot)
     * @param openshiftMinor the OpenShift minor, or -1
     */
    public record Version(String variant, String version, SpecVersion ignition, int fcosMinor, int openshiftMinor) {
        public int ignitionMinor() {
            return ignition.minor();
        }

        public boolean openshift() {
            return openshiftMinor >= 0;
        }

        public boolean experimental() {
            return version.endsWith("-experimental");
        }

        /** Go package of the base structs, for go-yaml's type names. */
        public String basePackage() {
            return "v0_" + (ignition.minor() + 1) + (ignition.isExperimental() ? "_exp" : "");
        }

        public String variantPackage() {
            return "v" + version.replaceAll("\\.0(-experimental)?$", "").replace('.', '_')
                    + (experimental() ? "_exp" : "");
        }

        /** The root keys the variant adds to the base config. */
        public List<String> rootExtras() {
            List<String> out = new ArrayList<>();
            if (fcosMinor >= 3) {
                out.add("boot_device");
            }
            if (fcosMinor >= 5) {
                out.add("grub");
            }
            if (openshift()) {
                out.add("metadata");
                out.add("openshift");
            }
            return out;
        }
    }

    private static final Map<String, Version> ALL = new LinkedHashMap<>();

    private static void add(String variant, String version, SpecVersion ign, int fcos, int ocp) {
        ALL.put(variant + "+" + version, new Version(variant, version, ign, fcos, ocp));
    }

    static {
        SpecVersion[] fcosIgn = {
            SpecVersion.V3_0_0,
            SpecVersion.V3_1_0,
            SpecVersion.V3_2_0,
            SpecVersion.V3_2_0,
            SpecVersion.V3_3_0,
            SpecVersion.V3_4_0,
            SpecVersion.V3_5_0,
            SpecVersion.V3_6_0
        };
        for (int i = 0; i < fcosIgn.length; i++) {
            add("fcos", "1." + i + ".0", fcosIgn[i], i, -1);
        }
        add("fcos", "1.8.0-experimental", SpecVersion.V3_7_0_EXPERIMENTAL, 8, -1);
        add("flatcar", "1.0.0", SpecVersion.V3_3_0, -1, -1);
        add("flatcar", "1.1.0", SpecVersion.V3_4_0, -1, -1);
        add("flatcar", "1.2.0-experimental", SpecVersion.V3_7_0_EXPERIMENTAL, -1, -1);
        for (int m = 8; m <= 22; m++) {
            int fcos = m <= 13 ? 3 : m <= 18 ? 5 : 6;
            SpecVersion ign = m <= 13 ? SpecVersion.V3_2_0 : m <= 18 ? SpecVersion.V3_4_0 : SpecVersion.V3_5_0;
            add("openshift", "4." + m + ".0", ign, fcos, m);
        }
        add("openshift", "4.23.0-experimental", SpecVersion.V3_7_0_EXPERIMENTAL, 8, 23);
        add("r4e", "1.0.0", SpecVersion.V3_3_0, -1, -1);
        add("r4e", "1.1.0", SpecVersion.V3_4_0, -1, -1);
        add("r4e", "1.2.0-experimental", SpecVersion.V3_7_0_EXPERIMENTAL, -1, -1);
        add("fiot", "1.0.0", SpecVersion.V3_4_0, -1, -1);
        add("fiot", "1.1.0-experimental", SpecVersion.V3_7_0_EXPERIMENTAL, -1, -1);
    }

    /** The spec for a variant and a canonical semver string, or null. */
    public static @Nullable Version find(String variant, String version) {
        return ALL.get(variant + "+" + version);
    }

    public static List<Version> all() {
        return List.copyOf(ALL.values());
    }

    /** Root fields the variants add. */
    public static Schema.Field rootField(String name) {
        return switch (name) {
            case "boot_device" -> new Schema.Field("boot_device", null, Schema.Kind.OBJ, "BootDevice", 0);
            case "grub" -> new Schema.Field("grub", null, Schema.Kind.OBJ, "Grub", 0);
            case "metadata" -> new Schema.Field("metadata", null, Schema.Kind.OBJ, "Metadata", 0);
            case "openshift" -> new Schema.Field("openshift", null, Schema.Kind.OBJ, "OpenShift", 0);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * go-semver's {@code NewVersion} followed by {@code String()}: {@code major.minor.patch[-pre][+meta]}, leading
     * zeros dropped; null when {@code text} is not a valid semver.
     */
    public static @Nullable String canonicalSemver(String text) {
        String rest = text;
        String meta = null;
        int plus = rest.indexOf('+');
        if (plus >= 0) {
            meta = rest.substring(plus + 1);
            rest = rest.substring(0, plus);
        }
        String pre = null;
        int dash = rest.indexOf('-');
        if (dash >= 0) {
            pre = rest.substring(dash + 1);
            rest = rest.substring(0, dash);
        }
        String[] parts = rest.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            if (parts[i].isEmpty() || !parts[i].chars().allMatch(c -> c >= '0' && c <= '9') || parts[i].length() > 18) {
                return null;
            }
            b.append(i > 0 ? "." : "").append(Long.parseLong(parts[i]));
        }
        if (pre != null) {
            if (pre.isEmpty() || !pre.matches("[0-9A-Za-z.-]+")) {
                return null;
            }
            b.append('-').append(pre);
        }
        if (meta != null) {
            if (meta.isEmpty() || !meta.matches("[0-9A-Za-z.-]+")) {
                return null;
            }
            b.append('+').append(meta);
        }
        return b.toString();
    }
}
