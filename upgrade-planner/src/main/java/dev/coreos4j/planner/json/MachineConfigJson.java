package dev.coreos4j.planner.json;

import static dev.coreos4j.planner.json.JsonFields.array;
import static dev.coreos4j.planner.json.JsonFields.bool;
import static dev.coreos4j.planner.json.JsonFields.object;
import static dev.coreos4j.planner.json.JsonFields.oneLine;
import static dev.coreos4j.planner.json.JsonFields.optString;
import static dev.coreos4j.planner.json.JsonFields.required;
import static dev.coreos4j.planner.json.JsonFields.string;
import static dev.coreos4j.planner.json.JsonFields.stringList;
import static dev.coreos4j.planner.json.JsonFields.stringMap;

import dev.coreos4j.planner.internal.json.ArrayNode;
import dev.coreos4j.planner.internal.json.Json;
import dev.coreos4j.planner.internal.json.JsonNode;
import dev.coreos4j.planner.internal.json.JsonSyntaxException;
import dev.coreos4j.planner.internal.json.ObjectNode;
import dev.coreos4j.planner.render.MachineConfig;
import dev.coreos4j.planner.render.RenderException;
import dev.coreos4j.planner.render.Renderer;
import dev.coreos4j.planner.render.Rendering;
import dev.coreos4j.problem.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes MachineConfig JSON (flat and Kubernetes shapes) and the rendered-MachineConfig form of a
 * snapshot {@code configs} entry; Ignition configs inside are parsed and written with the Ignition model.
 */
final class MachineConfigJson {
    private MachineConfigJson() {}

    static MachineConfig readMachineConfig(String json) {
        JsonNode root;
        try {
            root = Json.parse(json);
        } catch (JsonSyntaxException e) {
            throw SnapshotRule.JSON_SYNTAX.exception("$", "malformed JSON: " + oneLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw SnapshotRule.FIELD_TYPE.exception("$", "expected a JSON object");
        }
        return machineConfig(root, "$", true);
    }

    /** A MachineConfig object at {@code at}; {@code named}: the flat shape needs a name. */
    static MachineConfig machineConfig(JsonNode m, String at, boolean named) {
        object(m, at);
        if (m.has("spec") || m.has("metadata")) {
            JsonNode meta = required(m, "metadata", at);
            object(meta, at + ".metadata");
            String name = string(required(meta, "name", at + ".metadata"), at + ".metadata.name");
            Map<String, String> annotations = stringMap(meta.get("annotations"), at + ".metadata.annotations");
            JsonNode spec = m.get("spec");
            String sat = at + ".spec";
            if (spec == null || spec.isNull()) {
                spec = new ObjectNode();
            }
            object(spec, sat);
            return machineConfig(
                    name,
                    stringMap(meta.get("labels"), at + ".metadata.labels"),
                    spec.get("config"),
                    sat + ".config",
                    spec,
                    sat,
                    annotations.containsKey(GENERATED_ANNOTATION));
        }
        String name = named ? string(required(m, "name", at), at + ".name") : optString(m.get("name"), at + ".name");
        return machineConfig(
                name == null ? "config" : name,
                stringMap(m.get("labels"), at + ".labels"),
                m.get("ignition"),
                at + ".ignition",
                m,
                at,
                bool(m.get("generated"), at + ".generated", false));
    }

    /** MCO's marker of a controller-generated MachineConfig. */
    static final String GENERATED_ANNOTATION = "machineconfiguration.openshift.io/generated-by-controller-version";

    static MachineConfig machineConfig(
            String name,
            Map<String, String> labels,
            @Nullable JsonNode ignition,
            String iat,
            JsonNode fields,
            String at,
            boolean generated) {
        if (name.isBlank()) {
            throw SnapshotRule.FIELD_BLANK.exception(at + ".name", "must not be blank");
        }
        dev.coreos4j.ignition.Config config = dev.coreos4j.ignition.Config.EMPTY;
        if (ignition != null && !ignition.isNull()) {
            object(ignition, iat);
            dev.coreos4j.ignition.ParseResult parsed = dev.coreos4j.ignition.Ignition.parse(Json.compact(ignition));
            if (!parsed.isValid()) {
                dev.coreos4j.problem.Problem e = parsed.report().errors().get(0);
                throw SnapshotRule.IGNITION_INVALID.exception(
                        ignitionPath(iat, e.location().path()), "invalid Ignition config: " + e.message());
            }
            config = java.util.Objects.requireNonNull(parsed.config(), "a valid parse has a config");
        }
        String kernelType = optString(fields.get("kernelType"), at + ".kernelType");
        if (kernelType != null && !MachineConfig.KERNEL_TYPES.contains(kernelType)) {
            throw SnapshotRule.FIELD_VALUE.exception(
                    at + ".kernelType", "must be default, realtime or 64k-pages, got \"" + kernelType + "\"");
        }
        String image = optString(fields.get("osImageURL"), at + ".osImageURL");
        return new MachineConfig(
                name,
                labels,
                config,
                stringList(fields.get("kernelArguments"), at + ".kernelArguments"),
                stringList(fields.get("extensions"), at + ".extensions"),
                bool(fields.get("fips"), at + ".fips", false),
                kernelType,
                image,
                generated);
    }

    /** The snapshot path of an Ignition path: {@code $.storage.files[0].path} → {@code at.storage.files[0].path}. */
    static JsonPath ignitionPath(String at, @Nullable JsonPath ignitionPath) {
        JsonPath base = JsonPath.parse(at);
        if (ignitionPath == null) {
            return base;
        }
        List<JsonPath.Segment> segments = new ArrayList<>(base.segments());
        segments.addAll(ignitionPath.segments());
        return JsonPath.of(segments);
    }

    /**
     * A {@code configs} entry in the render form: {@code pool}, {@code osImageURL} (the cluster's image),
     * {@code osImageStream}, {@code machineConfigs[]}.
     */
    static Rendering rendered(JsonNode c, String at) {
        String pool = optString(c.get("pool"), at + ".pool");
        if (pool != null && pool.isBlank()) {
            throw SnapshotRule.FIELD_BLANK.exception(at + ".pool", "must not be blank");
        }
        List<MachineConfig> mcs = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        int i = 0;
        for (JsonNode m : array(c.get("machineConfigs"), at + ".machineConfigs")) {
            String mat = at + ".machineConfigs[" + i++ + "]";
            mcs.add(machineConfig(m, mat, true));
            paths.add(mat);
        }
        try {
            return Renderer.render(
                    pool == null ? "pool" : pool,
                    mcs,
                    optString(c.get("osImageURL"), at + ".osImageURL"),
                    optString(c.get("osImageStream"), at + ".osImageStream"));
        } catch (RenderException e) {
            String where = at + ".machineConfigs";
            for (int k = 0; k < mcs.size(); k++) {
                if (mcs.get(k).name().equals(e.machineConfig())) {
                    where = paths.get(k);
                }
            }
            throw SnapshotRule.INCONSISTENT.exception(where, e.getMessage());
        }
    }

    static String writeMachineConfig(MachineConfig mc) {
        ObjectNode root = new ObjectNode();
        root.put("apiVersion", "machineconfiguration.openshift.io/v1");
        root.put("kind", "MachineConfig");
        ObjectNode meta = root.putObject("metadata");
        meta.put("name", mc.name());
        if (!mc.labels().isEmpty()) {
            ObjectNode labels = meta.putObject("labels");
            mc.labels().forEach(labels::put);
        }
        if (mc.generated()) {
            meta.putObject("annotations").put(GENERATED_ANNOTATION, "coreos4j");
        }
        ObjectNode spec = root.putObject("spec");
        spec.set("config", ignitionTree(mc.config()));
        ArrayNode kargs = spec.putArray("kernelArguments");
        mc.kernelArguments().forEach(kargs::add);
        ArrayNode ext = spec.putArray("extensions");
        mc.extensions().forEach(ext::add);
        spec.put("fips", mc.fips());
        spec.put("kernelType", mc.kernelType() == null ? "default" : mc.kernelType());
        if (mc.osImageURL() != null) {
            spec.put("osImageURL", mc.osImageURL());
        }
        return Json.pretty(root) + "\n";
    }

    static String writeIgnition(dev.coreos4j.ignition.Config config) {
        return Json.pretty(ignitionTree(config)) + "\n";
    }

    static JsonNode ignitionTree(dev.coreos4j.ignition.Config config) {
        dev.coreos4j.ignition.SpecVersion v = dev.coreos4j.ignition.SpecVersion.V3_7_0_EXPERIMENTAL
                        .toString()
                        .equals(config.ignition().version())
                ? dev.coreos4j.ignition.SpecVersion.V3_7_0_EXPERIMENTAL
                : dev.coreos4j.ignition.SpecVersion.latestStable();
        byte[] json = dev.coreos4j.ignition.Ignition.write(config, v);
        return Objects.requireNonNull(Json.parse(new String(json, java.nio.charset.StandardCharsets.UTF_8)));
    }
}
