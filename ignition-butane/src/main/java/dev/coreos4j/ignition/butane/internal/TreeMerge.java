package dev.coreos4j.ignition.butane.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Ignition's parent/child merge on output trees, as Butane's {@code MergeTranslatedConfigs} uses it to put the
 * user's config (child) over desugared sections (parent): the child's scalars win, objects merge recursively,
 * {@code options}/{@code mountOptions}/{@code append} lists concatenate, every other list is keyed (files,
 * directories and links share the {@code path} key space; parent items keep their place, new child items follow).
 * Each value keeps the YAML origin of the side it came from.
 */
public final class TreeMerge {
    private TreeMerge() {}

    private static final Set<String> CONCATENATED =
            Set.of("Raid.options", "Filesystem.options", "Filesystem.mountOptions", "File.append", "Luks.options");

    public static J.Obj merge(J.Obj parent, J.Obj child) {
        J.Obj out = new J.Obj(child.type, child.self != null ? child.self : parent.self);
        List<String> order = Objects.requireNonNull(JsonOut.order(child.type), child.type); // never a map
        @Nullable Map<String, String[]> childSpace = null;
        if (child.type.equals("Storage")) {
            childSpace = new HashMap<>();
            for (String list : List.of("files", "directories", "links")) {
                J.Arr a = child.arr(list);
                if (a != null) {
                    for (Object item : a.items) {
                        childSpace.put(keyOf(item), new String[] {list});
                    }
                }
            }
        }
        for (String k : order) {
            Object p = parent.f.get(k);
            Object c = child.f.get(k);
            if (p == null && c == null) {
                continue;
            }
            if (p == null) {
                out.put(k, c, child.src.get(k));
                continue;
            }
            if (c == null) {
                if (p instanceof J.Arr pa && childSpace != null) {
                    J.Arr kept = new J.Arr(pa.self);
                    for (int i = 0; i < pa.items.size(); i++) {
                        if (!childSpace.containsKey(keyOf(pa.items.get(i)))) {
                            kept.add(pa.items.get(i), pa.src.get(i));
                        }
                    }
                    out.put(k, kept, parent.src.get(k));
                } else {
                    out.put(k, p, parent.src.get(k));
                }
                continue;
            }
            if (p instanceof J.Obj po && c instanceof J.Obj co) {
                out.put(k, merge(po, co), child.src.getOrDefault(k, parent.src.get(k)));
            } else if (p instanceof J.Arr pa && c instanceof J.Arr ca) {
                out.put(
                        k,
                        CONCATENATED.contains(child.type + "." + k) ? concat(pa, ca) : keyed(pa, ca, childSpace),
                        child.src.getOrDefault(k, parent.src.get(k)));
            } else {
                out.put(k, c, child.src.get(k));
            }
        }
        return out;
    }

    private static J.Arr concat(J.Arr p, J.Arr c) {
        J.Arr out = new J.Arr(c.self);
        for (int i = 0; i < p.items.size(); i++) {
            out.add(p.items.get(i), p.src.get(i));
        }
        for (int i = 0; i < c.items.size(); i++) {
            out.add(c.items.get(i), c.src.get(i));
        }
        return out;
    }

    private static J.Arr keyed(J.Arr p, J.Arr c, @Nullable Map<String, String[]> space) {
        Map<String, Integer> childIndex = new HashMap<>();
        for (int i = 0; i < c.items.size(); i++) {
            childIndex.putIfAbsent(keyOf(c.items.get(i)), i);
        }
        J.Arr out = new J.Arr(c.self);
        boolean[] used = new boolean[c.items.size()];
        for (int i = 0; i < p.items.size(); i++) {
            Object pi = p.items.get(i);
            String key = keyOf(pi);
            Integer ci = childIndex.get(key);
            if (ci != null) {
                used[ci] = true;
                Object cv = c.items.get(ci);
                if (pi instanceof J.Obj po && cv instanceof J.Obj co) {
                    out.add(merge(po, co), c.src.get(ci));
                } else {
                    out.add(cv, c.src.get(ci));
                }
            } else if (space != null && space.containsKey(key)) {

            } else {
                out.add(pi, p.src.get(i));
            }
        }
        for (int i = 0; i < c.items.size(); i++) {
            if (!used[i]) {
                out.add(c.items.get(i), c.src.get(i));
            }
        }
        return out;
    }

    /** Ignition's list key of an item. */
    public static String keyOf(Object item) {
        if (!(item instanceof J.Obj o)) {
            return String.valueOf(item);
        }
        switch (o.type) {
            case "File", "Directory", "Link" -> {
                return nz(o.str("path"));
            }
            case "Disk", "Filesystem" -> {
                return nz(o.str("device"));
            }
            case "Partition" -> {
                Object n = o.f.get("number");
                if (n instanceof Long l && l != 0) {
                    return "number:" + l;
                }
                String label = o.str("label");
                return label != null ? "label:" + label : "";
            }
            case "Tang" -> {
                return nz(o.str("url"));
            }
            case "Resource", "RefResource" -> {
                return nz(o.str("source"));
            }
            default -> {
                return nz(o.str("name"));
            }
        }
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
