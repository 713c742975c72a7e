package dev.coreos4j.ostree.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Small bootable OS trees for sysroot tests: /usr/etc, os-release, a kernel and initramfs under /usr/lib/modules. */
final class OsTrees {

    private OsTrees() {}

    /** Writes a tree at {@code dir}: kernel {@code kver}, /usr/etc files, plus {@code extra} files (path → content). */
    static Path tree(Path dir, String kver, String kernel, Map<String, String> etc) throws IOException {
        Files.createDirectories(dir.resolve("usr/lib/modules/" + kver));
        Files.writeString(dir.resolve("usr/lib/modules/" + kver + "/vmlinuz"), kernel, StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("usr/lib/modules/" + kver + "/initramfs.img"),
                "initrd for " + kernel,
                StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("usr/bin"));
        Files.writeString(dir.resolve("usr/bin/tool"), "#!/bin/sh\necho " + kernel + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(dir.resolve("usr/bin/tool"), Fs.perms(0755));
        Files.createDirectories(dir.resolve("usr/etc"));
        Files.writeString(
                dir.resolve("usr/etc/os-release"), "ID=testos\nPRETTY_NAME=\"Test OS\"\n", StandardCharsets.UTF_8);
        for (Map.Entry<String, String> e : etc.entrySet()) {
            Path p = dir.resolve("usr/etc").resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
        }
        Files.createSymbolicLink(dir.resolve("usr/etc/localtime"), Path.of("../usr/share/zoneinfo/UTC"));
        return dir;
    }
}
