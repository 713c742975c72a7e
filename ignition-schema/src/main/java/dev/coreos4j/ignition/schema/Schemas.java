package dev.coreos4j.ignition.schema;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.Report;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.problem.JsonPath;
import dev.coreos4j.problem.Location;
import dev.coreos4j.problem.Problem;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Schemas (draft-04, like Ignition's own) for every spec version, generated from this library's model and its
 * field knowledge (which field exists since which version, which fields are list keys and therefore non-null, which
 * are required by the schema), never copied from Ignition.
 *
 * <p>A schema is a structural pre-check and an aid for editors: it checks JSON types, nullability and the fields
 * Ignition's schemas require, and, like Ignition's schemas, accepts unknown keys. It does not express Ignition's
 * semantic rules; {@link dev.coreos4j.ignition.Ignition#parse(byte[])} remains the authoritative validator. Known
 * differences between schema and Ignition's Go decoder (spec digest §5.3) apply to these schemas as to Ignition's.
 *
 * <p>Thread-safe; schemas are built once per version and cached.
 */
public final class Schemas {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Map<SpecVersion, ObjectNode> TREES = new ConcurrentHashMap<>();
    private static final Map<SpecVersion, Schema> COMPILED = new ConcurrentHashMap<>();

    /** Non-null (non-pointer) fields in every version. */
    private static final Set<String> NON_NULL = Set.of(
            "Ignition.version",
            "HttpHeader.name",
            "PasswdGroup.name",
            "PasswdUser.name",
            "Directory.path",
            "File.path",
            "Link.path",
            "Disk.device",
            "Partition.number",
            "Filesystem.device",
            "Luks.name",
            "Tang.url",
            "Raid.name",
            "Unit.name",
            "Dropin.name");

    private enum Role {
        CONFIG_REFERENCE,
        CA_REFERENCE,
        FILE_CONTENTS,
        OTHER
    }

    private Schemas() {}

    /**
     * The schema of {@code version} as a JSON tree (a fresh mutable copy per call).
     *
     * @throws NullPointerException if {@code version} is null
     */
    public static ObjectNode forVersion(SpecVersion version) {
        Objects.requireNonNull(version, "version");
        return TREES.computeIfAbsent(version, Schemas::generate).deepCopy();
    }

    /** The schema of {@code version} as pretty-printed JSON text. */
    public static String toJson(SpecVersion version) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(forVersion(version));
    }

    /**
     * Checks {@code json} against the schema of {@code version} with networknt {@code json-schema-validator}.
     * Each violation becomes an ERROR problem with code {@code schema} at its JSON path into the document
     * ({@code $.storage.files[0].path}); a document that is not JSON yields one problem, code
     * {@code schema-unparseable}, without a path. Never throws for bad content.
     *
     * @throws NullPointerException if an argument is null
     */
    public static Report check(byte[] json, SpecVersion version) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(version, "version");
        Schema schema = COMPILED.computeIfAbsent(
                version,
                v -> SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                        .getSchema(forVersion(v)));
        List<Error> errors;
        try {
            errors = schema.validate(new String(json, StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (RuntimeException e) {
            return new Report(List.of(Problem.of(
                    SchemaRule.SCHEMA_UNPARSEABLE, "not valid JSON: " + firstLine(e.getMessage()), Location.NONE)));
        }
        List<Problem> entries = new ArrayList<>();
        for (Error e : errors) {
            NodePath at = e.getInstanceLocation();
            JsonPath path = at == null ? JsonPath.ROOT : toJsonPath(at);
            entries.add(Problem.of(SchemaRule.SCHEMA, e.getMessage(), Location.at(path)));
        }
        return new Report(entries);
    }

    private static String firstLine(@Nullable String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The segments of networknt's instance location: member names and array indices. */
    static JsonPath toJsonPath(NodePath location) {
        List<JsonPath.Segment> out = new ArrayList<>(location.getNameCount());
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            out.add(
                    element instanceof Integer index
                            ? new JsonPath.Index(index)
                            : new JsonPath.Name(String.valueOf(element)));
        }
        return JsonPath.of(out);
    }

    // ------------------------------------------------------------------------------------------------ generation

    private static ObjectNode generate(SpecVersion version) {
        ObjectNode root = object(Config.class, version, Role.OTHER, false);
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-04/schema#");
        schema.put("title", "ignition " + version);
        schema.put("description", "Ignition config, spec " + version + " (generated by coreos4j from its model)");
        schema.setAll(root);
        schema.set("required", NODES.arrayNode().add("ignition"));
        return schema;
    }

    private static ObjectNode object(Class<?> type, SpecVersion version, Role role, boolean nullable) {
        ObjectNode node = NODES.objectNode();
        node.set("type", nullable ? NODES.arrayNode().add("object").add("null") : NODES.stringNode("object"));
        ObjectNode properties = node.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (RecordComponent rc : type.getRecordComponents()) {
            String field = rc.getName();
            if (!exists(type, field, role, version)) {
                continue;
            }
            Role childRole = roleOf(type, field, role);
            properties.set(field, property(type, rc, version, childRole));
            if (required(type, field, role, version)) {
                required.add(field);
            }
        }
        if (!required.isEmpty()) {
            node.set("required", required);
        }
        return node;
    }

    private static boolean exists(Class<?> owner, String field, Role role, SpecVersion version) {
        if (owner == Config.Resource.class && field.equals("compression") && role == Role.FILE_CONTENTS) {
            return true;
        }
        if (owner == Config.Resource.class && field.equals("httpHeaders") && version == SpecVersion.V3_0_0) {
            return false;
        }
        return version.has(owner.asSubclass(Record.class), field);
    }

    private static Role roleOf(Class<?> owner, String field, Role current) {
        if (owner == Config.IgnitionConfig.class) {
            return Role.CONFIG_REFERENCE;
        }
        if (owner == Config.Tls.class) {
            return Role.CA_REFERENCE;
        }
        if (owner == Config.File.class && (field.equals("contents") || field.equals("append"))) {
            return Role.FILE_CONTENTS;
        }
        return owner == Config.Resource.class ? current : Role.OTHER;
    }

    /** Fields Ignition's schema of {@code version} lists as required. */
    private static boolean required(Class<?> owner, String field, Role role, SpecVersion version) {
        boolean upTo32 = version.compareTo(SpecVersion.V3_2_0) <= 0;
        String q = owner.getSimpleName() + "." + field;
        return switch (q) {
            case "Directory.path",
                    "File.path",
                    "Link.path",
                    "Disk.device",
                    "Filesystem.device",
                    "Raid.name",
                    "Luks.name",
                    "Unit.name",
                    "Dropin.name",
                    "PasswdUser.name",
                    "PasswdGroup.name",
                    "HttpHeader.name" -> true;
            case "Ignition.version" -> version.compareTo(SpecVersion.V3_4_0) >= 0;
            case "Raid.level", "Raid.devices", "Link.target" -> upTo32;
            case "ClevisCustom.pin", "ClevisCustom.config" -> version == SpecVersion.V3_2_0;
            case "Resource.source" ->
                version == SpecVersion.V3_0_0 && (role == Role.CONFIG_REFERENCE || role == Role.CA_REFERENCE);
            default -> false;
        };
    }

    /** Whether a scalar field may be null in {@code version}. */
    private static boolean nullable(Class<?> owner, String field, Role role, SpecVersion version) {
        String q = owner.getSimpleName() + "." + field;
        if (NON_NULL.contains(q)) {
            return false;
        }
        boolean upTo32 = version.compareTo(SpecVersion.V3_2_0) <= 0;
        if ((q.equals("Raid.level") || q.equals("Link.target")) && upTo32) {
            return false;
        }
        if ((q.equals("ClevisCustom.pin") || q.equals("ClevisCustom.config")) && version == SpecVersion.V3_2_0) {
            return false;
        }
        return !(q.equals("Resource.source") && role == Role.CA_REFERENCE && version == SpecVersion.V3_0_0);
    }

    private static JsonNode property(Class<?> owner, RecordComponent rc, SpecVersion version, Role role) {
        Class<?> type = rc.getType();
        String field = rc.getName();
        if (List.class.isAssignableFrom(type)) {
            Type element = ((ParameterizedType) rc.getGenericType()).getActualTypeArguments()[0];
            Class<?> elementClass = (Class<?>) (element instanceof ParameterizedType p ? p.getRawType() : element);
            ObjectNode array = NODES.objectNode();
            array.put("type", "array");
            if (elementClass == String.class) {
                boolean nullItems = owner == Config.Proxy.class && version.compareTo(SpecVersion.V3_3_0) <= 0;
                array.set("items", scalar("string", nullItems));
            } else {
                boolean nullItems = owner == Config.Tls.class && version == SpecVersion.V3_0_0;
                array.set("items", object(elementClass, version, role, nullItems));
            }
            return array;
        }
        if (type.isRecord()) {
            boolean nullableObject = (owner == Config.Luks.class
                            && field.equals("clevis")
                            && version == SpecVersion.V3_2_0)
                    || (owner == Config.Clevis.class && field.equals("custom") && version == SpecVersion.V3_2_0);
            return object(type, version, role, nullableObject);
        }
        String json = type == String.class ? "string" : type == Boolean.class ? "boolean" : "integer";
        return scalar(json, nullable(owner, field, role, version));
    }

    private static ObjectNode scalar(String type, boolean nullable) {
        ObjectNode node = NODES.objectNode();
        node.set("type", nullable ? NODES.arrayNode().add(type).add("null") : NODES.stringNode(type));
        return node;
    }

    /** For tests and tools: every version's schema. */
    static Map<SpecVersion, ObjectNode> all() {
        Map<SpecVersion, ObjectNode> out = new EnumMap<>(SpecVersion.class);
        for (SpecVersion v : SpecVersion.all()) {
            out.put(v, forVersion(v));
        }
        return out;
    }
}
