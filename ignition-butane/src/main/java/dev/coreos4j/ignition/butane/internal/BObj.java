package dev.coreos4j.ignition.butane.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A decoded Butane struct: the fields the YAML set (absent fields are absent), values {@link String},
 * {@link Long}, {@link Boolean}, {@link BObj}, {@code List} of {@link BObj} or {@link String}, or a
 * {@code Map<String, String>}.
 */
public final class BObj {
    public final Schema.Type type;
    /** The YAML path, {@code $.storage.files.0}. */
    public final String path;

    public final Map<String, Object> v = new LinkedHashMap<>();

    BObj(Schema.Type type, String path) {
        this.type = type;
        this.path = path;
    }

    public @Nullable String str(String field) {
        Object o = v.get(field);
        return o instanceof String s ? s : null;
    }

    /** A key field: {@code ""} when absent. */
    public String key(String field) {
        String s = str(field);
        return s == null ? "" : s;
    }

    public @Nullable Long num(String field) {
        Object o = v.get(field);
        return o instanceof Long l ? l : null;
    }

    public boolean isTrue(String field) {
        return Boolean.TRUE.equals(v.get(field));
    }

    public boolean has(String field) {
        return v.containsKey(field);
    }

    /** A nested struct; an empty one when absent. */
    public BObj obj(String field) {
        Object o = v.get(field);
        if (o instanceof BObj b) {
            return b;
        }
        Schema.Field f = type.byYaml().get(field);
        String t = f != null ? f.type() : Variants.rootField(field).type();
        return new BObj(
                Schema.type(Objects.requireNonNull(t, field)), path + "." + field); // OBJ fields name their type
    }

    @SuppressWarnings("unchecked")
    public List<BObj> objs(String field) {
        Object o = v.get(field);
        return o instanceof List<?> l ? (List<BObj>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    public List<String> strs(String field) {
        Object o = v.get(field);
        return o instanceof List<?> l ? (List<String>) l : List.of();
    }

    public String at(String field) {
        return path + "." + field;
    }
}
