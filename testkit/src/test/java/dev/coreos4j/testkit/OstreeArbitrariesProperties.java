package dev.coreos4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.repo.CommitOptions;
import dev.coreos4j.ostree.repo.FileTrees;
import dev.coreos4j.ostree.repo.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;

/** The OSTree arbitraries: trees written to disk and trees built in memory commit alike; shapes are all reached. */
class OstreeArbitrariesProperties {

    private Path tmp;
    private Repository repo;

    @BeforeProperty
    void open() throws IOException {
        tmp = Files.createTempDirectory("coreos4j-tk-trees-");
        Repository.init(tmp.resolve("repo")).close();
        Files.writeString(tmp.resolve("repo/config"), "fsync=false\n", java.nio.file.StandardOpenOption.APPEND);
        repo = Repository.open(tmp.resolve("repo"));
    }

    @AfterProperty
    void delete() throws IOException {
        FileTrees.deleteTree(tmp);
    }

    @Property(tries = 40)
    void fileTree_diskAndMemoryCommitsAgree(@ForAll("trees") FileTreeSpec spec) throws IOException {
        Path dir = spec.writeTo(Files.createTempDirectory(tmp, "t"));
        CommitOptions o = CommitOptions.builder()
                .subject("t")
                .timestamp(1_700_000_000L)
                .ownerUid(0)
                .ownerGid(0)
                .noXattrs(true)
                .build();
        Checksum fromDisk = repo.commit(dir, o).checksum();
        Checksum fromMemory = repo.commit(spec.toMutableTree(), o).checksum();
        assertThat(fromMemory).as("%s", spec).isEqualTo(fromDisk);
        FileTrees.deleteTree(dir);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<FileTreeSpec> trees() {
        return OstreeArbitraries.fileTrees();
    }

    /** Every documented shape is reached in a normal run (jqwik fails the property when coverage is missed). */
    @Property(tries = 1000)
    void fileTrees_reachEveryShape(@ForAll("trees") FileTreeSpec spec) {
        spec.shapes().forEach(s -> Statistics.label("shape").collect(s));
        Statistics.label("shape").coverage(c -> {
            for (String s : new String[] {
                "empty-file",
                "large-file",
                "setuid",
                "setgid",
                "sticky",
                "symlink-absolute",
                "symlink-dangling",
                "unicode-name",
                "duplicate-content",
                "empty-dir",
                "deep",
                "empty-tree"
            }) {
                c.check(s).count(n -> n > 0);
            }
        });
    }

    @Property(tries = 100)
    void fileTreeSpec_rejectsWhatItPromisesToReject(@ForAll("trees") FileTreeSpec spec) {
        if (spec.entries().isEmpty()) {
            return;
        }
        FileTreeSpec.Entry first = spec.entries().get(0);
        java.util.List<FileTreeSpec.Entry> twice = new java.util.ArrayList<>(spec.entries());
        twice.add(first);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FileTreeSpec(spec.rootMode(), twice))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listed twice");
    }

    @Property(tries = 20)
    void commitHistories_replayAsParentChains(@ForAll("histories") CommitHistorySpec h) throws IOException {
        java.util.List<Checksum> sums = new java.util.ArrayList<>(h.commitTo(repo, "h"));
        Checksum head = sums.get(sums.size() - 1);
        java.util.Collections.reverse(sums);
        assertThat(repo.log(head)).extracting(Repository.LogEntry::checksum).startsWith(sums.toArray(Checksum[]::new));
        Statistics.label("length").collect(h.commits().size());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<CommitHistorySpec> histories() {
        return OstreeArbitraries.commitHistories();
    }
}
