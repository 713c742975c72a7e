package dev.coreos4j.ignition.merge;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.problem.JsonPath;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Ignition's parent/child config merge ({@code config/merge} in Ignition 2.26), with a {@link Transcript}.
 *
 * <p>Rules, applied field by field in the model's (Ignition's) field order:
 * <ul>
 *   <li>list keys ({@code path}, {@code name}, {@code device}, {@code url}), partition {@code number} and
 *       {@code ignition.version}: the child's value, unconditionally;</li>
 *   <li>optional scalars: the child's value when it is non-null, else the parent's (so a child's {@code false},
 *       {@code ""} or {@code 0} overrides);</li>
 *   <li>objects: merged recursively;</li>
 *   <li>{@code raid.options}, {@code filesystems.options}, {@code filesystems.mountOptions}, {@code files.append}
 *       and {@code luks.options}: parent items followed by child items;</li>
 *   <li>every other list is keyed (§4.2 of the spec digest): parent items in order, each merged with the child
 *       item of the same key, or dropped when the child has that key in another list of a shared key space
 *       ({@code files}/{@code directories}/{@code links} by path; {@code kernelArguments.shouldExist}/
 *       {@code shouldNotExist}), or dropped when it is an HTTP header whose child has a null {@code value}; then the
 *       child items whose key the parent list lacks, in child order.</li>
 * </ul>
 * Consequently a child can never shorten a list, and a child file that only sets {@code contents.source} inherits
 * the parent's {@code contents.compression} and hash (coreos/ignition#1327): set them explicitly in the child (the
 * {@code dev.coreos4j.ignition.builder} file builders always do). The result is not validated.
 *
 * <p>Stateless and thread-safe.
 */
public final class Merge {

    /** Non-pointer Go fields: the child's value is taken unconditionally. */
    private static final Set<String> PRIMITIVE = Set.of(
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

    /** Lists merged by concatenation (Ignition's "ignore duplicates" lists). */
    private static final Set<String> CONCATENATED =
            Set.of("Raid.options", "Filesystem.options", "Filesystem.mountOptions", "File.append", "Luks.options");

    /** Lists sharing one key space, per owning record. */
    private static final Map<Class<?>, List<String>> SHARED_SPACES = Map.of(
            Config.Storage.class, List.of("files", "directories", "links"),
            Config.KernelArguments.class, List.of("shouldExist", "shouldNotExist"));

    private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();

    private final List<Transcript.Mapping> mappings = new ArrayList<>();

    private Merge() {}

    /**
     * Merges {@code child} over {@code parent} as Ignition does when a config references another through
     * {@code ignition.config.merge} (the parent is the referencing config, the child the referenced one).
     *
     * @return the merged config and its transcript
     * @throws NullPointerException if an argument is null
     */
    public static MergeResult merge(Config parent, Config child) {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(child, "child");
        Merge m = new Merge();
        Config result = (Config) m.struct(parent, child, JsonPath.ROOT, JsonPath.ROOT, JsonPath.ROOT);
        return new MergeResult(result, new Transcript(m.mappings));
    }

    /**
     * The key of a list item in Ignition's merge and duplicate checks: {@code path}, {@code name}, {@code device},
     * {@code url}, a resource's {@code source} (null as {@code ""}), a partition's {@code number:N} (N ≠ 0) or
     * {@code label:L} (label set) or {@code ""}, a string item itself.
     *
     * @throws IllegalArgumentException if {@code item} is not a list item of the model
     */
    public static String keyOf(Object item) {
        Objects.requireNonNull(item, "item");
        if (item instanceof String s) {
            return s;
        } else if (item instanceof Config.Resource r) {
            return r.source() == null ? "" : r.source();
        } else if (item instanceof Config.HttpHeader h) {
            return h.name();
        } else if (item instanceof Config.Partition p) {
            if (p.number() != 0) {
                return "number:" + p.number();
            }
            return p.label() != null ? "label:" + p.label() : "";
        } else if (item instanceof Config.File f) {
            return f.path();
        } else if (item instanceof Config.Directory d) {
            return d.path();
        } else if (item instanceof Config.Link l) {
            return l.path();
        } else if (item instanceof Config.Disk d) {
            return d.device();
        } else if (item instanceof Config.Filesystem f) {
            return f.device();
        } else if (item instanceof Config.Raid r) {
            return r.name();
        } else if (item instanceof Config.Luks l) {
            return l.name();
        } else if (item instanceof Config.Tang t) {
            return t.url();
        } else if (item instanceof Config.Unit u) {
            return u.name();
        } else if (item instanceof Config.Dropin d) {
            return d.name();
        } else if (item instanceof Config.PasswdUser u) {
            return u.name();
        } else if (item instanceof Config.PasswdGroup g) {
            return g.name();
        }
        throw new IllegalArgumentException("not a keyed list item of the Ignition model: " + item.getClass());
    }

    // ------------------------------------------------------------------------------------------------ engine

    private record Location(String list, int index) {}

    /** Merges two records of the same type field by field; the record itself gets no transcript mapping. */
    private Object struct(Object parent, Object child, JsonPath resultPath, JsonPath parentPath, JsonPath childPath) {
        Class<?> type = parent.getClass();
        RecordComponent[] components = type.getRecordComponents();
        Map<String, Location> childSpace = sharedSpace(type, child);
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent rc = components[i];
            String field = rc.getName();
            String qualified = type.getSimpleName() + "." + field;
            Object p = get(rc, parent);
            Object c = get(rc, child);
            JsonPath rp = resultPath.child(field);
            JsonPath pp = parentPath.child(field);
            JsonPath cp = childPath.child(field);
            if (PRIMITIVE.contains(qualified)) {
                values[i] = c;
                transcribe(c, true, Side.CHILD, cp, rp);
            } else if (p instanceof List<?> pl) {
                List<?> cl = (List<?>) c;
                if (CONCATENATED.contains(qualified)) {
                    values[i] = concatenate(pl, cl, rp, pp, cp);
                } else {
                    Map<String, Location> space = childSpace != null && childSpace.containsKey("#" + field)
                            ? childSpace
                            : ownSpace(field, cl);
                    values[i] = keyed(
                            field,
                            pl,
                            cl,
                            space,
                            rp,
                            pp,
                            cp,
                            type == Config.Resource.class && field.equals("httpHeaders"));
                }
            } else if (p != null && p.getClass().isRecord()) {
                values[i] = struct(p, c, rp, pp, cp);
            } else if (c != null) {
                values[i] = c;
                transcribe(c, false, Side.CHILD, cp, rp);
            } else {
                values[i] = p;
                transcribe(p, false, Side.PARENT, pp, rp);
            }
        }
        return construct(type, values);
    }

    /** The child's key space across the shared lists of {@code type}, or null when it has none. */
    private static @Nullable Map<String, Location> sharedSpace(Class<?> type, Object child) {
        List<String> lists = SHARED_SPACES.get(type);
        if (lists == null) {
            return null;
        }
        Map<String, Location> space = new HashMap<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            if (!lists.contains(rc.getName())) {
                continue;
            }
            space.put("#" + rc.getName(), null);
            List<?> items = (List<?>) get(rc, child);
            for (int i = 0; i < items.size(); i++) {
                space.put(keyOf(items.get(i)), new Location(rc.getName(), i));
            }
        }
        return space;
    }

    private static Map<String, Location> ownSpace(String field, List<?> childItems) {
        Map<String, Location> space = new HashMap<>();
        for (int i = 0; i < childItems.size(); i++) {
            space.put(keyOf(childItems.get(i)), new Location(field, i));
        }
        return space;
    }

    private List<Object> concatenate(List<?> parent, List<?> child, JsonPath rp, JsonPath pp, JsonPath cp) {
        List<Object> out = new ArrayList<>(parent.size() + child.size());
        for (int i = 0; i < parent.size(); i++) {
            transcribe(parent.get(i), true, Side.PARENT, pp.index(i), rp.index(out.size()));
            out.add(parent.get(i));
        }
        for (int i = 0; i < child.size(); i++) {
            transcribe(child.get(i), true, Side.CHILD, cp.index(i), rp.index(out.size()));
            out.add(child.get(i));
        }
        return out;
    }

    private List<Object> keyed(
            String field,
            List<?> parent,
            List<?> child,
            Map<String, Location> childSpace,
            JsonPath rp,
            JsonPath pp,
            JsonPath cp,
            boolean headers) {
        List<Object> out = new ArrayList<>();
        Set<String> parentKeys = new HashSet<>();
        for (int i = 0; i < parent.size(); i++) {
            Object p = parent.get(i);
            String key = keyOf(p);
            parentKeys.add(key);
            Location loc = childSpace.get(key);
            JsonPath itemPath = rp.index(out.size());
            if (loc == null) {
                transcribe(p, true, Side.PARENT, pp.index(i), itemPath);
                out.add(p);
            } else if (loc.list().equals(field)) {
                Object c = child.get(loc.index());
                JsonPath childItemPath = cp.index(loc.index());
                if (headers && ((Config.HttpHeader) c).value() == null) {
                    continue; // a child header without a value deletes the parent's
                }
                if (c instanceof String) {
                    transcribe(c, true, Side.CHILD, childItemPath, itemPath);
                    out.add(c);
                } else {
                    out.add(struct(p, c, itemPath, pp.index(i), childItemPath));
                }
            }
            // else: the child defines the key in another list of the shared key space, which emits it
        }
        for (int i = 0; i < child.size(); i++) {
            Object c = child.get(i);
            if (!parentKeys.contains(keyOf(c))) {
                transcribe(c, true, Side.CHILD, cp.index(i), rp.index(out.size()));
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Maps a value taken whole from one side: every populated leaf (a non-null optional scalar, even {@code false}
     * or {@code ""}; a non-zero key, partition number or string list item), then each record that had a populated
     * leaf, after its fields. Lists themselves get no mapping, only their items.
     *
     * @param primitive whether {@code value} is a non-pointer Go value (a key, or a string list item), whose zero
     *                  value ({@code ""}, {@code 0}) counts as unpopulated
     * @return whether anything was mapped
     */
    private boolean transcribe(Object value, boolean primitive, Side side, JsonPath sourcePath, JsonPath resultPath) {
        if (value == null) {
            return false;
        }
        if (value instanceof List<?> list) {
            boolean any = false;
            for (int i = 0; i < list.size(); i++) {
                any |= transcribe(list.get(i), true, side, sourcePath.index(i), resultPath.index(i));
            }
            return any;
        }
        if (value.getClass().isRecord()) {
            boolean any = false;
            for (RecordComponent rc : value.getClass().getRecordComponents()) {
                boolean keyField = PRIMITIVE.contains(value.getClass().getSimpleName() + "." + rc.getName());
                any |= transcribe(
                        get(rc, value), keyField, side, sourcePath.child(rc.getName()), resultPath.child(rc.getName()));
            }
            if (any) {
                mappings.add(new Transcript.Mapping(resultPath, side, sourcePath));
            }
            return any;
        }
        if (primitive && (value.equals("") || value.equals(0L))) {
            return false;
        }
        mappings.add(new Transcript.Mapping(resultPath, side, sourcePath));
        return true;
    }

    private static Object get(RecordComponent rc, Object record) {
        try {
            return rc.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + rc, e);
        }
    }

    private static Object construct(Class<?> type, Object[] values) {
        Constructor<?> ctor = CONSTRUCTORS.computeIfAbsent(type, t -> {
            RecordComponent[] rcs = t.getRecordComponents();
            Class<?>[] types = new Class<?>[rcs.length];
            for (int i = 0; i < rcs.length; i++) {
                types[i] = rcs[i].getType();
            }
            try {
                return t.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("no canonical constructor in " + t, e);
            }
        });
        try {
            return ctor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type, e);
        }
    }
}
