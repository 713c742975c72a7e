package dev.coreos4j.ignition.butane.internal;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.ParseResult;
import dev.coreos4j.ignition.Report;
import dev.coreos4j.ignition.butane.ButaneOptions;
import dev.coreos4j.ignition.butane.ButaneResult;
import dev.coreos4j.ignition.butane.MachineConfig;
import dev.coreos4j.problem.JsonPath;
import dev.coreos4j.problem.Location;
import dev.coreos4j.problem.Position;
import dev.coreos4j.problem.Problem;
import dev.coreos4j.problem.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Butane's {@code TranslateBytes}: YAML, variant and version, decode (type errors are fatal), unused keys, struct
 * validation, translation, variant layers, field filters, then Ignition's validation of the result, every entry
 * mapped back to a YAML path and position.
 */
public final class Pipeline {
    private Pipeline() {}

    public static List<String> supported() {
        List<String> out = new ArrayList<>();
        for (Variants.Version v : Variants.all()) {
            out.add(v.variant() + " " + v.version() + " -> " + v.ignition());
        }
        return out;
    }

    private static ButaneResult fail(
            @Nullable String variant, @Nullable String version, Variants.@Nullable Version v, Report report) {
        return fail(
                variant,
                version,
                v,
                report,
                report.errors().isEmpty()
                        ? "source config is invalid"
                        : report.errors().get(0).message());
    }

    private static ButaneResult fail(
            @Nullable String variant,
            @Nullable String version,
            Variants.@Nullable Version v,
            Report report,
            String why) {
        return new ButaneResult(
                variant, version, v == null ? null : v.ignition(), null, null, null, report, Map.of(), why);
    }

    private static Report one(
            @org.jspecify.annotations.Nullable String path, ButaneRule rule, String message, int line, int column) {
        return new Report(List.of(
                problem(rule.severity(), path, rule.code(), message, line > 0 ? new Position(line, column) : null)));
    }

    /** A problem at a dotted YAML path (or none) and position (or none). */
    static Problem problem(
            Severity severity,
            @org.jspecify.annotations.Nullable String path,
            String code,
            String message,
            @org.jspecify.annotations.Nullable Position position) {
        Location at = new Location(null, path == null ? null : YamlPaths.parse(path), null, position);
        return new Problem(severity, code, message, at);
    }

    public static ButaneResult run(byte[] input, ButaneOptions opts) {
        Yaml.Parsed parsed = Yaml.parse(input);
        if (parsed.problem() != null) {
            Yaml.Problem p = parsed.problem();
            return fail(null, null, null, one(null, ButaneRule.YAML_SYNTAX, p.message(), p.line(), p.column()));
        }
        YNode root = parsed.root();
        if (root instanceof YNode.YScalar s && s.isNull()) {
            root = null;
        }
        if (root != null && !(root instanceof YNode.YMap)) {
            String text = root instanceof YNode.YScalar s
                    ? " `" + (s.value().length() > 10 ? s.value().substring(0, 7) + "..." : s.value()) + "`"
                    : "";
            return fail(
                    null,
                    null,
                    null,
                    one(
                            "$",
                            ButaneRule.YAML_TYPE,
                            "cannot unmarshal " + root.kindTag() + text + " into config.commonFields",
                            root.line(),
                            root.column()));
        }
        YNode.YMap map = (YNode.YMap) root;
        String variant = "";
        String versionText = "";
        YNode variantNode = null;
        YNode versionNode = null;
        if (map != null) {
            for (YNode.Entry e : map.entries()) {
                String k = e.key().value();
                if (k.equals("variant") || k.equals("version")) {
                    if (!(e.value() instanceof YNode.YScalar s)) {
                        return fail(
                                null,
                                null,
                                null,
                                one(
                                        "$." + k,
                                        ButaneRule.YAML_TYPE,
                                        "cannot unmarshal " + e.value().kindTag() + " into string",
                                        e.value().line(),
                                        e.value().column()));
                    }
                    String val = s.isNull() ? "" : s.value();
                    if (k.equals("variant")) {
                        variant = val;
                        variantNode = s;
                    } else {
                        versionText = val;
                        versionNode = s;
                    }
                }
            }
        }
        int vl = variantNode != null ? variantNode.line() : map != null ? map.line() : 0;
        int vc = variantNode != null ? variantNode.column() : map != null ? map.column() : 0;
        if (variant.isEmpty()) {
            return fail(
                    null, null, null, one("$.variant", ButaneRule.NO_VARIANT, ButaneRule.NO_VARIANT.text(), vl, vc));
        }
        String version = Variants.canonicalSemver(versionText);
        int rl = versionNode != null ? versionNode.line() : vl;
        int rc = versionNode != null ? versionNode.column() : vc;
        if (version == null) {
            return fail(
                    variant,
                    null,
                    null,
                    one("$.version", ButaneRule.INVALID_VERSION, ButaneRule.INVALID_VERSION.text(), rl, rc));
        }
        if (variant.equals("rhcos") && version.equals("0.1.0")) {
            return fail(
                    variant,
                    version,
                    null,
                    one(
                            "$.variant",
                            ButaneRule.RHCOS_VARIANT_UNSUPPORTED,
                            ButaneRule.RHCOS_VARIANT_UNSUPPORTED.text(),
                            vl,
                            vc));
        }
        Variants.Version ver = Variants.find(variant, version);
        if (ver == null) {
            return fail(
                    variant,
                    version,
                    null,
                    one(
                            "$.version",
                            ButaneRule.UNKNOWN_VERSION,
                            ButaneRule.UNKNOWN_VERSION.message(variant, version),
                            rl,
                            rc));
        }
        // an empty document has no variant, so there is a mapping here
        return new Pipeline.Run(ver, opts).run(Objects.requireNonNull(map, "map"));
    }

    /** One translation. */
    private static final class Run {
        final Variants.Version ver;
        final ButaneOptions opts;
        final Issues issues = new Issues();
        final Decoder decoder;
        Map<String, String> paths = Map.of();
        boolean mcPaths;

        Run(Variants.Version ver, ButaneOptions opts) {
            this.ver = ver;
            this.opts = opts;
            this.decoder = new Decoder(ver, issues);
        }

        ButaneResult failed() {
            return fail(ver.variant(), ver.version(), ver, report(), "source config is invalid");
        }

        ButaneResult run(YNode.YMap map) {
            BObj root = decoder.root(map);
            if (decoder.failed()) {
                issues.list.clear();
                issues.list.addAll(decoder.typeErrors());
                return fail(ver.variant(), ver.version(), ver, report(), "yaml: unmarshal errors");
            }
            Translator t = new Translator(ver, opts, issues);
            t.validate(root);
            if (issues.fatal()) {
                return failed();
            }
            J.Obj config = t.translateBase(root);
            if (config == null) {
                return failed();
            }
            config = Fcos.translate(t, root, config);
            J.Obj mc = null;
            boolean machineConfigOut = ver.openshift() && !opts.raw();
            if (ver.openshift()) {
                mc = OpenShift.machineConfig(t, root, config);
                mcPaths = true;
                paths = J.paths(mc, "$");
                if (opts.raw()) {
                    OpenShift.elided(t, mc);
                }
            } else {
                paths = J.paths(config, "$");
            }
            if (issues.fatal()) {
                return failed();
            }
            if (machineConfigOut) {
                OpenShift.filters(t, config);
                if (issues.fatal()) {
                    return failed();
                }
            }
            byte[] json = JsonOut.write(config, false);
            ParseResult validated = Ignition.parse(json);
            for (Problem e : validated.report().entries()) {
                String dotted = Report.dottedPath(e);
                String p = dotted == null ? "$" : dotted;
                issues.relay(e.severity(), mcPaths ? "$.spec.config" + p.substring(1) : p, true, e.code(), e.message());
            }
            if (issues.fatal() || validated.config() == null) {
                return fail(ver.variant(), ver.version(), ver, report(), "config generated was invalid");
            }
            Report report = report();
            Config model = validated.config().withVersion(ver.ignition().toString());
            MachineConfig machine = null;
            byte[] output;
            if (machineConfigOut) {
                J.Obj tree = Objects.requireNonNull(mc, "mc"); // built for every openshift variant
                machine = machineConfig(tree, model);
                output = opts.machineConfigJson() ? JsonOut.write(tree, opts.pretty()) : YamlOut.write(tree);
            } else {
                output = opts.pretty() ? JsonOut.write(config, true) : json;
            }
            if (opts.strict() && !report.entries().isEmpty()) {
                return new ButaneResult(
                        ver.variant(),
                        ver.version(),
                        ver.ignition(),
                        model,
                        machine,
                        null,
                        report,
                        jsonPaths(paths),
                        "Config produced warnings and --strict was specified");
            }
            Map<String, String> outPaths = machineConfigOut ? paths : ver.openshift() ? J.paths(config, "$") : paths;
            return new ButaneResult(
                    ver.variant(),
                    ver.version(),
                    ver.ignition(),
                    model,
                    machine,
                    output,
                    report,
                    jsonPaths(outPaths),
                    null);
        }

        /** The translation map's dotted paths as {@link JsonPath}s, as the result publishes them. */
        private static Map<JsonPath, JsonPath> jsonPaths(Map<String, String> dotted) {
            Map<JsonPath, JsonPath> out = new LinkedHashMap<>();
            dotted.forEach((json, yaml) -> out.put(YamlPaths.parse(json), YamlPaths.parse(yaml)));
            return out;
        }

        private static MachineConfig machineConfig(J.Obj mc, Config model) {
            // OpenShift.machineConfig always builds metadata (with name and labels) and spec
            J.Obj meta = Objects.requireNonNull(mc.obj("metadata"), "metadata");
            Map<String, String> labels = new LinkedHashMap<>();
            J.Obj l = Objects.requireNonNull(meta.obj("labels"), "labels");
            l.f.forEach((k, v) -> labels.put(k, (String) v));
            J.Obj spec = Objects.requireNonNull(mc.obj("spec"), "spec");
            return new MachineConfig(
                    Objects.requireNonNull(meta.str("name"), "name"),
                    labels,
                    model,
                    strings(spec.arr("kernelArguments")),
                    strings(spec.arr("extensions")),
                    (Boolean) spec.f.get("fips"),
                    spec.str("kernelType"));
        }

        private static List<String> strings(J.@Nullable Arr a) {
            List<String> out = new ArrayList<>();
            if (a != null) {
                for (Object o : a.items) {
                    out.add((String) o);
                }
            }
            return out;
        }

        /** A JSON path of the output mapped to a YAML path (Butane's snake_case fallback when unrecorded). */
        private String yamlPath(String jsonPath) {
            String exact = paths.get(jsonPath);
            if (exact != null) {
                return exact;
            }
            String p = jsonPath;
            if (mcPaths && p.startsWith("$.spec.config")) {
                p = "$" + p.substring("$.spec.config".length());
            }
            StringBuilder b = new StringBuilder("$");
            for (String seg : p.substring(1).split("\\.", -1)) {
                if (!seg.isEmpty()) {
                    b.append('.').append(Schema.snake(seg));
                }
            }
            return b.toString();
        }

        private int @Nullable [] position(String yamlPath) {
            String p = yamlPath;
            while (p != null) {
                int[] pos = decoder.positions.get(p);
                if (pos != null) {
                    return pos;
                }
                int dot = p.lastIndexOf('.');
                p = dot < 0 ? null : p.substring(0, dot);
            }
            return null;
        }

        Report report() {
            List<Problem> out = new ArrayList<>();
            for (Issues.Issue i : issues.list) {
                String raw = i.path();
                String path = i.json() && raw != null ? yamlPath(raw) : raw;
                Position at = null;
                if (i.line() > 0) {
                    at = new Position(i.line(), i.column());
                } else if (path != null) {
                    int[] pos = position(path);
                    if (pos != null) {
                        at = new Position(pos[0], pos[1]);
                    }
                }
                out.add(problem(i.severity(), path, i.code(), i.message(), at));
            }
            return new Report(out);
        }
    }
}
