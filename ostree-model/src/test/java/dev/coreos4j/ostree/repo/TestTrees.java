package dev.coreos4j.ostree.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ostree.Checksum;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Generated directory trees for repository tests, and a structural comparison of two trees on disk. */
final class TestTrees {

    private TestTrees() {}

    static void write(Path p, String content, int perms) throws IOException {
        write(p, content.getBytes(StandardCharsets.UTF_8), perms);
    }

    static void write(Path p, byte[] content, int perms) throws IOException {
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        Files.setAttribute(p, "unix:mode", perms);
    }

    static void dir(Path p, int perms) throws IOException {
        Files.createDirectories(p);
        Files.setAttribute(p, "unix:mode", perms);
    }

    /** Spec example A: empty, hello.txt, sub/link -> ../hello.txt, sub/run.sh. */
    static Path exampleA(Path root) throws IOException {
        dir(root, 0755);
        write(root.resolve("empty"), "", 0644);
        write(root.resolve("hello.txt"), "hello\n", 0644);
        dir(root.resolve("sub"), 0755);
        Files.createSymbolicLink(root.resolve("sub/link"), Path.of("../hello.txt"));
        write(root.resolve("sub/run.sh"), "#!/bin/sh\necho hi\n", 0755);
        return root;
    }

    /**
     * A tree with every awkward case: empty and large files, symlinks (relative, absolute, dangling), setuid/setgid/
     * sticky modes, unicode names that sort differently in UTF-16 and UTF-8, empty dirs, deep nesting, identical
     * files, names that need strcmp order.
     */
    static Path awkward(Path root, long seed) throws IOException {
        Random r = new Random(seed);
        dir(root, 0755);
        write(root.resolve("empty"), "", 0644);
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        r.nextBytes(big);
        for (int i = 0; i < big.length; i += 3) {
            big[i] = 'a';
        }
        write(root.resolve("big.bin"), big, 0644);
        write(root.resolve("B"), "upper", 0600);
        write(root.resolve("_"), "underscore", 0640);
        write(root.resolve("a"), "lower", 0444);
        Files.createSymbolicLink(root.resolve("abs"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(root.resolve("dangling"), Path.of("does/not/exist"));
        // a target Path would normalize ("a//b/" -> "a/b"): created with ln, must survive byte for byte
        Process ln = new ProcessBuilder(
                        "ln",
                        "-s",
                        "--",
                        "unnormalized//target/",
                        root.resolve("slashes").toString())
                .start();
        try {
            assertThat(ln.waitFor()).isZero();
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        write(root.resolve("setuid"), "su", 04755);
        write(root.resolve("setgid"), "sg", 02711);
        dir(root.resolve("sticky"), 01777);
        write(root.resolve("sticky/f"), "x", 0644);
        write(root.resolve("unicode/caf\u00e9.txt"), "caf\u00e9", 0644);
        write(root.resolve("unicode/\uD83D\uDE00.txt"), "emoji", 0644);
        write(root.resolve("unicode/\uFB01.txt"), "ligature", 0644);
        write(root.resolve("unicode/\u65e5\u672c.txt"), "nihon", 0644);
        dir(root.resolve("emptydir"), 0700);
        Path deep = root;
        for (int i = 0; i < 40; i++) {
            deep = deep.resolve("d" + i);
        }
        write(deep.resolve("leaf"), "deep", 0644);
        for (int i = 0; i < 5; i++) {
            write(root.resolve("same/copy" + i), "identical content\n", 0644);
        }
        for (int i = 0; i < 12; i++) {
            write(root.resolve("f/f" + String.format("%02d", i)), "x".repeat(i), 0644);
        }
        for (int i = 0; i < 60; i++) {
            byte[] b = new byte[r.nextInt(20000)];
            r.nextBytes(b);
            write(root.resolve("random/r" + i), b, 0600 + r.nextInt(0200));
        }
        return root;
    }

    /** Type, permission bits, content or target of every path below {@code root}, for comparison. */
    static Map<String, String> describe(Path root, boolean withModes) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = "/" + root.relativize(p).toString();
                int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
                String m = withModes ? Integer.toOctalString(mode) : "";
                if (Files.isSymbolicLink(p)) {
                    out.put(rel, "link " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(rel, "dir " + m);
                } else {
                    out.put(rel, "file " + m + " " + Checksum.sha256(Files.readAllBytes(p)));
                }
            }
        }
        return out;
    }

    static void assertSameTree(Path a, Path b) throws IOException {
        assertThat(describe(b, true)).isEqualTo(describe(a, true));
    }

    static List<String> lines(String text) {
        return new ArrayList<>(text.strip().lines().toList());
    }
}
