package dev.coreos4j.ignition.internal;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.ignition.internal.rules.ParseRule;
import dev.coreos4j.problem.JsonPath;
import dev.coreos4j.problem.Location;
import dev.coreos4j.problem.Problem;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a {@link JNode} tree into the model the way Go's {@code encoding/json} decodes into the Go structs of one
 * spec version: keys match case-insensitively (exact match preferred), later duplicates win, repeated objects are
 * decoded into the same struct, {@code null} leaves a non-pointer value alone and clears a pointer, integers must be
 * JSON integers in the 64-bit range, and keys the version does not know are skipped. Keys that do not match a field
 * name exactly become {@code unused key} warnings, like Ignition's unused-key walker reports them.
 */
public final class Decoder {

    /** A Go {@code UnmarshalTypeError}: fatal, reported with the byte offset Go gives it. */
    public static final class TypeError extends Exception {
        private static final long serialVersionUID = 1L;
        final long offset;

        TypeError(String message, long offset) {
            super(message, null, false, false);
            this.offset = offset;
        }

        public long offset() {
            return offset;
        }

        /** The message, Go's text; never null (every instance is made with one). */
        @Override
        public String getMessage() {
            return String.valueOf(super.getMessage());
        }
    }

    private static final Map<String, String> STRING_ELEMENT_TYPES = Map.of(
            "PasswdUser.groups", "Group",
            "PasswdUser.sshAuthorizedKeys", "SSHAuthorizedKey",
            "Raid.devices", "Device",
            "Raid.options", "RaidOption",
            "Filesystem.options", "FilesystemOption",
            "Filesystem.mountOptions", "MountOption",
            "Proxy.noProxy", "NoProxyItem",
            "Luks.options", "LuksOption",
            "Luks.openOptions", "OpenOption",
            "KernelArguments.shouldExist", "KernelArgument");

    /** Where a resource sits; spec 3.0.0 had three different Go types for it. */
    enum ResourceRole {
        CONFIG_REFERENCE,
        CA_REFERENCE,
        FILE_CONTENTS,
        OTHER
    }

    record Shape(List<RecordComponent> components, Constructor<?> constructor) {}

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private final SpecVersion version;
    private final Positions positions;
    /** Where warnings go right now; swapped per field so they come out in Ignition's walk order. */
    private List<Problem> unused = new ArrayList<>();

    private Decoder(SpecVersion version, Positions positions) {
        this.version = version;
        this.positions = positions;
    }

    /** The decoded config (in the Go semantics of {@code version}) and the unused-key / context warnings. */
    public record Result(Config config, List<Problem> warnings) {}

    public static Result decode(JNode root, SpecVersion version, Positions positions) throws TypeError {
        Decoder d = new Decoder(version, positions);
        Config c = (Config) d.record(Config.class, root, null, JsonPath.ROOT, "", true, ResourceRole.OTHER);
        return new Result(c, List.copyOf(d.unused));
    }

    static Shape shape(Class<?> type) {
        return SHAPES.computeIfAbsent(type, t -> {
            RecordComponent[] rc = t.getRecordComponents();
            Class<?>[] params = new Class<?>[rc.length];
            for (int i = 0; i < rc.length; i++) {
                params[i] = rc[i].getType();
            }
            try {
                return new Shape(List.of(rc), t.getDeclaredConstructor(params));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record without canonical constructor: " + t, e);
            }
        });
    }

    private boolean known(Class<?> owner, String field, ResourceRole role) {
        return known(owner, field, role, version);
    }

    /** Whether {@code owner.field} exists in spec {@code version} (for a resource, in the given role). */
    static boolean known(Class<?> owner, String field, ResourceRole role, SpecVersion version) {
        if (owner == Config.Resource.class && field.equals("compression") && role == ResourceRole.FILE_CONTENTS) {
            return true;
        }
        SpecVersion since = SINCE_BY_CLASS.getOrDefault(owner, Map.of()).get(field);
        return since == null || version.compareTo(since) >= 0;
    }

    /** {@link FieldVersions#SINCE} indexed by model class, so the per-key lookup allocates nothing. */
    private static final Map<Class<?>, Map<String, SpecVersion>> SINCE_BY_CLASS = sinceByClass();

    private static Map<Class<?>, Map<String, SpecVersion>> sinceByClass() {
        Map<Class<?>, Map<String, SpecVersion>> out = new java.util.HashMap<>();
        for (Class<?> c : Config.modelRecords()) {
            for (Map.Entry<String, SpecVersion> e : FieldVersions.SINCE.entrySet()) {
                // keys are "Type.field"
                int dot = e.getKey().indexOf('.');
                if (e.getKey().substring(0, dot).equals(c.getSimpleName())) {
                    out.computeIfAbsent(c, k -> new java.util.HashMap<>())
                            .put(e.getKey().substring(dot + 1), e.getValue());
                }
            }
        }
        for (Map.Entry<String, SpecVersion> e : FieldVersions.SINCE.entrySet()) {
            if (e.getKey().startsWith("Config.")) {
                out.computeIfAbsent(Config.class, k -> new java.util.HashMap<>())
                        .put(e.getKey().substring("Config.".length()), e.getValue());
            }
        }
        return out;
    }

    /** The Go type name of a model record in this version and role. */
    private String goName(Class<?> type, ResourceRole role) {
        if (type == Config.Resource.class && version == SpecVersion.V3_0_0) {
            return switch (role) {
                case CONFIG_REFERENCE -> "ConfigReference";
                case CA_REFERENCE -> "CaReference";
                case FILE_CONTENTS -> "FileContents";
                case OTHER -> "Resource";
            };
        }
        if (type == Config.Tls.class) {
            return "TLS";
        }
        if (type == Config.HttpHeader.class) {
            return "HTTPHeader";
        }
        if (type == Config.ClevisCustom.class && version == SpecVersion.V3_2_0) {
            return "Custom";
        }
        return type.getSimpleName();
    }

    /** Whether a string field is a non-pointer Go string in this version (absent decodes as ""). */
    private boolean nonPointerString(Class<?> owner, String field, ResourceRole role) {
        boolean upTo32 = version.compareTo(SpecVersion.V3_2_0) <= 0;
        return (owner == Config.Raid.class && field.equals("level") && upTo32)
                || (owner == Config.Link.class && field.equals("target") && upTo32)
                || (owner == Config.ClevisCustom.class
                        && version == SpecVersion.V3_2_0
                        && (field.equals("pin") || field.equals("config")))
                || (owner == Config.Resource.class
                        && field.equals("source")
                        && role == ResourceRole.CA_REFERENCE
                        && version == SpecVersion.V3_0_0);
    }

    private Problem warning(JsonPath path, ParseRule rule, String message, int offset) {
        int[] lc = positions.of(offset);
        return Problem.of(rule, message, Location.at(path, lc[0], lc[1]));
    }

    private TypeError typeError(JNode node, String goStruct, String goPath, String goType, boolean intTarget) {
        String what = node.kind == JNode.Kind.NUMBER && intTarget ? "number " + node.text : node.kind.goName;
        long offset = node.kind == JNode.Kind.OBJECT || node.kind == JNode.Kind.ARRAY ? node.start + 1L : node.end;
        return new TypeError(
                "json: cannot unmarshal " + what + " into Go struct field " + goStruct + "." + goPath + " of type "
                        + goType,
                offset);
    }

    /**
     * Decodes an object into a record, continuing from {@code existing} (Go decodes a repeated key into the same
     * struct).
     */
    private Object record(
            Class<?> type,
            JNode node,
            @Nullable Object existing,
            JsonPath path,
            String goPath,
            boolean report,
            ResourceRole role)
            throws TypeError {
        Shape shape = shape(type);
        RecordComponent[] rc = shape.components().toArray(new RecordComponent[0]);
        Object[] values = new Object[rc.length];
        if (existing != null) {
            for (int i = 0; i < rc.length; i++) {
                try {
                    values[i] = rc[i].getAccessor().invoke(existing);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else {
            for (int i = 0; i < rc.length; i++) {
                if (rc[i].getType() == String.class && nonPointerString(type, rc[i].getName(), role)) {
                    values[i] = "";
                } else if (rc[i].getType() == long.class) {
                    values[i] = 0L;
                }
            }
        }
        String goStruct = goName(type, role);
        // Ignition reports this object's unknown keys (document order) before walking its fields (field order).
        List<Problem> parent = unused;
        List<Problem> own = new ArrayList<>();
        @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array: Java cannot create List<Entry>[] directly
        List<Problem>[] perField = new List[rc.length];
        List<JNode.Member> members = node.members;
        for (int k = 0; k < members.size(); k++) {
            JNode.Member m = members.get(k);
            // Ignition's unused-key walker sees only the last value of a repeated key (its tree is a map).
            boolean shadowed = false;
            for (int later = k + 1; later < members.size() && !shadowed; later++) {
                shadowed = members.get(later).key().equals(m.key());
            }
            int index = -1;
            boolean exact = false;
            for (int i = 0; i < rc.length; i++) {
                if (rc[i].getName().equals(m.key()) && known(type, rc[i].getName(), role)) {
                    index = i;
                    exact = true;
                    break;
                }
            }
            if (index < 0) {
                for (int i = 0; i < rc.length; i++) {
                    if (rc[i].getName().equalsIgnoreCase(m.key()) && known(type, rc[i].getName(), role)) {
                        index = i;
                        break;
                    }
                }
            }
            JsonPath childPath = path.child(m.key());
            if (!exact && report && !shadowed) {
                own.add(warning(
                        childPath,
                        ParseRule.UNUSED_KEY,
                        m.key().isEmpty() ? "unused key" : "unused key " + m.key(),
                        m.keyOffset()));
            }
            if (index < 0) {
                continue;
            }
            RecordComponent c = rc[index];
            String name = c.getName();
            String childGoPath = goPath.isEmpty() ? name : goPath + "." + name;
            JsonPath fieldPath = path.child(name);
            if (perField[index] == null) {
                perField[index] = new ArrayList<>();
            }
            unused = perField[index];
            try {
                values[index] = value(
                        type,
                        c.getType(),
                        c.getGenericType(),
                        name,
                        m.value(),
                        values[index],
                        fieldPath,
                        goStruct,
                        childGoPath,
                        report && exact && !shadowed,
                        roleOf(type, name, role));
            } finally {
                unused = parent;
            }
        }
        parent.addAll(own);
        for (List<Problem> warnings : perField) {
            if (warnings != null) {
                parent.addAll(warnings);
            }
        }
        try {
            return shape.constructor().newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    static ResourceRole roleOf(Class<?> owner, String field, ResourceRole current) {
        if (owner == Config.IgnitionConfig.class) {
            return ResourceRole.CONFIG_REFERENCE;
        }
        if (owner == Config.Tls.class) {
            return ResourceRole.CA_REFERENCE;
        }
        if (owner == Config.File.class && (field.equals("contents") || field.equals("append"))) {
            return ResourceRole.FILE_CONTENTS;
        }
        if (owner == Config.Resource.class) {
            return current;
        }
        return ResourceRole.OTHER;
    }

    private @Nullable Object value(
            Class<?> owner,
            Class<?> type,
            Type generic,
            String field,
            JNode node,
            @Nullable Object existing,
            JsonPath path,
            String goStruct,
            String goPath,
            boolean report,
            ResourceRole role)
            throws TypeError {
        if (type == String.class) {
            if (node.kind == JNode.Kind.NULL) {
                return nonPointerString(owner, field, role) || isKey(owner, field) ? existing : null;
            }
            if (node.kind != JNode.Kind.STRING) {
                throw typeError(node, goStruct, goPath, "string", false);
            }
            return node.text;
        }
        if (type == Long.class || type == long.class) {
            if (node.kind == JNode.Kind.NULL) {
                return type == long.class ? existing : null;
            }
            if (node.kind != JNode.Kind.NUMBER) {
                throw typeError(node, goStruct, goPath, "int", true);
            }
            Long parsed = parseGoInt(node.text);
            if (parsed == null) {
                throw typeError(node, goStruct, goPath, "int", true);
            }
            return parsed;
        }
        if (type == Boolean.class) {
            if (node.kind == JNode.Kind.NULL) {
                return null;
            }
            if (node.kind != JNode.Kind.BOOL) {
                throw typeError(node, goStruct, goPath, "bool", false);
            }
            return Boolean.valueOf(node.text);
        }
        if (type == List.class) {
            Type elementType = ((ParameterizedType) generic).getActualTypeArguments()[0];
            Class<?> element = (Class<?>) elementType;
            String elementGo = element == String.class
                    ? STRING_ELEMENT_TYPES.getOrDefault(
                            owner.getSimpleName() + "." + field,
                            owner == Config.KernelArguments.class ? "KernelArgument" : null)
                    : goName(element, role);
            String elementGoType = elementGo == null ? "string" : "types." + elementGo;
            if (node.kind == JNode.Kind.NULL) {
                return List.of();
            }
            if (node.kind != JNode.Kind.ARRAY) {
                String listType = element == Config.HttpHeader.class ? "types.HTTPHeaders" : "[]" + elementGoType;
                throw typeError(node, goStruct, goPath, listType, false);
            }
            // Go decodes a repeated array key into the same slice: existing elements are decoded into in place.
            List<?> previous = existing instanceof List<?> l ? l : List.of();
            List<Object> out = new ArrayList<>(node.elements.size());
            for (int i = 0; i < node.elements.size(); i++) {
                JNode e = node.elements.get(i);
                Object reused = i < previous.size() ? previous.get(i) : null;
                JsonPath elementPath = path.index(i);
                if (element == String.class) {
                    if (e.kind == JNode.Kind.NULL) {
                        out.add(reused != null ? reused : "");
                    } else if (e.kind != JNode.Kind.STRING) {
                        throw typeError(e, goStruct, goPath, elementGoType, false);
                    } else {
                        out.add(e.text);
                    }
                } else {
                    out.add(nested(element, e, reused, elementPath, goStruct, goPath, report, role, elementGoType));
                }
            }
            return out;
        }
        return nested(type, node, existing, path, goStruct, goPath, report, role, "types." + goName(type, role));
    }

    private Object nested(
            Class<?> type,
            JNode node,
            @Nullable Object existing,
            JsonPath path,
            String goStruct,
            String goPath,
            boolean report,
            ResourceRole role,
            String goType)
            throws TypeError {
        if (node.kind == JNode.Kind.NULL) {
            // 3.2.0's clevis and custom are Go pointers: null is simply absent there
            boolean pointer =
                    version == SpecVersion.V3_2_0 && (type == Config.Clevis.class || type == Config.ClevisCustom.class);
            if (report && !pointer) {
                unused.add(warning(
                        path,
                        ParseRule.CONTEXT_MISMATCH,
                        "context tree does not match content tree at " + GoPaths.dotted(path)
                                + ". Line and column reporting may be inconsistent. Unused keys may not be reported",
                        node.markerOffset()));
            }
            return existing != null ? existing : zero(type);
        }
        if (node.kind != JNode.Kind.OBJECT) {
            throw typeError(node, goStruct, goPath, goType, false);
        }
        return record(type, node, existing, path, goPath, report, role);
    }

    private static Object zero(Class<?> type) {
        Shape shape = shape(type);
        Object[] values = new Object[shape.components().size()];
        for (int i = 0; i < values.length; i++) {
            if (shape.components().get(i).getType() == long.class) {
                values[i] = 0L;
            }
        }
        try {
            return shape.constructor().newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code owner.field} is a non-pointer Go string (a list key or {@code ignition.version}). */
    static boolean isKey(Class<?> owner, String field) {
        return switch (field) {
            case "path" -> owner == Config.File.class || owner == Config.Directory.class || owner == Config.Link.class;
            case "name" ->
                owner == Config.HttpHeader.class
                        || owner == Config.PasswdGroup.class
                        || owner == Config.PasswdUser.class
                        || owner == Config.Luks.class
                        || owner == Config.Raid.class
                        || owner == Config.Unit.class
                        || owner == Config.Dropin.class;
            case "device" -> owner == Config.Disk.class || owner == Config.Filesystem.class;
            case "url" -> owner == Config.Tang.class;
            case "version" -> owner == Config.Ignition.class;
            default -> false;
        };
    }

    /** Go's {@code strconv.ParseInt(s, 10, 64)} on a JSON number literal; null when it fails. */
    static @Nullable Long parseGoInt(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && !(i == 0 && c == '-')) {
                return null;
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
