package dev.coreos4j.ignition.butane.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The shape of Butane configs: every struct of Butane's {@code base/v0_*} packages and of the variant packages,
 * field by field in Go struct order (which is Ignition's JSON field order), with the first version that has each
 * field. A field's {@code since} is an Ignition spec minor (base {@code v0_N} generates spec {@code 3.(N-1)}) for base
 * fields, and an fcos minor ({@code 1.x}) for variant fields.
 */
public final class Schema {
    private Schema() {}

    /** Field kinds, as the Go field types decode. */
    public enum Kind {
        /** {@code *string}: null is absent. */
        STR,
        /** {@code string} (a list key): null is {@code ""}, always written. */
        KEY,
        /** {@code *int}. */
        INT,
        /** {@code int} (partition number): null is 0, 0 omitted. */
        NUM,
        /** {@code *bool}. */
        BOOL,
        /** A nested struct. */
        OBJ,
        /** A list of structs. */
        OBJS,
        /** A list of strings. */
        STRS,
        /** {@code map[string]string}. */
        MAP
    }

    /**
     * One field.
     *
     * @param yaml  the Butane (snake_case) key
     * @param json  the Ignition key it translates to, or null for sugar that has no key of its own
     * @param kind  the Go type
     * @param type  the struct type of OBJ/OBJS fields
     * @param since the first version with the field (see the class comment)
     */
    public record Field(
            String yaml,
            @Nullable String json,
            Kind kind,
            @Nullable String type,
            int since) {}

    /** A struct type. */
    public record Type(String name, boolean base, List<Field> fields, Map<String, Field> byYaml) {}

    private static final Map<String, Type> TYPES = new HashMap<>();

    private static Field f(String yaml, Kind kind, int since) {
        return new Field(yaml, camel(yaml), kind, null, since);
    }

    private static Field o(String yaml, Kind kind, String type, int since) {
        return new Field(yaml, camel(yaml), kind, type, since);
    }

    private static Field sugar(String yaml, Kind kind, @Nullable String type, int since) {
        return new Field(yaml, null, kind, type, since);
    }

    private static void type(String name, boolean base, Field... fields) {
        Map<String, Field> by = new LinkedHashMap<>();
        for (Field x : fields) {
            by.put(x.yaml(), x);
        }
        TYPES.put(name, new Type(name, base, List.of(fields), by));
    }

    /** Butane's snake_case to Ignition's camelCase ({@code size_mib} is {@code sizeMiB}). */
    public static String camel(String in) {
        String s = in.endsWith("_mib") ? in.substring(0, in.length() - 4) + "MiB" : in;
        StringBuilder b = new StringBuilder(s.length());
        boolean up = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }

    /** Ignition's camelCase to snake_case, as Butane's fallback for untranslated report paths. */
    public static String snake(String in) {
        StringBuilder b = new StringBuilder(in.length() + 4);
        for (int i = 0; i < in.length(); i++) {
            if (in.startsWith("MiB", i)) {
                b.append("_mib");
                i += 2;
                continue;
            }
            char c = in.charAt(i);
            if (Character.isUpperCase(c)) {
                b.append('_').append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static {
        Kind S = Kind.STR;
        Kind K = Kind.KEY;
        Kind I = Kind.INT;
        Kind B = Kind.BOOL;
        type(
                "Config",
                true,
                o("ignition", Kind.OBJ, "Ignition", 0),
                o("kernel_arguments", Kind.OBJ, "KernelArguments", 3),
                o("passwd", Kind.OBJ, "Passwd", 0),
                o("storage", Kind.OBJ, "Storage", 0),
                o("systemd", Kind.OBJ, "Systemd", 0));
        type(
                "Ignition",
                true,
                o("config", Kind.OBJ, "IgnitionConfig", 0),
                o("proxy", Kind.OBJ, "Proxy", 1),
                o("security", Kind.OBJ, "Security", 0),
                o("timeouts", Kind.OBJ, "Timeouts", 0));
        type("IgnitionConfig", true, o("merge", Kind.OBJS, "RefResource", 0), o("replace", Kind.OBJ, "RefResource", 0));
        type("Proxy", true, f("http_proxy", S, 1), f("https_proxy", S, 1), f("no_proxy", Kind.STRS, 1));
        type("Security", true, o("tls", Kind.OBJ, "Tls", 0));
        type("Tls", true, o("certificate_authorities", Kind.OBJS, "RefResource", 0));
        type("Timeouts", true, f("http_response_headers", I, 0), f("http_total", I, 0));
        // merge/replace/CA references: 3.0 knows only source and verification
        type(
                "RefResource",
                true,
                f("compression", S, 1),
                o("http_headers", Kind.OBJS, "HttpHeader", 1),
                f("source", S, 0),
                sugar("inline", S, null, 1),
                sugar("local", S, null, 1),
                o("verification", Kind.OBJ, "Verification", 0));
        // file contents and appends, LUKS key files
        type(
                "Resource",
                true,
                f("compression", S, 0),
                o("http_headers", Kind.OBJS, "HttpHeader", 1),
                f("source", S, 0),
                sugar("inline", S, null, 0),
                sugar("local", S, null, 1),
                o("verification", Kind.OBJ, "Verification", 0));
        type("HttpHeader", true, f("name", K, 1), f("value", S, 1));
        type("Verification", true, f("hash", S, 0));
        type("KernelArguments", true, f("should_exist", Kind.STRS, 3), f("should_not_exist", Kind.STRS, 3));
        type("Passwd", true, o("groups", Kind.OBJS, "PasswdGroup", 0), o("users", Kind.OBJS, "PasswdUser", 0));
        type(
                "PasswdGroup",
                true,
                f("gid", I, 0),
                f("name", K, 0),
                f("password_hash", S, 0),
                f("should_exist", B, 2),
                f("system", B, 0));
        type(
                "PasswdUser",
                true,
                f("gecos", S, 0),
                f("groups", Kind.STRS, 0),
                f("home_dir", S, 0),
                f("name", K, 0),
                f("no_create_home", B, 0),
                f("no_log_init", B, 0),
                f("no_user_group", B, 0),
                f("password_hash", S, 0),
                f("primary_group", S, 0),
                f("ssh_authorized_keys", Kind.STRS, 0),
                sugar("ssh_authorized_keys_local", Kind.STRS, null, 4),
                f("shell", S, 0),
                f("should_exist", B, 2),
                f("system", B, 0),
                f("uid", I, 0));
        type(
                "Storage",
                true,
                o("directories", Kind.OBJS, "Directory", 0),
                o("disks", Kind.OBJS, "Disk", 0),
                o("files", Kind.OBJS, "File", 0),
                o("filesystems", Kind.OBJS, "Filesystem", 0),
                o("links", Kind.OBJS, "Link", 0),
                o("luks", Kind.OBJS, "Luks", 2),
                o("raid", Kind.OBJS, "Raid", 0),
                sugar("trees", Kind.OBJS, "Tree", 1));
        type("NodeUser", true, f("id", I, 0), f("name", S, 0));
        type("NodeGroup", true, f("id", I, 0), f("name", S, 0));
        type(
                "Directory",
                true,
                o("group", Kind.OBJ, "NodeGroup", 0),
                f("overwrite", B, 0),
                f("path", K, 0),
                o("user", Kind.OBJ, "NodeUser", 0),
                f("mode", I, 0));
        type(
                "File",
                true,
                o("group", Kind.OBJ, "NodeGroup", 0),
                f("overwrite", B, 0),
                f("path", K, 0),
                o("user", Kind.OBJ, "NodeUser", 0),
                o("append", Kind.OBJS, "Resource", 0),
                o("contents", Kind.OBJ, "Resource", 0),
                f("mode", I, 0));
        type(
                "Link",
                true,
                o("group", Kind.OBJ, "NodeGroup", 0),
                f("overwrite", B, 0),
                f("path", K, 0),
                o("user", Kind.OBJ, "NodeUser", 0),
                f("hard", B, 0),
                f("target", S, 0));
        type("Disk", true, f("device", K, 0), o("partitions", Kind.OBJS, "Partition", 0), f("wipe_table", B, 0));
        type(
                "Partition",
                true,
                f("guid", S, 0),
                f("label", S, 0),
                f("number", Kind.NUM, 0),
                f("resize", B, 2),
                f("should_exist", B, 0),
                f("size_mib", I, 0),
                f("start_mib", I, 0),
                f("type_guid", S, 0),
                f("wipe_partition_entry", B, 0));
        type(
                "Filesystem",
                true,
                f("device", K, 0),
                f("format", S, 0),
                f("label", S, 0),
                f("mount_options", Kind.STRS, 1),
                f("options", Kind.STRS, 0),
                f("path", S, 0),
                f("uuid", S, 0),
                f("wipe_filesystem", B, 0),
                sugar("with_mount_unit", B, null, 1));
        type(
                "Luks",
                true,
                o("cex", Kind.OBJ, "Cex", 5),
                o("clevis", Kind.OBJ, "Clevis", 2),
                f("device", S, 2),
                f("discard", B, 4),
                o("key_file", Kind.OBJ, "Resource", 2),
                f("label", S, 2),
                f("name", K, 2),
                f("open_options", Kind.STRS, 4),
                f("options", Kind.STRS, 2),
                f("uuid", S, 2),
                f("wipe_volume", B, 2));
        type("Cex", true, f("enabled", B, 5));
        type(
                "Clevis",
                true,
                o("custom", Kind.OBJ, "ClevisCustom", 2),
                o("tang", Kind.OBJS, "Tang", 2),
                f("threshold", I, 2),
                f("tpm2", B, 2));
        type("ClevisCustom", true, f("config", S, 2), f("needs_network", B, 2), f("pin", S, 2));
        type("Tang", true, f("advertisement", S, 4), f("thumbprint", S, 2), f("url", K, 2));
        type(
                "Raid",
                true,
                f("devices", Kind.STRS, 0),
                f("level", S, 0),
                f("name", K, 0),
                f("options", Kind.STRS, 0),
                f("spares", I, 0));
        type("Systemd", true, o("units", Kind.OBJS, "Unit", 0), sugar("quadlets", Kind.OBJS, "Quadlet", 7));
        type(
                "Quadlet",
                true,
                sugar("contents", S, null, 7),
                sugar("contents_local", S, null, 7),
                sugar("name", K, null, 7),
                sugar("rootful", B, null, 7),
                sugar("dropins", Kind.OBJS, "Dropin", 7));
        type(
                "Unit",
                true,
                f("contents", S, 0),
                sugar("contents_local", S, null, 4),
                o("dropins", Kind.OBJS, "Dropin", 0),
                f("enabled", B, 0),
                f("mask", B, 0),
                f("name", K, 0));
        type("Dropin", true, f("contents", S, 0), sugar("contents_local", S, null, 4), f("name", K, 0));
        type(
                "Tree",
                true,
                o("group", Kind.OBJ, "NodeGroup", 6),
                f("local", K, 1),
                f("path", S, 1),
                o("user", Kind.OBJ, "NodeUser", 6),
                f("file_mode", I, 6),
                f("dir_mode", I, 6));

        // fcos (since = fcos minor)
        type(
                "BootDevice",
                false,
                f("layout", S, 3),
                o("luks", Kind.OBJ, "BootDeviceLuks", 3),
                o("mirror", Kind.OBJ, "BootDeviceMirror", 3));
        type(
                "BootDeviceLuks",
                false,
                o("cex", Kind.OBJ, "Cex", 6),
                f("discard", B, 5),
                f("device", S, 6),
                o("tang", Kind.OBJS, "Tang", 3),
                f("threshold", I, 3),
                f("tpm2", B, 3));
        type("BootDeviceMirror", false, f("devices", Kind.STRS, 3));
        type("Grub", false, o("users", Kind.OBJS, "GrubUser", 5));
        type("GrubUser", false, f("name", K, 5), f("password_hash", S, 5));
        // openshift
        type("Metadata", false, f("name", K, 0), f("labels", Kind.MAP, 0));
        type(
                "OpenShift",
                false,
                f("kernel_arguments", Kind.STRS, 0),
                f("extensions", Kind.STRS, 0),
                f("fips", B, 0),
                f("kernel_type", S, 0));
    }

    public static Type type(String name) {
        Type t = TYPES.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no Butane type " + name);
        }
        return t;
    }

    /** The fields of {@code type} present at the given versions. */
    public static List<Field> fields(Type type, int ignitionMinor, int fcosMinor) {
        List<Field> out = new ArrayList<>();
        for (Field x : type.fields()) {
            int v = type.base() ? ignitionMinor : fcosMinor;
            if (x.since() <= v) {
                out.add(x);
            }
        }
        return out;
    }
}
