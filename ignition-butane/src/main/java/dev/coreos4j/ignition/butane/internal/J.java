package dev.coreos4j.ignition.butane.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The Ignition output tree, each value remembering the YAML path it was translated from (Butane's translation
 * set, carried by the values so merging keeps it right).
 */
public final class J {
    private J() {}

    /** An Ignition object of a {@link Schema} type (the JSON field order is the type's). */
    public static final class Obj {
        public final String type;
        public final Map<String, Object> f = new LinkedHashMap<>();
        public final Map<String, String> src = new HashMap<>();
        public @Nullable String self;

        public Obj(String type, @Nullable String self) {
            this.type = type;
            this.self = self;
        }

        public Obj put(String field, @Nullable Object value, @Nullable String from) {
            f.put(field, value);
            if (from != null) {
                src.put(field, from);
            }
            return this;
        }

        public @Nullable String str(String field) {
            return f.get(field) instanceof String s ? s : null;
        }

        public @Nullable Obj obj(String field) {
            return f.get(field) instanceof Obj o ? o : null;
        }

        /** The nested object, created (from {@code from}) when absent. */
        public Obj objOrNew(String field, String type, String from) {
            Obj o = obj(field);
            if (o == null) {
                o = new Obj(type, from);
                put(field, o, from);
            }
            return o;
        }

        public @Nullable Arr arr(String field) {
            return f.get(field) instanceof Arr a ? a : null;
        }

        public Arr arrOrNew(String field, String from) {
            Arr a = arr(field);
            if (a == null) {
                a = new Arr(from);
                put(field, a, from);
            }
            return a;
        }
    }

    /** A JSON array; items {@link Obj} or scalars. */
    public static final class Arr {
        public final List<Object> items = new ArrayList<>();
        public final List<String> src = new ArrayList<>();
        public @Nullable String self;

        public Arr(@Nullable String self) {
            this.self = self;
        }

        public int add(Object item, @Nullable String from) {
            items.add(item);
            src.add(from);
            return items.size() - 1;
        }
    }

    /** Every JSON path of the tree mapped to the YAML path it came from (nearest known origin when unrecorded). */
    public static Map<String, String> paths(Obj root, String prefix) {
        Map<String, String> out = new HashMap<>();
        walk(root, prefix, Objects.requireNonNull(root.self, "a tree's root names its origin"), out);
        return out;
    }

    private static void walk(Object v, String path, String origin, Map<String, String> out) {
        if (v instanceof Obj o) {
            String self = o.self != null ? o.self : origin;
            out.put(path, self);
            for (Map.Entry<String, Object> e : o.f.entrySet()) {
                String from = o.src.getOrDefault(e.getKey(), self);
                walk(e.getValue(), path + "." + e.getKey(), from, out);
            }
        } else if (v instanceof Arr a) {
            String self = a.self != null ? a.self : origin;
            out.put(path, self);
            for (int i = 0; i < a.items.size(); i++) {
                String from = a.src.get(i) != null ? a.src.get(i) : self;
                walk(a.items.get(i), path + "." + i, from, out);
            }
        } else {
            out.put(path, origin);
        }
    }
}
