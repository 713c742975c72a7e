package dev.coreos4j.ignition.butane.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Decodes YAML nodes into Butane structs as go-yaml decodes into Butane's Go structs: go-yaml's scalar resolution
 * and type errors ({@code cannot unmarshal !!str `abc` into int}), null as absent, any scalar accepted as a string,
 * YAML 1.1 booleans ({@code yes}/{@code on}...) into bool fields, floats truncated into ints. Keys the struct lacks
 * become {@code unused key} warnings (Butane's unused-key check). Records every YAML path's position.
 */
public final class Decoder {
    private final Variants.Version version;
    private final Issues issues;
    /** YAML path → {line, column}. */
    public final Map<String, int[]> positions = new HashMap<>();

    private final List<Issues.Issue> typeErrors = new ArrayList<>();

    public Decoder(Variants.Version version, Issues issues) {
        this.version = version;
        this.issues = issues;
    }

    /** Whether decoding hit a type error (fatal in Butane, before anything else is checked). */
    public boolean failed() {
        return !typeErrors.isEmpty();
    }

    public List<Issues.Issue> typeErrors() {
        return typeErrors;
    }

    /** Decodes the root mapping as the variant's root struct (variant and version keys are known). */
    public BObj root(YNode.YMap root) {
        BObj out = new BObj(Schema.type("Config"), "$");
        positions.put("$", new int[] {root.line(), root.column()});
        Map<String, Schema.Field> fields = new HashMap<>(fieldsOf(out.type));
        for (String extra : version.rootExtras()) {
            fields.put(extra, Variants.rootField(extra));
        }
        fillStruct(out, root, fields, true);
        return out;
    }

    private final Map<Schema.Type, Map<String, Schema.Field>> fieldCache = new HashMap<>();

    private Map<String, Schema.Field> fieldsOf(Schema.Type t) {
        return fieldCache.computeIfAbsent(t, x -> {
            Map<String, Schema.Field> by = new HashMap<>();
            for (Schema.Field f : Schema.fields(x, version.ignitionMinor(), version.fcosMinor())) {
                by.put(f.yaml(), f);
            }
            return by;
        });
    }

    private void typeError(String path, YNode n, String goType) {
        String value = "";
        if (n instanceof YNode.YScalar s) {
            String text = s.value();
            value = text.length() > 10 ? " `" + text.substring(0, 7) + "...`" : " `" + text + "`";
        }
        typeErrors.add(Issues.Issue.of(
                ButaneRule.YAML_TYPE,
                path,
                "cannot unmarshal " + n.kindTag() + value + " into " + goType,
                n.line(),
                n.column()));
    }

    private String goType(Schema.Type t) {
        String pkg = t.base() ? version.basePackage() : version.variantPackage();
        return pkg + "." + t.name().replace("RefResource", "Resource");
    }

    private void fillStruct(BObj out, YNode.YMap map, Map<String, Schema.Field> by, boolean root) {
        for (YNode.Entry e : map.entries()) {
            String key = e.key().value();
            String path = out.path + "." + key;
            positions.putIfAbsent(path, new int[] {e.value().line(), e.value().column()});
            if (root && (key.equals("variant") || key.equals("version"))) {
                continue;
            }
            Schema.Field f = by.get(key);
            if (f == null) {
                issues.at(
                        ButaneRule.UNUSED_KEY,
                        path,
                        ButaneRule.UNUSED_KEY.message(key),
                        e.key().line(),
                        e.key().column());
                continue;
            }
            Object v = value(f, e.value(), path);
            if (v != null) {
                out.v.put(key, v);
            }
        }
    }

    private @Nullable Object value(Schema.Field f, YNode n, String path) {
        boolean isNull = n instanceof YNode.YScalar s && s.isNull();
        switch (f.kind()) {
            case STR, KEY -> {
                if (isNull) {
                    return null;
                }
                if (n instanceof YNode.YScalar s) {
                    return s.value();
                }
                typeError(path, n, "string");
                return null;
            }
            case INT, NUM -> {
                return isNull ? null : integer(n, path);
            }
            case BOOL -> {
                return isNull ? null : bool(n, path);
            }
            case OBJ -> {
                if (isNull) {
                    return null;
                }
                Schema.Type t =
                        Schema.type(Objects.requireNonNull(f.type(), f.yaml())); // OBJ and OBJS fields name their type
                if (!(n instanceof YNode.YMap m)) {
                    typeError(path, n, goType(t));
                    return null;
                }
                return struct(t, m, path);
            }
            case OBJS -> {
                if (isNull) {
                    return null;
                }
                Schema.Type t =
                        Schema.type(Objects.requireNonNull(f.type(), f.yaml())); // OBJ and OBJS fields name their type
                if (!(n instanceof YNode.YSeq seq)) {
                    typeError(path, n, "[]" + goType(t));
                    return null;
                }
                List<BObj> items = new ArrayList<>(seq.items().size());
                for (int i = 0; i < seq.items().size(); i++) {
                    YNode item = seq.items().get(i);
                    String ip = path + "." + i;
                    positions.putIfAbsent(ip, new int[] {item.line(), item.column()});
                    if (item instanceof YNode.YMap m) {
                        items.add(struct(t, m, ip));
                    } else if (item instanceof YNode.YScalar s && s.isNull()) {
                        items.add(new BObj(t, ip));
                    } else {
                        typeError(ip, item, goType(t));
                    }
                }
                return items;
            }
            case STRS -> {
                if (isNull) {
                    return null;
                }
                if (!(n instanceof YNode.YSeq seq)) {
                    typeError(path, n, "[]string");
                    return null;
                }
                List<String> items = new ArrayList<>(seq.items().size());
                for (int i = 0; i < seq.items().size(); i++) {
                    YNode item = seq.items().get(i);
                    String ip = path + "." + i;
                    positions.putIfAbsent(ip, new int[] {item.line(), item.column()});
                    if (item instanceof YNode.YScalar s) {
                        items.add(s.isNull() ? "" : s.value());
                    } else {
                        typeError(ip, item, "string");
                    }
                }
                return items;
            }
            case MAP -> {
                if (isNull) {
                    return null;
                }
                if (!(n instanceof YNode.YMap m)) {
                    typeError(path, n, "map[string]string");
                    return null;
                }
                Map<String, String> out = new LinkedHashMap<>();
                for (YNode.Entry e : m.entries()) {
                    String ip = path + "." + e.key().value();
                    positions.putIfAbsent(
                            ip, new int[] {e.value().line(), e.value().column()});
                    if (e.value() instanceof YNode.YScalar s) {
                        out.put(e.key().value(), s.isNull() ? "" : s.value());
                    } else {
                        typeError(ip, e.value(), "string");
                    }
                }
                return out;
            }
            default -> throw new IllegalStateException(f.kind().toString());
        }
    }

    private @Nullable BObj struct(Schema.Type t, YNode.YMap m, String path) {
        BObj out = new BObj(t, path);
        fillStruct(out, m, fieldsOf(t), false);
        return out;
    }

    private @Nullable Long integer(YNode n, String path) {
        if (n instanceof YNode.YScalar s) {
            Object r = GoYaml.resolve(s);
            if (r instanceof Long l) {
                return l;
            }
            if (r instanceof Double d && !d.isNaN() && d <= 9.223372036854776E+18 && d >= -9.223372036854776E+18) {
                return d.longValue();
            }
            if (r instanceof BigInteger) {
                typeError(path, n, "int");
                return null;
            }
        }
        typeError(path, n, "int");
        return null;
    }

    private @Nullable Boolean bool(YNode n, String path) {
        if (n instanceof YNode.YScalar s) {
            Object r = GoYaml.resolve(s);
            if (r instanceof Boolean b) {
                return b;
            }
            if (r instanceof String str) {
                switch (str) {
                    case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON" -> {
                        return Boolean.TRUE;
                    }
                    case "n", "N", "no", "No", "NO", "off", "Off", "OFF" -> {
                        return Boolean.FALSE;
                    }
                    default -> {}
                }
            }
        }
        typeError(path, n, "bool");
        return null;
    }
}
