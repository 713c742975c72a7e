package dev.coreos4j.ignition.butane.internal;

import dev.coreos4j.ignition.butane.ButaneOptions;
import dev.coreos4j.ignition.butane.FilesDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The base translation ({@code base/v0_*}: Butane struct validation, field-by-field translation, resource sugar,
 * mount units, trees); {@link Fcos} and {@link OpenShift} add the variant layers.
 */
public final class Translator {
    final Variants.Version ver;
    final ButaneOptions opts;
    final Issues issues;
    final int minor;

    public Translator(Variants.Version ver, ButaneOptions opts, Issues issues) {
        this.ver = ver;
        this.opts = opts;
        this.issues = issues;
        this.minor = ver.ignitionMinor();
    }

    boolean allowCompression() {
        return !opts.noResourceAutoCompression() && !(ver.openshift() && ver.openshiftMinor() <= 9);
    }

    /** Butane's struct validation (the {@code Validate} methods), parents before children. */
    public void validate(BObj b) {
        new StructValidation(this).validate(b);
    }

    // ------------------------------------------------------------------------------------------ translation

    /** The base translation of the root: the Ignition config tree (type Config), or null when fatal. */
    public J.@Nullable Obj translateBase(BObj root) {
        J.Obj config = new J.Obj("Config", "$");
        J.Obj ign = root.has("ignition") ? tr(root.obj("ignition")) : new J.Obj("Ignition", "$.ignition");
        ign.put("version", ver.ignition().toString(), "$.version");
        config.put("ignition", ign, "$.ignition");
        for (String f : List.of("kernel_arguments", "passwd", "storage", "systemd")) {
            if (root.v.get(f) instanceof BObj b) {
                config.put(Schema.camel(f), tr(b), b.path);
            }
        }
        config = addMountUnits(root, config);
        processTrees(root, config);
        processQuadlets(root, config);
        return issues.fatal() ? null : config;
    }

    /** Field-by-field translation of one struct, with the resource/user/unit sugar. */
    J.Obj tr(BObj b) {
        J.Obj o = new J.Obj(b.type.name(), b.path);
        for (Schema.Field f : b.type.fields()) {
            Object v = b.v.get(f.yaml());
            if (v == null || f.json() == null) {
                continue;
            }
            String at = b.at(f.yaml());
            switch (f.kind()) {
                case OBJ -> o.put(f.json(), tr((BObj) v), at);
                case OBJS -> {
                    J.Arr a = new J.Arr(at);
                    for (Object item : (List<?>) v) {
                        BObj c = (BObj) item;
                        a.add(tr(c), c.path);
                    }
                    o.put(f.json(), a, at);
                }
                case STRS -> {
                    J.Arr a = new J.Arr(at);
                    List<?> l = (List<?>) v;
                    for (int i = 0; i < l.size(); i++) {
                        a.add(l.get(i), at + "." + i);
                    }
                    o.put(f.json(), a, at);
                }
                case NUM -> {
                    if ((Long) v != 0) {
                        o.put(f.json(), v, at);
                    }
                }
                default -> o.put(f.json(), v, at);
            }
        }
        switch (b.type.name()) {
            case "Resource", "RefResource" -> resourceSugar(b, o);
            case "PasswdUser" -> sshKeysLocal(b, o);
            case "Unit", "Dropin" -> {
                String local = b.str("contents_local");
                if (local != null && !local.isEmpty()) {
                    byte[] data = readLocal(b.at("contents_local"), local);
                    if (data != null) {
                        o.put("contents", new String(data, StandardCharsets.UTF_8), b.at("contents_local"));
                    }
                }
            }
            default -> {}
        }
        return o;
    }

    private void resourceSugar(BObj b, J.Obj o) {
        String local = b.str("local"); // present fields hold values of their kind, never null
        if (local != null) {
            String at = b.at("local");
            byte[] data = readLocal(at, local);
            if (data == null) {
                return;
            }
            // upstream checks for "$.ignition.config" against a path relative to the resource here, so local
            // merge/replace configs are never validated; inline ones are (in validation)
            setSource(o, data, at);
        }
        String inline = b.str("inline");
        if (inline != null) {
            setSource(o, inline.getBytes(StandardCharsets.UTF_8), b.at("inline"));
        }
    }

    private void setSource(J.Obj o, byte[] data, String at) {
        DataUrls.Made m = DataUrls.make(data, o.str("compression"), allowCompression());
        o.put("source", m.url(), at);
        if (m.compression() != null) {
            o.put("compression", m.compression(), at);
        }
    }

    private void sshKeysLocal(BObj b, J.Obj o) {
        List<String> files = b.strs("ssh_authorized_keys_local");
        if (files.isEmpty()) {
            return;
        }
        String at = b.at("ssh_authorized_keys_local");
        if (opts.filesDir() == null) {
            issues.add(at, ButaneRule.NO_FILES_DIR);
            return;
        }
        J.Arr keys = o.arr("sshAuthorizedKeys");
        if (keys == null) {
            keys = new J.Arr(at);
            o.put("sshAuthorizedKeys", keys, at);
        }
        for (int i = 0; i < files.size(); i++) {
            byte[] data = readLocal(at + "." + i, files.get(i));
            if (data == null) {
                continue;
            }
            for (String line : new String(data, StandardCharsets.UTF_8).split("\r?\n", -1)) {
                if (!line.isEmpty()) {
                    keys.add(line, at + "." + i);
                }
            }
        }
    }

    /** The files-dir-relative path of a local reference, or null (with an error) when it escapes. */
    @Nullable
    String localPath(String at, String configPath) {
        String joined = GoPath.clean("/\u0000root/" + configPath);
        if (joined.equals("/\u0000root")) {
            return "";
        }
        if (!joined.startsWith("/\u0000root/")) {
            issues.add(at, ButaneRule.FILES_DIR_ESCAPE);
            return null;
        }
        return joined.substring("/\u0000root/".length());
    }

    /** Butane's {@code ReadLocalFile}; null (with an error at {@code at}) when it cannot. */
    byte @Nullable [] readLocal(String at, String configPath) {
        FilesDir dir = opts.filesDir();
        if (dir == null) {
            issues.add(at, ButaneRule.NO_FILES_DIR);
            return null;
        }
        String rel = localPath(at, configPath);
        if (rel == null) {
            return null;
        }
        try {
            return dir.read(rel);
        } catch (NoSuchFileException e) {
            issues.add(at, ButaneRule.LOCAL_FILE_MISSING, "open " + configPath + ": no such file or directory");
        } catch (IOException | RuntimeException e) {
            issues.add(at, ButaneRule.LOCAL_FILE_UNREADABLE, "reading " + configPath + ": " + e.getMessage());
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------ mount units

    private J.Obj addMountUnits(BObj root, J.Obj config) {
        BObj storage = root.obj("storage");
        List<BObj> filesystems = storage.objs("filesystems");
        if (filesystems.isEmpty() || minor < 1) {
            return config;
        }
        J.Obj rendered = new J.Obj("Config", null);
        J.Obj systemd = new J.Obj("Systemd", "$.storage.filesystems");
        J.Arr units = new J.Arr("$.storage.filesystems");
        for (BObj fs : filesystems) {
            if (!fs.isTrue("with_mount_unit")) {
                continue;
            }
            String from = fs.at("with_mount_unit");
            boolean remote = false;
            String device = fs.key("device");
            if (minor >= 2 && (device.startsWith("/dev/mapper/") || device.startsWith("/dev/disk/by-id/dm-name-"))) {
                for (BObj luks : storage.objs("luks")) {
                    String name = luks.key("name");
                    if (device.equals("/dev/mapper/" + name) || device.equals("/dev/disk/by-id/dm-name-" + name)) {
                        if (!luks.obj("clevis").objs("tang").isEmpty()) {
                            remote = true;
                            break;
                        }
                    }
                }
            }
            J.Obj unit = mountUnit(fs, remote, from);
            units.add(unit, from);
        }
        if (units.items.isEmpty()) {
            return config;
        }
        systemd.put("units", units, "$.storage.filesystems");
        rendered.put("systemd", systemd, "$.storage.filesystems");
        return TreeMerge.merge(rendered, config);
    }

    private J.Obj mountUnit(BObj fs, boolean remote, String from) {
        String device = fs.key("device");
        String format = fs.str("format");
        boolean swap = minor >= 3 && "swap".equals(format);
        List<String> mountOptions = fs.strs("mount_options");
        StringBuilder options = new StringBuilder();
        if (!mountOptions.isEmpty() || remote) {
            options.append("\nOptions=").append(String.join(",", mountOptions));
            if (remote) {
                options.append(mountOptions.isEmpty() ? "" : ",").append("_netdev");
            }
        }
        String escDevice = Systemd.pathEscape(device);
        String contents;
        String name;
        if (swap) {
            contents =
                    "# Generated by Butane\n[Swap]\nWhat=" + device + options + "\n\n[Install]\nRequiredBy=swap.target";
            name = escDevice + ".swap";
        } else {
            contents = "# Generated by Butane\n[Unit]\nRequires=systemd-fsck@" + escDevice
                    + ".service\nAfter=systemd-fsck@"
                    + escDevice + ".service\n\n[Mount]\nWhere=" + fs.str("path") + "\nWhat=" + device + "\nType="
                    + format + options + "\n\n[Install]\nRequiredBy="
                    + (remote ? "remote-fs.target" : "local-fs.target");
            // struct validation refused a mount unit without a path
            name = Systemd.pathEscape(Objects.requireNonNull(fs.str("path"), "path")) + ".mount";
        }
        J.Obj unit = new J.Obj("Unit", from);
        unit.put("contents", contents, from).put("enabled", true, from).put("name", name, from);
        return unit;
    }

    // ------------------------------------------------------------------------------------------ quadlets

    static final java.util.regex.Pattern QUADLET_EXT =
            java.util.regex.Pattern.compile("\\.(container|volume|network|kube|image|build|pod|artifact)$");

    /** The template {@code foo@.container} of an instance {@code foo@100.container}, or null. */
    static @Nullable String templateOf(String name) {
        int at = name.indexOf('@');
        int dot = name.lastIndexOf('.');
        if (at < 0 || dot < 0 || at + 1 == dot) {
            return null;
        }
        return name.substring(0, at) + "@." + name.substring(dot + 1);
    }

    private void processQuadlets(BObj root, J.Obj config) {
        List<BObj> quadlets = root.obj("systemd").objs("quadlets");
        if (quadlets.isEmpty()) {
            return;
        }
        J.Obj storage = config.objOrNew("storage", "Storage", "$.systemd.quadlets");
        NodeTracker t = new NodeTracker(storage);
        for (BObj q : quadlets) {
            String name = q.key("name");
            String dest = GoPath.join(
                    q.isTrue("rootful") ? "/etc/containers/systemd" : "/etc/containers/systemd/users", name);
            String template = templateOf(name);
            if (template != null) {
                if (t.get("links", dest) != null || t.exists(dest)) {
                    issues.add(q.path, ButaneRule.NODE_EXISTS);
                } else {
                    J.Obj link = new J.Obj("Link", q.path);
                    link.put("path", dest, q.at("name")).put("target", template, q.path);
                    t.add("links", link, q.path);
                }
            } else {
                quadletFile(t, q, dest);
            }
            for (BObj d : q.objs("dropins")) {
                quadletFile(t, d, dest + ".d/" + d.key("name"));
            }
        }
    }

    private void quadletFile(NodeTracker t, BObj b, String dest) {
        J.Obj existing = t.get("files", dest);
        if (existing != null || t.exists(dest)) {
            issues.add(b.path, ButaneRule.NODE_EXISTS);
            return;
        }
        J.Obj file = new J.Obj("File", b.path);
        file.put("path", dest, b.at("name"));
        t.add("files", file, b.path);
        byte[] data = new byte[0];
        String contentPath = b.path;
        String local = b.str("contents_local");
        if (local != null && !local.isEmpty()) {
            contentPath = b.at("contents_local");
            data = readLocal(contentPath, local);
            if (data == null) {
                return;
            }
        }
        String inline = b.str("contents");
        if (inline != null && !inline.isEmpty()) {
            contentPath = b.at("contents");
            data = inline.getBytes(StandardCharsets.UTF_8);
        }
        J.Obj contents = new J.Obj("Resource", contentPath);
        setSource(contents, data, contentPath);
        contents.src.put("compression", b.path);
        file.put("contents", contents, contentPath);
        file.put("mode", 0644L, b.path);
    }

    // ------------------------------------------------------------------------------------------ trees

    private void processTrees(BObj root, J.Obj config) {
        List<BObj> trees = root.obj("storage").objs("trees");
        if (trees.isEmpty()) {
            return;
        }
        J.Obj storage = config.objOrNew("storage", "Storage", "$.storage");
        NodeTracker t = new NodeTracker(storage);
        for (BObj tree : trees) {
            String yamlPath = tree.path;
            if (opts.filesDir() == null) {
                issues.add(yamlPath, ButaneRule.NO_FILES_DIR);
                return;
            }
            String rel = localPath(yamlPath, tree.key("local"));
            if (rel == null) {
                continue;
            }
            List<FilesDir.Node> nodes;
            try {
                nodes = opts.filesDir().walk(rel);
            } catch (NoSuchFileException e) {
                issues.add(
                        yamlPath,
                        ButaneRule.LOCAL_FILE_MISSING,
                        "stat " + tree.key("local") + ": no such file or directory");
                continue;
            } catch (IOException | RuntimeException e) {
                issues.add(
                        yamlPath,
                        ButaneRule.LOCAL_FILE_UNREADABLE,
                        "reading " + tree.key("local") + ": " + e.getMessage());
                continue;
            }
            if (nodes.isEmpty() || nodes.get(0).kind() != FilesDir.Kind.DIRECTORY) {
                issues.add(yamlPath, ButaneRule.TREE_NOT_DIRECTORY);
                continue;
            }
            String dest = tree.str("path") == null || tree.str("path").isEmpty() ? "/" : tree.str("path");
            BObj user = tree.obj("user");
            BObj group = tree.obj("group");
            Long fileMode = tree.num("file_mode");
            Long dirMode = tree.num("dir_mode");
            boolean customDirs = dirMode != null || !user.v.isEmpty() || !group.v.isEmpty();
            for (FilesDir.Node n : nodes) {
                String sub = n.path().length() > rel.length()
                        ? n.path().substring(rel.isEmpty() ? 0 : rel.length() + 1)
                        : "";
                String destPath = GoPath.join(dest, sub);
                switch (n.kind()) {
                    case DIRECTORY -> {
                        if (!customDirs) {
                            break;
                        }
                        if (t.exists(destPath)) {
                            issues.add(yamlPath, ButaneRule.NODE_EXISTS);
                            break;
                        }
                        J.Obj d = node("Directory", destPath, user, group, yamlPath);
                        d.put("mode", dirMode != null ? dirMode : 0755L, yamlPath);
                        t.add("directories", d, yamlPath);
                    }
                    case FILE -> {
                        J.Obj file = t.get("files", destPath);
                        if (file != null) {
                            J.Obj c = file.obj("contents");
                            if (c != null
                                    && c.str("source") != null
                                    && !c.str("source").isEmpty()) {
                                issues.add(yamlPath, ButaneRule.NODE_EXISTS);
                                break;
                            }
                        } else {
                            if (t.exists(destPath)) {
                                issues.add(yamlPath, ButaneRule.NODE_EXISTS);
                                break;
                            }
                            file = node("File", destPath, user, group, yamlPath);
                            t.add("files", file, yamlPath);
                        }
                        byte[] data;
                        try {
                            data = opts.filesDir().read(n.path());
                        } catch (IOException | RuntimeException e) {
                            issues.add(
                                    yamlPath,
                                    ButaneRule.LOCAL_FILE_UNREADABLE,
                                    "reading " + n.path() + ": " + e.getMessage());
                            break;
                        }
                        J.Obj contents = file.objOrNew("contents", "Resource", yamlPath);
                        setSource(contents, data, yamlPath);
                        file.src.put("contents", yamlPath);
                        if (file.f.get("mode") == null) {
                            long mode = fileMode != null ? fileMode : n.executable() ? 0755L : 0644L;
                            file.put("mode", mode, yamlPath);
                        }
                    }
                    case SYMLINK -> {
                        J.Obj link = t.get("links", destPath);
                        if (link != null) {
                            if (link.str("target") != null
                                    && !link.str("target").isEmpty()) {
                                issues.add(yamlPath, ButaneRule.NODE_EXISTS);
                                break;
                            }
                        } else {
                            if (t.exists(destPath)) {
                                issues.add(yamlPath, ButaneRule.NODE_EXISTS);
                                break;
                            }
                            link = node("Link", destPath, user, group, yamlPath);
                            t.add("links", link, yamlPath);
                        }
                        link.put("target", n.linkTarget(), yamlPath);
                    }
                    default -> issues.add(yamlPath, ButaneRule.FILE_TYPE);
                }
            }
        }
    }

    private J.Obj node(String type, String path, BObj user, BObj group, String from) {
        J.Obj o = new J.Obj(type, from);
        if (!group.v.isEmpty()) {
            o.put("group", tr(group), from);
        }
        o.put("path", path, from);
        if (!user.v.isEmpty()) {
            o.put("user", tr(user), from);
        }
        return o;
    }

    /** Butane's node tracker: files, directories and links of the config by path. */
    static final class NodeTracker {
        final J.Obj storage;
        final Map<String, Map<String, J.Obj>> byList = new HashMap<>();

        NodeTracker(J.Obj storage) {
            this.storage = storage;
            for (String list : List.of("files", "directories", "links")) {
                Map<String, J.Obj> m = new HashMap<>();
                J.Arr a = storage.arr(list);
                if (a != null) {
                    for (Object item : a.items) {
                        m.put(((J.Obj) item).str("path"), (J.Obj) item);
                    }
                }
                byList.put(list, m);
            }
        }

        boolean exists(String path) {
            return byList.values().stream().anyMatch(m -> m.containsKey(path));
        }

        J.@Nullable Obj get(String list, String path) {
            return Objects.requireNonNull(byList.get(list), list).get(path);
        }

        void add(String list, J.Obj node, String from) {
            storage.arrOrNew(list, from).add(node, from);
            Objects.requireNonNull(byList.get(list), list).put(node.str("path"), node);
        }
    }

    /** Entries of a list in the output tree, never null. */
    static List<Object> items(J.@Nullable Obj o, String field) {
        J.Arr a = o == null ? null : o.arr(field);
        return a == null ? new ArrayList<>() : a.items;
    }
}
