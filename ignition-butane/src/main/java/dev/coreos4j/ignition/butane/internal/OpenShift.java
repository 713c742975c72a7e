package dev.coreos4j.ignition.butane.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The openshift layer ({@code config/openshift/v4_*}): the MachineConfig wrapper, the FIPS LUKS cipher (4.8 to
 * 4.19), and the fields the Machine Config Operator cannot apply rejected (field filters, RHCOS and MCO checks).
 */
final class OpenShift {
    private OpenShift() {}

    static final String ROLE_LABEL = "machineconfiguration.openshift.io/role";
    static final String CEX_KARG = "rd.luks.key=/etc/luks/cex.key";

    static void validate(Translator t, BObj b) {
        if (!t.ver.openshift()) {
            return;
        }
        Issues r = t.issues;
        switch (b.type.name()) {
            case "Metadata" -> {
                if (b.key("name").isEmpty()) {
                    r.add(b.at("name"), ButaneRule.NAME_REQUIRED);
                }
                Object labels = b.v.get("labels");
                String role = labels instanceof Map<?, ?> m ? (String) m.get(ROLE_LABEL) : null;
                if (role == null || role.isEmpty()) {
                    r.add(b.at("labels"), ButaneRule.ROLE_REQUIRED);
                }
            }
            case "OpenShift" -> {
                String kt = b.str("kernel_type");
                if (kt != null && !kt.isEmpty() && !kt.equals("default") && !kt.equals("realtime")) {
                    r.add(b.at("kernel_type"), ButaneRule.INVALID_KERNEL_TYPE);
                }
            }
            case "Config" -> {
                if (b.path.equals("$") && t.ver.fcosMinor() >= 6) {
                    List<String> kargs = b.obj("openshift").strs("kernel_arguments");
                    if (b.obj("boot_device").obj("luks").obj("cex").isTrue("enabled") && !kargs.contains(CEX_KARG)) {
                        r.add("$.openshift.kernel_arguments", ButaneRule.MISSING_KERNEL_ARGUMENT_CEX);
                    }
                    boolean cex = b.obj("storage").objs("luks").stream()
                            .anyMatch(l -> l.obj("cex").isTrue("enabled")
                                    && l.key("name").equals("root"));
                    if (cex && !kargs.contains(CEX_KARG)) {
                        r.add("$.openshift.kernel_arguments", ButaneRule.MISSING_KERNEL_ARGUMENT_CEX);
                    }
                }
            }
            default -> {}
        }
    }

    /** Wraps the config in a MachineConfig tree (type MachineConfig) and runs the MCO checks on it. */
    static J.Obj machineConfig(Translator t, BObj root, J.Obj config) {
        J.Obj mc = new J.Obj("MachineConfig", "$");
        mc.put("apiVersion", "machineconfiguration.openshift.io/v1", "$.version");
        mc.put("kind", "MachineConfig", "$.version");
        BObj md = root.obj("metadata");
        J.Obj meta = new J.Obj("MCMetadata", "$.metadata");
        meta.put("name", md.key("name"), "$.metadata.name");
        J.Obj labels = new J.Obj("map", "$.metadata.labels");
        if (md.v.get("labels") instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                labels.put((String) e.getKey(), e.getValue(), "$.metadata.labels." + e.getKey());
            }
        }
        meta.put("labels", labels, "$.metadata.labels");
        mc.put("metadata", meta, "$.metadata");
        J.Obj spec = new J.Obj("MCSpec", "$.version");
        spec.put("config", config, "$");
        BObj os = root.obj("openshift");
        for (String f : List.of("kernel_arguments", "extensions")) {
            List<String> l = os.strs(f);
            if (os.has(f)) {
                J.Arr a = new J.Arr(os.at(f));
                for (int i = 0; i < l.size(); i++) {
                    a.add(l.get(i), os.at(f) + "." + i);
                }
                spec.put(Schema.camel(f), a, os.at(f));
            }
        }
        if (os.v.get("fips") != null) {
            spec.put("fips", os.v.get("fips"), os.at("fips"));
        }
        if (os.str("kernel_type") != null) {
            spec.put("kernelType", os.str("kernel_type"), os.at("kernel_type"));
        }
        mc.put("spec", spec, "$.version");
        if (t.ver.openshiftMinor() <= 19 && Boolean.TRUE.equals(os.v.get("fips"))) {
            fipsCipher(config, os.at("fips"));
        }
        // RHCOS and MCO support, on the fully desugared config
        J.Obj storage = config.obj("storage");
        List<Object> filesystems = Translator.items(storage, "filesystems");
        for (int i = 0; i < filesystems.size(); i++) {
            if ("btrfs".equals(((J.Obj) filesystems.get(i)).str("format"))) {
                t.issues.addJson("$.spec.config.storage.filesystems." + i + ".format", ButaneRule.BTRFS_SUPPORT);
            }
        }
        if (t.ver.openshiftMinor() >= 14) {
            for (int i = 0; i < filesystems.size(); i++) {
                if ("none".equals(((J.Obj) filesystems.get(i)).str("format"))) {
                    t.issues.addJson(
                            "$.spec.config.storage.filesystems." + i + ".format", ButaneRule.FILESYSTEM_NONE_SUPPORT);
                }
            }
        }
        List<Object> files = Translator.items(storage, "files");
        for (int i = 0; i < files.size(); i++) {
            J.Obj file = (J.Obj) files.get(i);
            J.Obj contents = file.obj("contents");
            String source = contents == null ? null : contents.str("source");
            if (source != null) {
                String scheme = scheme(source);
                if (scheme != null && !scheme.equals("data")) {
                    t.issues.addJson(
                            "$.spec.config.storage.files." + i + ".contents.source", ButaneRule.FILE_SCHEME_SUPPORT);
                }
            }
            if (t.ver.openshiftMinor() >= 10 && file.f.get("mode") instanceof Long mode && (mode & ~0777L) != 0) {
                t.issues.addJson("$.spec.config.storage.files." + i + ".mode", ButaneRule.FILE_SPECIAL_MODE_SUPPORT);
            }
        }
        List<Object> users = Translator.items(config.obj("passwd"), "users");
        for (int i = 0; i < users.size(); i++) {
            if (!"core".equals(((J.Obj) users.get(i)).str("name"))) {
                t.issues.addJson("$.spec.config.passwd.users." + i + ".name", ButaneRule.USER_NAME_SUPPORT);
            }
        }
        return mc;
    }

    /** Go {@code url.Parse}'s scheme, or null when the string has none (or does not parse). */
    private static @Nullable String scheme(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c) || (i > 0 && (Character.isDigit(c) || c == '+' || c == '-' || c == '.'))) {
                continue;
            }
            if (c == ':' && i > 0) {
                return s.substring(0, i).toLowerCase(java.util.Locale.ROOT);
            }
            return i == 0 && c == ':' ? null : "";
        }
        return "";
    }

    private static void fipsCipher(J.Obj config, String from) {
        List<Object> luks = Translator.items(config.obj("storage"), "luks");
        outer:
        for (Object o : luks) {
            J.Obj l = (J.Obj) o;
            J.Arr options = l.arr("options");
            if (options != null) {
                for (Object opt : options.items) {
                    String s = (String) opt;
                    if (s.equals("--cipher") || s.startsWith("--cipher=") || s.equals("-c")) {
                        continue outer;
                    }
                }
            }
            options = l.arrOrNew("options", from);
            options.add("--cipher", from);
            options.add("aes-cbc-essiv:sha256", from);
        }
    }

    /** Butane's field filters on the MachineConfig (MachineConfig output only, as upstream). */
    static void filters(Translator t, J.Obj config) {
        int m = t.ver.openshiftMinor();
        Issues r = t.issues;
        String p = "$.spec.config";
        if (m >= 14 && config.obj("kernelArguments") != null && !JsonOut.isEmptyObj(config.obj("kernelArguments"))) {
            r.addJson(p + ".kernelArguments", ButaneRule.KERNEL_ARGUMENT_SUPPORT);
        }
        J.Obj passwd = config.obj("passwd");
        if (!Translator.items(passwd, "groups").isEmpty()) {
            r.addJson(p + ".passwd.groups", ButaneRule.GROUP_SUPPORT);
        }
        List<Object> users = Translator.items(passwd, "users");
        List<String> userFields = m <= 12
                ? List.of(
                        "gecos",
                        "groups",
                        "homeDir",
                        "noCreateHome",
                        "noLogInit",
                        "noUserGroup",
                        "passwordHash",
                        "primaryGroup",
                        "shell",
                        "shouldExist",
                        "system",
                        "uid")
                : List.of(
                        "gecos",
                        "groups",
                        "homeDir",
                        "noCreateHome",
                        "noLogInit",
                        "noUserGroup",
                        "primaryGroup",
                        "shell",
                        "shouldExist",
                        "system",
                        "uid");
        for (int i = 0; i < users.size(); i++) {
            J.Obj u = (J.Obj) users.get(i);
            for (String f : userFields) {
                if (!JsonOut.omitted("PasswdUser", f, u.f.get(f))) {
                    r.addJson(p + ".passwd.users." + i + "." + f, ButaneRule.USER_FIELD_SUPPORT);
                }
            }
        }
        J.Obj storage = config.obj("storage");
        if (!Translator.items(storage, "directories").isEmpty()) {
            r.addJson(p + ".storage.directories", ButaneRule.DIRECTORY_SUPPORT);
        }
        List<Object> files = Translator.items(storage, "files");
        for (int i = 0; i < files.size(); i++) {
            J.Obj f = (J.Obj) files.get(i);
            if (!Translator.items(f, "append").isEmpty()) {
                r.addJson(p + ".storage.files." + i + ".append", ButaneRule.FILE_APPEND_SUPPORT);
            }
            J.Obj c = f.obj("contents");
            if (c != null) {
                if (m <= 9
                        && c.str("compression") != null
                        && !c.str("compression").isEmpty()) {
                    r.addJson(p + ".storage.files." + i + ".contents.compression", ButaneRule.FILE_COMPRESSION_SUPPORT);
                }
                if (!Translator.items(c, "httpHeaders").isEmpty()) {
                    r.addJson(p + ".storage.files." + i + ".contents.httpHeaders", ButaneRule.FILE_HEADER_SUPPORT);
                }
            }
        }
        if (!Translator.items(storage, "links").isEmpty()) {
            r.addJson(p + ".storage.links", ButaneRule.LINK_SUPPORT);
        }
    }

    /** Raw output: warn about the MachineConfig fields that the bare Ignition config cannot carry. */
    static void elided(Translator t, J.Obj mc) {
        J.Obj spec = Objects.requireNonNull(mc.obj("spec"), "spec"); // machineConfig always builds it
        for (String f : List.of("kernelArguments", "extensions", "fips", "kernelType")) {
            Object v = spec.f.get(f);
            if (v != null) {
                t.issues.add(spec.src.get(f), ButaneRule.FIELD_ELIDED);
            }
        }
    }
}
