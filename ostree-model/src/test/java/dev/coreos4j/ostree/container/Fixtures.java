package dev.coreos4j.ostree.container;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.DirMeta;
import dev.coreos4j.ostree.FileHeader;
import dev.coreos4j.ostree.Variant;
import dev.coreos4j.ostree.Xattr;
import dev.coreos4j.ostree.repo.CommitOptions;
import dev.coreos4j.ostree.repo.MutableTree;
import dev.coreos4j.ostree.repo.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small OS-like commits for the container tests. */
final class Fixtures {

    private Fixtures() {}

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An OS tree: a kernel in {@code /usr/lib/modules}, {@code /usr/etc}, a setuid binary, a file owned by 1000:1001,
     * symlinks (one absolute, one with {@code //}), two paths sharing an object, an empty file, xattrs (one binary,
     * one security.selinux), a long path, a 0700 directory with an xattr, and {@code /sysroot}.
     */
    static MutableTree osTree(String version) {
        MutableTree t = new MutableTree();
        t.putFile("/usr/bin/hello", 0755, bytes("#!/bin/sh\necho hello " + version + "\n"));
        t.putFile("/usr/bin/su", FileHeader.regular(0, 0, 04755, List.of()), bytes("su binary"));
        t.putSymlink("/usr/bin/sh", "hello");
        t.putSymlink("/usr/bin/odd", "../../usr//bin/hello");
        t.putSymlink("/usr/lib/os-release", "/usr/etc/os-release");
        t.putFile("/usr/etc/os-release", 0644, bytes("NAME=Test\nVERSION=" + version + "\n"));
        t.putFile("/usr/etc/motd", 0644, new byte[0]);
        t.putFile("/usr/lib/modules/6.1.0/vmlinuz", 0644, bytes("kernel 6.1.0\n"));
        t.putFile("/usr/lib/modules/6.1.0/initramfs.img", 0644, bytes("initramfs " + version + "\n"));
        t.putFile("/usr/share/doc/a.txt", 0644, bytes("shared content\n"));
        t.putFile("/usr/share/doc/b.txt", 0644, bytes("shared content\n"));
        t.putFile("/usr/share/big.bin", 0644, big(200_000, 7));
        t.putFile("/home-owned", FileHeader.regular(1000, 1001, 0600, List.of()), bytes("mine"));
        t.putFile(
                "/usr/lib/caps",
                FileHeader.regular(
                        0,
                        0,
                        0755,
                        List.of(
                                new Xattr("security.capability", new byte[] {1, 0, 0, 2, (byte) 0xff, 0, 0, 0}),
                                new Xattr("security.selinux", bytes("system_u:object_r:bin_t:s0\0")),
                                new Xattr("user.note", bytes("text value")))),
                bytes("capable"));
        t.putFile(
                "/usr/share/" + "d".repeat(60) + "/" + "e".repeat(70) + "/long-name-" + "f".repeat(40),
                0644,
                bytes("long path"));
        t.directory("/usr/secret").meta(DirMeta.of(0, 0, 0700, List.of(new Xattr("user.dir", bytes("v")))));
        t.putFile("/usr/secret/key", 0600, bytes("k"));
        t.directory("/sysroot");
        t.directory("/var");
        t.directory("/etc-not-mapped");
        return t;
    }

    static byte[] big(int n, long seed) {
        byte[] b = new byte[n];
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ('a' + r.nextInt(4));
        }
        return b;
    }

    static Checksum commit(Repository repo, MutableTree tree, String branch, String version, long time)
            throws IOException {
        return repo.commit(
                        tree,
                        CommitOptions.builder()
                                .branch(branch)
                                .subject("OS " + version)
                                .timestamp(time)
                                .addMetadataString("version", version)
                                .addMetadata("ostree.bootable", Variant.ofBoolean(true))
                                .addMetadataString("ostree.linux", "6.1.0")
                                .build())
                .checksum();
    }
}
