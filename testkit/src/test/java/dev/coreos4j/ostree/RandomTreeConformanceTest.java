package dev.coreos4j.ostree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ostree.repo.CommitOptions;
import dev.coreos4j.ostree.repo.FileTrees;
import dev.coreos4j.ostree.repo.FsckOptions;
import dev.coreos4j.ostree.repo.Repository;
import dev.coreos4j.testkit.FileTreeSpec;
import dev.coreos4j.testkit.OstreeArbitraries;
import dev.coreos4j.testsupport.Oracles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated trees (the testkit's {@link OstreeArbitraries#fileTrees()}: unicode and punctuation names, every
 * permission pattern incl. setuid/setgid/sticky, dangling and absolute symlinks, empty and large files, empty and
 * deep directories) written to disk and committed by {@code ostree} and by us with the same flags, as a parent chain
 * on one branch: every commit checksum must agree, and {@code ostree fsck} must accept our repository.
 */
class RandomTreeConformanceTest {

    @Property(tries = 8)
    void randomTrees_commitChecksumsAgreeWithOstree(
            @ForAll @Size(min = 1, max = 3) List<@net.jqwik.api.From(supplier = Trees.class) FileTreeSpec> trees,
            @ForAll @IntRange(min = 1, max = 28) int day)
            throws Exception {
        Path ostree = Oracles.require("ostree");
        Path tmp = Files.createTempDirectory("coreos4j-random-trees-");
        try {
            Path o = tmp.resolve("o");
            run(ostree, "--repo=" + o, "init", "--mode=archive");
            Repository repo = Repository.init(tmp.resolve("j"));
            List<String> disagreements = new ArrayList<>();
            for (int t = 0; t < trees.size(); t++) {
                FileTreeSpec spec = trees.get(t);
                trees.get(t).shapes().forEach(s -> Statistics.label("shape").collect(s));
                Path tree = spec.writeTo(tmp.resolve("tree" + t));
                String ts = String.format("2024-01-%02dT12:00:%02dZ", day, t);
                String theirs = run(
                        ostree,
                        "--repo=" + o,
                        "commit",
                        "--branch=random",
                        "--tree=dir=" + tree,
                        "--timestamp=" + ts,
                        "--owner-uid=0",
                        "--owner-gid=0",
                        "--no-xattrs",
                        "--subject=tree " + t,
                        "--add-metadata-string=version=" + t);
                String ours = repo.commit(
                                tree,
                                CommitOptions.builder()
                                        .branch("random")
                                        .subject("tree " + t)
                                        .timestamp(Instant.parse(ts))
                                        .ownerUid(0)
                                        .ownerGid(0)
                                        .noXattrs(true)
                                        .addMetadataString("version", Integer.toString(t))
                                        .build())
                        .checksum()
                        .hex();
                if (!theirs.equals(ours)) {
                    disagreements.add("tree " + t + " " + spec + ": ostree " + theirs + ", ours " + ours);
                }
            }
            assertThat(disagreements).isEmpty();
            run(ostree, "--repo=" + tmp.resolve("j"), "fsck");
            assertThat(repo.log(repo.resolve("random"))).hasSize(trees.size());
            assertThat(Repository.open(o).fsck(FsckOptions.defaults()).findings())
                    .isEmpty();
        } finally {
            FileTrees.deleteTree(tmp);
        }
    }

    /** The tree arbitrary, as a {@code @From} supplier. */
    static final class Trees implements net.jqwik.api.ArbitrarySupplier<FileTreeSpec> {
        @Override
        public net.jqwik.api.Arbitrary<FileTreeSpec> get() {
            return OstreeArbitraries.fileTrees();
        }
    }

    /** Runs the tool; returns the last line of its output; fails with its stderr on a non-zero exit. */
    private static String run(Path tool, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(tool.toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        assertThat(exit).as("%s: %s", cmd, out).isZero();
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1];
    }
}
