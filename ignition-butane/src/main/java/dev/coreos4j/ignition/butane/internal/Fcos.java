package dev.coreos4j.ignition.butane.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The fcos layer ({@code config/fcos/v1_*}): boot_device (LUKS root with TPM2/Tang/CEX, mirrored boot disk with
 * the partition layout of the OS image), grub users, partition-label checks. Openshift specs embed it.
 */
final class Fcos {
    private Fcos() {}

    private static final String ROOT_DEVICE = "/dev/disk/by-id/coreos-boot-disk";
    private static final Pattern ALLOWED_MOUNTPOINTS = Pattern.compile("^/(etc|var)(/|$)");
    private static final Pattern DASD = Pattern.compile("(/dev/dasd[a-z]$)");
    private static final Pattern SD = Pattern.compile("(/dev/sd[a-z]$)");

    static final String RESERVED_TYPE_GUID = "8DA63339-0007-60C0-C436-083AC8230908";
    static final String BIOS_TYPE_GUID = "21686148-6449-6E6F-744E-656564454649";
    static final String PREP_TYPE_GUID = "9E1A2D38-C612-4316-AA26-8B49521E5A8B";
    static final String ESP_TYPE_GUID = "C12A7328-F81F-11D2-BA4B-00A0C93EC93B";
    // the OS image's layout (coreos-assembler create_disk.sh); never change: new layouts get new templates
    static final long RESERVED_MIB = 1;
    static final long BIOS_MIB = 1;
    static final long PREP_MIB = 4;
    static final long ESP_MIB = 127;
    static final long BOOT_MIB = 384;

    static void validate(Translator t, BObj b) {
        int fcos = t.ver.fcosMinor();
        if (fcos < 0) {
            return;
        }
        Issues r = t.issues;
        switch (b.type.name()) {
            case "Config" -> {
                if (fcos >= 6 && b.path.equals("$")) {
                    Set<String> mirrors =
                            new HashSet<>(b.obj("boot_device").obj("mirror").strs("devices"));
                    List<BObj> disks = b.obj("storage").objs("disks");
                    for (BObj disk : disks) {
                        if (!disk.key("device").equals(ROOT_DEVICE)
                                && !disk.isTrue("wipe_table")
                                && !mirrors.contains(disk.key("device"))) {
                            for (BObj p : disk.objs("partitions")) {
                                Long n = p.num("number");
                                if ((n == null || n == 0) && p.has("label")) {
                                    r.add(p.at("number"), ButaneRule.REUSE_BY_LABEL);
                                }
                            }
                        }
                    }
                    for (BObj fs : b.obj("storage").objs("filesystems")) {
                        String path = fs.str("path");
                        if (path != null && !ALLOWED_MOUNTPOINTS.matcher(path).find() && fs.isTrue("with_mount_unit")) {
                            r.add(fs.at("path"), ButaneRule.MOUNT_POINT_FORBIDDEN);
                        }
                    }
                }
            }
            case "BootDevice" -> {
                String layout = b.str("layout");
                BObj luks = b.obj("luks");
                List<String> mirror = b.obj("mirror").strs("devices");
                if (!mirror.isEmpty() && layout == null) {
                    if (fcos >= 6) {
                        r.add(b.at("mirror"), ButaneRule.MIRROR_REQUIRES_LAYOUT);
                    } else {
                        r.add(b.at("mirror"), ButaneRule.MIRROR_REQUIRES_LAYOUT_WARNING);
                    }
                }
                if (layout != null) {
                    if (fcos < 6) {
                        if (!List.of("aarch64", "ppc64le", "x86_64").contains(layout)) {
                            r.add(b.at("layout"), ButaneRule.UNKNOWN_BOOT_DEVICE_LAYOUT_LEGACY);
                        }
                    } else {
                        String device = luks.str("device");
                        switch (layout) {
                            case "aarch64":
                            case "ppc64le":
                            case "x86_64":
                            case "s390x-virt":
                                break;
                            case "s390x-eckd":
                            case "s390x-zfcp":
                                if (device == null || device.isEmpty()) {
                                    r.add(b.at("layout"), ButaneRule.NO_LUKS_BOOT_DEVICE);
                                } else if (!(layout.equals("s390x-eckd") ? DASD : SD)
                                        .matcher(device)
                                        .find()) {
                                    r.add(b.at("layout"), ButaneRule.LUKS_BOOT_DEVICE_BAD_NAME);
                                }
                                break;
                            default:
                                r.add(b.at("layout"), ButaneRule.UNKNOWN_BOOT_DEVICE_LAYOUT);
                        }
                        if (layout.startsWith("s390x") && !mirror.isEmpty()) {
                            r.add(b.at("layout"), ButaneRule.MIRROR_NOT_SUPPORT);
                        }
                    }
                }
                if (fcos >= 6 && luks.obj("cex").isTrue("enabled")) {
                    if (layout == null) {
                        r.add(luks.at("cex"), ButaneRule.CEX_ARCHITECTURE_MISMATCH);
                    } else if (!layout.startsWith("s390x")) {
                        r.add(b.at("layout"), ButaneRule.CEX_ARCHITECTURE_MISMATCH);
                    }
                    if (!luks.objs("tang").isEmpty() || luks.isTrue("tpm2")) {
                        r.add(b.at("luks"), ButaneRule.CEX_WITH_CLEVIS);
                    }
                }
            }
            case "BootDeviceLuks" -> {
                String device = b.str("device");
                if (fcos >= 6 && device != null && !device.isEmpty()) {
                    boolean valid = b.objs("tang").stream()
                                    .anyMatch(x -> !x.v.isEmpty() && !(x.v.size() == 1 && "".equals(x.str("url"))))
                            || b.isTrue("tpm2")
                            || b.obj("cex").isTrue("enabled");
                    if (!valid) {
                        r.add(b.at("luks"), ButaneRule.NO_LUKS_METHOD_SPECIFIED);
                    }
                }
            }
            case "BootDeviceMirror" -> {
                if (b.strs("devices").size() == 1) {
                    r.add(b.at("devices"), ButaneRule.TOO_FEW_MIRROR_DEVICES);
                }
            }
            case "GrubUser" -> {
                if (b.key("name").isEmpty()) {
                    r.add(b.at("name"), ButaneRule.GRUB_USER_NAME_NOT_SPECIFIED);
                }
                if (b.str("password_hash") == null || b.str("password_hash").isEmpty()) {
                    r.add(b.at("password_hash"), ButaneRule.GRUB_PASSWORD_NOT_SPECIFIED);
                }
            }
            default -> {}
        }
    }

    /** The fcos steps after the base translation. */
    static J.Obj translate(Translator t, BObj root, J.Obj config) {
        int fcos = t.ver.fcosMinor();
        if (fcos < 0) {
            return config;
        }
        if (fcos >= 3) {
            config = bootDevice(t, root, config);
        }
        J.Obj storage = config.obj("storage");
        List<Object> disks = Translator.items(storage, "disks");
        for (int i = 0; i < disks.size(); i++) {
            J.Obj disk = (J.Obj) disks.get(i);
            List<Object> parts = Translator.items(disk, "partitions");
            for (int p = 0; p < parts.size(); p++) {
                J.Obj part = (J.Obj) parts.get(p);
                String label = part.str("label");
                if (label == null) {
                    continue;
                }
                String base = "$.storage.disks." + i + ".partitions." + p;
                if (fcos >= 3 && label.equals("root")) {
                    Long size = (Long) part.f.get("sizeMiB");
                    if (size == null || size == 0) {
                        for (int q = 0; q < parts.size(); q++) {
                            if (q == p) {
                                continue;
                            }
                            Long start = (Long) ((J.Obj) parts.get(q)).f.get("startMiB");
                            if (start == null || start == 0) {
                                t.issues.addJson(base + ".label", ButaneRule.ROOT_CONSTRAINED);
                                break;
                            }
                        }
                    } else if (size < 8192) {
                        t.issues.addJson(base + ".size_mib", ButaneRule.ROOT_TOO_SMALL);
                    }
                }
                if (!Boolean.TRUE.equals(disk.f.get("wipeTable"))) {
                    long n = part.f.get("number") instanceof Long l ? l : 0;
                    if ((label.equals("BIOS-BOOT") && n != 1)
                            || (label.equals("PowerPC-PReP-boot") && n != 1)
                            || (label.equals("EFI-SYSTEM") && n != 2)
                            || (label.equals("boot") && n != 3)
                            || (label.equals("root") && n != 4)) {
                        t.issues.addJson(base + ".label", ButaneRule.WRONG_PARTITION_NUMBER);
                    }
                }
            }
        }
        if (fcos >= 5) {
            config = grub(t, root, config);
        }
        return config;
    }

    private static J.Obj grub(Translator t, BObj root, J.Obj config) {
        List<BObj> users = root.obj("grub").objs("users");
        if (users.isEmpty()) {
            return config;
        }
        String from = "$.grub.users";
        J.Obj rendered = new J.Obj("Config", null);
        J.Obj storage = rendered.objOrNew("storage", "Storage", from);
        J.Obj fs = new J.Obj("Filesystem", from);
        fs.put("device", "/dev/disk/by-label/boot", from)
                .put("format", "ext4", from)
                .put("path", "/boot", from);
        storage.arrOrNew("filesystems", from).add(fs, from);
        List<String> names = new ArrayList<>();
        List<String> cmds = new ArrayList<>();
        for (BObj u : users) {
            names.add(u.key("name"));
            cmds.add("password_pbkdf2 " + u.key("name") + " " + u.str("password_hash"));
        }
        String cfg = "# Generated by Butane\n\nset superusers=\"" + String.join(" ", names) + "\"\n"
                + String.join("\n", cmds) + "\n";
        DataUrls.Made m = DataUrls.make(cfg.getBytes(StandardCharsets.UTF_8), null, t.allowCompression());
        J.Obj res = new J.Obj("Resource", from);
        res.put("compression", m.compression(), from).put("source", m.url(), from);
        J.Obj file = new J.Obj("File", from);
        file.put("path", "/boot/grub2/user.cfg", from);
        file.arrOrNew("append", from).add(res, from);
        storage.arrOrNew("files", from).add(file, from);
        return TreeMerge.merge(rendered, config);
    }

    private static J.Obj part(String label, @Nullable Long size, @Nullable String typeGuid, String from) {
        J.Obj p = new J.Obj("Partition", from);
        p.put("label", label, from);
        if (size != null) {
            p.put("sizeMiB", size, from);
        }
        if (typeGuid != null) {
            p.put("typeGuid", typeGuid, from);
        }
        return p;
    }

    private static J.Obj bootDevice(Translator t, BObj root, J.Obj config) {
        int fcos = t.ver.fcosMinor();
        BObj bd = root.obj("boot_device");
        BObj luks = bd.obj("luks");
        boolean cex = fcos >= 6 && luks.obj("cex").isTrue("enabled");
        boolean wantLuks = luks.isTrue("tpm2") || !luks.objs("tang").isEmpty() || cex;
        List<String> mirror = bd.obj("mirror").strs("devices");
        boolean wantMirror = !mirror.isEmpty();
        if (!wantLuks && !wantMirror) {
            return config;
        }
        String layout = bd.str("layout");
        boolean bios = false;
        boolean efi = false;
        boolean prep = false;
        if (layout == null || layout.equals("x86_64")) {
            bios = true;
            efi = true;
        } else if (layout.equals("aarch64")) {
            efi = true;
        } else if (layout.equals("ppc64le")) {
            prep = true;
        }
        J.Obj rendered = new J.Obj("Config", null);
        J.Obj storage = rendered.objOrNew("storage", "Storage", "$.boot_device");
        if (wantMirror) {
            J.Arr disks = storage.arrOrNew("disks", "$.boot_device.mirror.devices");
            for (int i = 0; i < mirror.size(); i++) {
                String from = "$.boot_device.mirror.devices." + i;
                int n = disks.items.size() + 1;
                J.Obj disk = new J.Obj("Disk", from);
                disk.put("device", mirror.get(i), from);
                J.Arr parts = disk.arrOrNew("partitions", from);
                if (bios) {
                    parts.add(part("bios-" + n, BIOS_MIB, BIOS_TYPE_GUID, from), from);
                } else if (prep) {
                    parts.add(part("prep-" + n, PREP_MIB, PREP_TYPE_GUID, from), from);
                } else {
                    parts.add(part("reserved-" + n, RESERVED_MIB, RESERVED_TYPE_GUID, from), from);
                }
                if (efi) {
                    parts.add(part("esp-" + n, ESP_MIB, ESP_TYPE_GUID, from), from);
                } else {
                    parts.add(part("reserved-" + n, RESERVED_MIB, RESERVED_TYPE_GUID, from), from);
                }
                parts.add(part("boot-" + n, BOOT_MIB, null, from), from);
                parts.add(part("root-" + n, null, null, from), from);
                disk.put("wipeTable", true, from);
                disks.add(disk, from);
                if (efi) {
                    J.Obj esp = new J.Obj("Filesystem", from);
                    esp.put("device", "/dev/disk/by-partlabel/esp-" + n, from)
                            .put("format", "vfat", from)
                            .put("label", "esp-" + n, from)
                            .put("wipeFilesystem", true, from);
                    storage.arrOrNew("filesystems", "$.boot_device").add(esp, from);
                }
            }
            String from = "$.boot_device.mirror";
            J.Arr raid = storage.arrOrNew("raid", from);
            for (String name : List.of("boot", "root")) {
                J.Obj md = new J.Obj("Raid", from);
                J.Arr devices = md.arrOrNew("devices", from);
                for (int i = 1; i <= disks.items.size(); i++) {
                    devices.add("/dev/disk/by-partlabel/" + name + "-" + i, from);
                }
                md.put("level", "raid1", from).put("name", "md-" + name, from);
                if (name.equals("boot")) {
                    md.arrOrNew("options", from).add("--metadata=1.0", from);
                }
                raid.add(md, from);
            }
            J.Obj boot = new J.Obj("Filesystem", from);
            boot.put("device", "/dev/md/md-boot", from)
                    .put("format", "ext4", from)
                    .put("label", "boot", from)
                    .put("wipeFilesystem", true, from);
            storage.arrOrNew("filesystems", "$.boot_device").add(boot, from);
        }
        if (wantLuks) {
            String device;
            if ("s390x-eckd".equals(layout)) {
                device = luks.str("device") + "2";
            } else if ("s390x-zfcp".equals(layout)) {
                device = luks.str("device") + "4";
            } else if (wantMirror) {
                device = "/dev/md/md-root";
            } else {
                device = "/dev/disk/by-partlabel/root";
            }
            String lp = "$.boot_device.luks";
            J.Obj l = new J.Obj("Luks", lp);
            if (cex) {
                J.Obj c = new J.Obj("Cex", lp);
                c.put("enabled", true, lp + ".cex.enabled");
                l.put("cex", c, lp + ".cex");
            } else {
                J.Obj clevis = new J.Obj("Clevis", lp);
                if (luks.v.get("tang") instanceof List<?>) {
                    J.Arr tang = new J.Arr(lp + ".tang");
                    for (BObj x : luks.objs("tang")) {
                        tang.add(t.tr(x), x.path);
                    }
                    clevis.put("tang", tang, lp + ".tang");
                }
                if (luks.num("threshold") != null) {
                    clevis.put("threshold", luks.num("threshold"), lp + ".threshold");
                }
                if (luks.v.get("tpm2") != null) {
                    clevis.put("tpm2", luks.v.get("tpm2"), lp + ".tpm2");
                }
                l.put("clevis", clevis, lp);
            }
            l.put("device", device, lp);
            if (fcos >= 5 && luks.v.get("discard") != null) {
                l.put("discard", luks.v.get("discard"), lp + ".discard");
            }
            l.put("label", "luks-root", lp).put("name", "root", lp).put("wipeVolume", true, lp);
            storage.arrOrNew("luks", lp).add(l, lp);
        }
        J.Obj rootFs = new J.Obj("Filesystem", "$.boot_device");
        rootFs.put("device", wantLuks ? "/dev/mapper/root" : "/dev/md/md-root", "$.boot_device")
                .put("format", "xfs", "$.boot_device")
                .put("label", "root", "$.boot_device")
                .put("wipeFilesystem", true, "$.boot_device");
        storage.arrOrNew("filesystems", "$.boot_device").add(rootFs, "$.boot_device");
        return TreeMerge.merge(rendered, config);
    }
}
