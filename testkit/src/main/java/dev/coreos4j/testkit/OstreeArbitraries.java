package dev.coreos4j.testkit;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.CommitObject;
import dev.coreos4j.ostree.DirMeta;
import dev.coreos4j.ostree.DirTree;
import dev.coreos4j.ostree.FileHeader;
import dev.coreos4j.ostree.Metadata;
import dev.coreos4j.ostree.Names;
import dev.coreos4j.ostree.Variant;
import dev.coreos4j.ostree.Xattr;
import dev.coreos4j.ostree.deploy.DeploymentList;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Transformer;

/**
 * jqwik arbitraries for OSTree values: file names, checksums, objects (dirtree, dirmeta, file headers, commits,
 * metadata), file trees ({@link FileTreeSpec}), commit histories ({@link CommitHistorySpec}) and deployment lists
 * reachable through legal transitions. Every arbitrary shrinks towards small values (short names, few entries,
 * empty content, short histories). Stateless; each method returns a new arbitrary.
 */
public final class OstreeArbitraries {

    private OstreeArbitraries() {}

    private static final List<String> UNICODE_NAMES =
            List.of("caf\u00e9", "\uFB01", "\uD83D\uDE00", "\u65e5\u672c", "a\u0301", "\uFFFD", "\u00ff", "\u0416");

    /**
     * Valid dirtree entry names: printable ASCII (punctuation, spaces, dots, dashes included) and non-ASCII names
     * whose UTF-8 and UTF-16 orders differ. Never {@code .}, {@code ..}, empty, with {@code /} or NUL.
     */
    public static Arbitrary<String> names() {
        Arbitrary<String> ascii = Arbitraries.strings()
                .withCharRange('!', '~')
                .withChars(' ')
                .ofMinLength(1)
                .ofMaxLength(12)
                .filter(n -> !n.contains("/"));
        Arbitrary<String> simple =
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> unicode = Arbitraries.of(UNICODE_NAMES);
        return Arbitraries.frequencyOf(Tuple.of(5, simple), Tuple.of(2, ascii), Tuple.of(2, unicode))
                .filter(n -> Names.whyInvalidFilename(n) == null)
                .edgeCases(c -> c.add("a", "caf\u00e9", "\uD83D\uDE00"));
    }

    /** Arbitrary SHA-256 checksums. */
    public static Arbitrary<Checksum> checksums() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32).map(Checksum::fromBytes);
    }

    /** Up to three {@code user.*} xattrs with unique names. */
    public static Arbitrary<List<Xattr>> xattrLists() {
        Arbitrary<Xattr> x = Combinators.combine(
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .ofMinLength(1)
                                .ofMaxLength(6)
                                .map(s -> "user." + s),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(8))
                .as(Xattr::new);
        return x.list().ofMaxSize(3).uniqueElements(Xattr::name);
    }

    /** Regular-file and symlink headers with every permission pattern, odd ids ({@code -2}, 65534) and xattrs. */
    public static Arbitrary<FileHeader> fileHeaders() {
        Arbitrary<Integer> ids = Arbitraries.of(0, 1, 1000, 65534, -2);
        Arbitrary<Integer> perms = Arbitraries.integers().between(0, 07777);
        Arbitrary<FileHeader> regular =
                Combinators.combine(ids, ids, perms, xattrLists()).as(FileHeader::regular);
        Arbitrary<FileHeader> symlink = Combinators.combine(
                        ids,
                        ids,
                        Arbitraries.strings()
                                .withCharRange(' ', '~')
                                .ofMinLength(1)
                                .ofMaxLength(40),
                        xattrLists())
                .as(FileHeader::symlink);
        return Arbitraries.oneOf(regular, symlink);
    }

    /** Directory metadata with any permission bits and xattrs. */
    public static Arbitrary<DirMeta> dirMetas() {
        Arbitrary<Integer> ids = Arbitraries.of(0, 1, 1000);
        return Combinators.combine(ids, ids, Arbitraries.integers().between(0, 07777), xattrLists())
                .as(DirMeta::of);
    }

    /** Dirtree objects of up to twelve uniquely named entries (half files, half directories). */
    public static Arbitrary<DirTree> dirTrees() {
        return names().list().ofMaxSize(12).uniqueElements().flatMap(names -> {
            int split = names.size() / 2;
            return checksums().list().ofSize(names.size() * 2).map(cs -> {
                List<DirTree.FileEntry> files = new ArrayList<>();
                List<DirTree.DirEntry> dirs = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    if (i < split) {
                        files.add(new DirTree.FileEntry(names.get(i), cs.get(i)));
                    } else {
                        dirs.add(new DirTree.DirEntry(names.get(i), cs.get(i), cs.get(names.size() + i)));
                    }
                }
                return new DirTree(files, dirs);
            });
        });
    }

    private static Arbitrary<String> variantStrings(int maxLength) {
        return Arbitraries.strings()
                .ofMaxLength(maxLength)
                .filter(s -> s.indexOf('\0') < 0 && s.chars().noneMatch(ch -> Character.isSurrogate((char) ch)));
    }

    /** {@code a{sv}} metadata: strings (long ones too), string lists, booleans and byte-array lists. */
    public static Arbitrary<Metadata> metadatas() {
        Arbitrary<Variant> values = Arbitraries.oneOf(
                variantStrings(300).map(Variant::ofString),
                Arbitraries.strings()
                        .withCharRange('a', 'z')
                        .list()
                        .ofMaxSize(4)
                        .map(Variant::ofStrings),
                Arbitraries.of(true, false).map(Variant::ofBoolean),
                Arbitraries.bytes()
                        .array(byte[].class)
                        .ofMaxSize(70)
                        .list()
                        .ofMaxSize(3)
                        .map(Variant::ofByteArrays));
        Arbitrary<Metadata.Entry> entries = Combinators.combine(
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .ofMinLength(1)
                                .ofMaxLength(10),
                        values)
                .as(Metadata.Entry::new);
        return entries.list().ofMaxSize(5).uniqueElements(Metadata.Entry::key).map(Metadata::new);
    }

    /** Commit objects with metadata, an optional parent, any subject, timestamps up to 2096. */
    public static Arbitrary<CommitObject> commits() {
        return Combinators.combine(
                        metadatas(),
                        checksums().optional(),
                        variantStrings(30),
                        Arbitraries.longs().between(0, 4_000_000_000L),
                        checksums(),
                        checksums())
                .as((m, parent, subject, ts, tree, meta) -> new CommitObject(
                        m, parent, List.of(), subject, subject.isEmpty() ? "" : "body of " + subject, ts, tree, meta));
    }

    // ------------------------------------------------------------------------------------------------ trees

    /** A generated node before paths are assigned. */
    private sealed interface Node permits DirNode, FileNode, LinkNode {
        String name();
    }

    private record DirNode(String name, int mode, List<Node> children) implements Node {}

    @SuppressWarnings("ArrayRecordComponent") // private; the bytes are only written out
    private record FileNode(String name, int mode, byte[] content) implements Node {}

    private record LinkNode(String name, String target) implements Node {}

    private static final byte[] SHARED = "shared content\n".getBytes(StandardCharsets.UTF_8);

    /** File contents: empty, shared (duplicates), small text/binary, and large (over 64 KiB) pseudo-random blobs. */
    static Arbitrary<byte[]> contents() {
        Arbitrary<byte[]> small = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        Arbitrary<byte[]> text =
                Arbitraries.strings().alpha().ofMaxLength(200).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> large = Combinators.combine(
                        Arbitraries.integers().between(65_537, 140_000), Arbitraries.longs())
                .as((size, seed) -> {
                    byte[] b = new byte[size];
                    new Random(seed).nextBytes(b);
                    return b;
                });
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(new byte[0])),
                Tuple.of(2, Arbitraries.just(SHARED)),
                Tuple.of(6, small),
                Tuple.of(4, text),
                Tuple.of(1, large));
    }

    private static Arbitrary<Integer> fileModes() {
        return Arbitraries.integers()
                .between(0, 07777)
                .map(m -> m | 0400)
                .edgeCases(c -> c.add(0644, 04755, 02755, 01644, 0400));
    }

    private static Arbitrary<Integer> dirModes() {
        return Arbitraries.integers()
                .between(0, 07777)
                .map(m -> m | 0700)
                .edgeCases(c -> c.add(0755, 01777, 02775, 0700));
    }

    /**
     * {@link #names()} without U+FFFD: a file name or symlink target read from disk that holds it cannot be told
     * from an undecodable one, so our tree scanner rejects it.
     */
    private static Arbitrary<String> treeNames() {
        return names().filter(n -> n.indexOf('\uFFFD') < 0);
    }

    private static Arbitrary<Node> leaf() {
        Arbitrary<Node> file =
                Combinators.combine(treeNames(), fileModes(), contents()).as(FileNode::new);
        Arbitrary<String> target = Arbitraries.oneOf(
                treeNames(),
                treeNames().map(n -> "../" + n),
                treeNames().map(n -> "/" + n + "/x"),
                Arbitraries.of("/etc/os-release", ".", "a/b/c"));
        Arbitrary<Node> link = Combinators.combine(treeNames(), target).as(LinkNode::new);
        return Arbitraries.frequencyOf(Tuple.of(4, file), Tuple.of(1, link));
    }

    private static Arbitrary<DirNode> dir(Arbitrary<Node> inner) {
        return Combinators.combine(treeNames(), dirModes(), inner.list().ofMaxSize(5))
                .as((n, m, children) -> new DirNode(n, m, unique(children)));
    }

    private static List<Node> unique(List<Node> nodes) {
        Set<String> seen = new HashSet<>();
        return nodes.stream().filter(n -> seen.add(n.name())).toList();
    }

    /**
     * File trees of depth up to 5 (and, occasionally, a chain 8 to 12 directories deep) with regular files of size 0
     * to 140,000 bytes (a few over 64 KiB), duplicate contents, modes with setuid/setgid/sticky, symlinks (relative,
     * absolute, dangling), unicode names and empty directories. Shrinks towards the empty tree.
     * {@link FileTreeSpec#shapes()} names what a tree exhibits.
     */
    public static Arbitrary<FileTreeSpec> fileTrees() {
        Arbitrary<FileTreeSpec> deep = Combinators.combine(
                        Arbitraries.integers().between(8, 12), treeNames(), contents())
                .as((depth, name, content) -> {
                    Node n = new FileNode(name, 0644, content);
                    for (int i = depth - 1; i >= 0; i--) {
                        n = new DirNode("d" + i, 0755, List.of(n));
                    }
                    return flatten(0755, List.of(n));
                });
        return Arbitraries.frequencyOf(Tuple.of(12, fileTrees(5)), Tuple.of(1, deep))
                .edgeCases(c -> c.add(FileTreeSpec.EMPTY));
    }

    /**
     * {@link #fileTrees()} with nesting limited to {@code maxDepth} levels below the root (no deep chains).
     *
     * @throws IllegalArgumentException if {@code maxDepth < 1}
     */
    public static Arbitrary<FileTreeSpec> fileTrees(int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be >= 1: " + maxDepth);
        }
        Arbitrary<Node> tree = Arbitraries.recursive(
                OstreeArbitraries::leaf,
                inner -> Arbitraries.frequencyOf(
                        Tuple.of(2, leaf()), Tuple.of(1, dir(inner).map(d -> (Node) d))),
                0,
                maxDepth - 1);
        Arbitrary<List<Node>> roots = tree.list().ofMaxSize(6).map(OstreeArbitraries::unique);
        return Combinators.combine(dirModes(), roots)
                .as(OstreeArbitraries::flatten)
                .edgeCases(c -> c.add(FileTreeSpec.EMPTY));
    }

    private static FileTreeSpec flatten(int rootMode, List<Node> roots) {
        List<FileTreeSpec.Entry> out = new ArrayList<>();
        for (Node n : roots) {
            flatten("", n, out);
        }
        return new FileTreeSpec(rootMode, out);
    }

    private static void flatten(String prefix, Node n, List<FileTreeSpec.Entry> out) {
        String path = prefix + n.name();
        if (n instanceof DirNode dirNode) {
            out.add(new FileTreeSpec.Dir(path, dirNode.mode()));
            for (Node child : dirNode.children()) {
                flatten(path + "/", child, out);
            }
        } else if (n instanceof FileNode fileNode) {
            out.add(new FileTreeSpec.File(path, fileNode.mode(), fileNode.content()));
        } else {
            out.add(new FileTreeSpec.Symlink(path, ((LinkNode) n).target()));
        }
    }

    /** Bootable OS trees ({@link FileTreeSpec#osTree}): kernel 6.x.y, a kernel blob, a few {@code /usr/etc} files. */
    public static Arbitrary<FileTreeSpec> osTrees() {
        Arbitrary<Map<String, String>> etc = Arbitraries.maps(
                        Arbitraries.of("app.conf", "hostname", "sub/dir.conf", "motd"),
                        Arbitraries.strings().alpha().ofMaxLength(20))
                .ofMaxSize(3);
        return Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.of("k1", "k2", "k3"), etc)
                .as((minor, kernel, files) -> FileTreeSpec.osTree("6." + minor + ".0", kernel, files));
    }

    // ------------------------------------------------------------------------------------------------ histories

    /**
     * Linear histories of 1 to 6 commits with subjects (empty, ASCII, unicode), bodies, {@code version} and other
     * string metadata, timestamps that usually increase but may repeat or go back, and small trees (depth 2).
     */
    public static Arbitrary<CommitHistorySpec> commitHistories() {
        Arbitrary<String> subject = Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(30),
                Arbitraries.of("Release 39.2023 \u2014 caf\u00e9", "fix: \uD83D\uDE00"));
        Arbitrary<Map<String, String>> metadata = Arbitraries.maps(
                        Arbitraries.of(
                                "version", "ostree.bootable", "coreos-assembler.basearch", "rpmostree.inputhash"),
                        Arbitraries.strings().alpha().numeric().ofMaxLength(12))
                .ofMaxSize(3);
        Arbitrary<Long> step = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.longs().between(1, 86_400)),
                Tuple.of(1, Arbitraries.just(0L)),
                Tuple.of(1, Arbitraries.longs().between(-3600, -1)));
        Arbitrary<CommitHistorySpec.Commit> commit = Combinators.combine(subject, subject, metadata, step, fileTrees(2))
                .as((s, b, m, dt, tree) -> new CommitHistorySpec.Commit(s, b, 1_700_000_000L + dt, m, tree));
        return commit.list().ofMinSize(1).ofMaxSize(6).map(cs -> {
            // turn the per-commit offsets into a running clock
            List<CommitHistorySpec.Commit> out = new ArrayList<>();
            long clock = 1_700_000_000L;
            for (CommitHistorySpec.Commit c : cs) {
                clock = Math.max(0, clock + (c.timestamp() - 1_700_000_000L));
                out.add(new CommitHistorySpec.Commit(c.subject(), c.body(), clock, c.metadata(), c.tree()));
            }
            return new CommitHistorySpec(out);
        });
    }

    // ------------------------------------------------------------------------------------------------ deployments

    /**
     * Deployment lists reachable from an empty sysroot through legal transitions of a model-mode
     * {@link DeploymentSimulator}: five in six start from a booted machine (two in five of those with a second
     * stateroot), then up to {@code maxSteps} random steps (every action of {@link DeploymentSimulator#actionChains};
     * refused steps are skipped); a fifth end with a stage of the booted stateroot, a fifth with a pin. Every list
     * satisfies {@link DeploymentInvariants#checkList}.
     */
    public static Arbitrary<DeploymentList> deploymentLists(int maxSteps) {
        List<Arbitrary<Transformer<DeploymentSimulator>>> actions = List.of(
                DeploymentSimulator.osInitAction().transformer(),
                DeploymentSimulator.deployAction().transformer(),
                DeploymentSimulator.stageAction().transformer(),
                DeploymentSimulator.rebootAction().transformer(),
                DeploymentSimulator.finalizeAction().transformer(),
                DeploymentSimulator.rollbackAction().transformer(),
                DeploymentSimulator.pinAction().transformer(),
                DeploymentSimulator.undeployAction().transformer(),
                DeploymentSimulator.kargsAction().transformer(),
                DeploymentSimulator.cleanupAction().transformer(),
                DeploymentSimulator.powerLossAction().transformer(),
                DeploymentSimulator.setDefaultAction().transformer());
        Arbitrary<Transformer<DeploymentSimulator>> any = Arbitraries.frequencyOf(
                Tuple.of(3, actions.get(0)), Tuple.of(6, actions.get(1)),
                Tuple.of(3, actions.get(2)), Tuple.of(5, actions.get(3)),
                Tuple.of(1, actions.get(4)), Tuple.of(2, actions.get(5)),
                Tuple.of(2, actions.get(6)), Tuple.of(1, actions.get(7)),
                Tuple.of(1, actions.get(8)), Tuple.of(1, actions.get(9)),
                Tuple.of(1, actions.get(10)), Tuple.of(1, actions.get(11)));
        // a staged deployment only survives until the next write or boot, and pins are rare among random indexes, so
        // a fifth of the lists end with a stage of the booted stateroot (when booted) and a fifth with a pin
        Arbitrary<Integer> tail = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(-1)),
                Tuple.of(1, Arbitraries.integers().between(0, 2)),
                Tuple.of(1, Arbitraries.integers().between(3, 4)));
        // random steps from an empty sysroot rarely get as far as a boot, so most lists start from a booted
        // machine: 0 = empty sysroot, 1 = fedora booted, 2 = fedora booted plus a deployment of rhcos
        Arbitrary<Integer> start = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(0)), Tuple.of(3, Arbitraries.just(1)), Tuple.of(2, Arbitraries.just(2)));
        return Combinators.combine(start, any.list().ofMaxSize(maxSteps), tail).as((from, steps, stageCommit) -> {
            DeploymentSimulator sim = new DeploymentSimulator(steps.size());
            if (from > 0) {
                sim.osInit("fedora");
                sim.deploy("fedora", 0, dev.coreos4j.ostree.deploy.DeployOptions.DEFAULTS);
                sim.reboot(0);
            }
            if (from > 1) {
                sim.osInit("rhcos");
                sim.deploy("rhcos", 1, dev.coreos4j.ostree.deploy.DeployOptions.DEFAULTS.withNotAsDefault(true));
            }
            for (Transformer<DeploymentSimulator> t : steps) {
                sim = t.apply(sim);
            }
            if (stageCommit >= 3) {
                sim.pin(stageCommit - 3, true);
            } else if (stageCommit >= 0 && sim.list().bootedDeployment().isPresent()) {
                sim.stage(
                        sim.list().bootedDeployment().get().stateroot(),
                        stageCommit,
                        dev.coreos4j.ostree.deploy.DeployOptions.DEFAULTS);
            }
            return sim.list();
        });
    }

    /** {@link #deploymentLists(int)} with up to 25 steps. */
    public static Arbitrary<DeploymentList> deploymentLists() {
        return deploymentLists(25);
    }
}
