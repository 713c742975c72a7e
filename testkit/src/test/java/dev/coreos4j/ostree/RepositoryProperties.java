package dev.coreos4j.ostree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ostree.repo.CommitOptions;
import dev.coreos4j.ostree.repo.CommitResult;
import dev.coreos4j.ostree.repo.FileTrees;
import dev.coreos4j.ostree.repo.FsckOptions;
import dev.coreos4j.ostree.repo.FsckReport;
import dev.coreos4j.ostree.repo.MutableTree;
import dev.coreos4j.ostree.repo.PruneOptions;
import dev.coreos4j.ostree.repo.RefUpdate;
import dev.coreos4j.ostree.repo.Repository;
import dev.coreos4j.ostree.repo.Transaction;
import dev.coreos4j.testkit.CommitHistorySpec;
import dev.coreos4j.testkit.OstreeArbitraries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Repository transactions as a state machine on a real on-disk repository: random chains of commits, stale
 * compare-and-set updates, ref deletions, abandoned transactions and prunes, against a model of the branch heads.
 */
class RepositoryProperties {

    private static final List<String> BRANCHES = List.of("os/stable", "os/next", "remote:os/stable");

    /** The repository plus the model: each branch's head. */
    static final class Sim {
        final Path dir;
        final Repository repo;
        final Map<String, Checksum> heads = new HashMap<>();
        int counter;

        Sim() {
            try {
                dir = Files.createTempDirectory("coreos4j-repo-props");
                Repository.init(dir.resolve("repo")).close();
                // durability is not what this property checks; syncing every generated tree only costs time
                Files.writeString(dir.resolve("repo/config"), "fsync=false\n", StandardOpenOption.APPEND);
                repo = Repository.open(dir.resolve("repo"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return "Sim" + heads;
        }
    }

    private interface IoStep {
        void run(Sim s) throws IOException;
    }

    private static Transformer<Sim> step(String description, IoStep step) {
        return Transformer.mutate(description, s -> {
            try {
                step.run(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Property(tries = 15)
    void anyChain_keepsRefsCompleteAndTheRepositoryClean(@ForAll("chains") ActionChain<Sim> chain) throws IOException {
        Sim end = chain.withInvariant("refs match the model", s -> {
                    try {
                        assertThat(s.repo.refs()).isEqualTo(s.heads);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .withInvariant("fsck is clean and every ref names a complete commit", s -> {
                    try {
                        FsckReport report = s.repo.fsck(new FsckOptions(false, false));
                        assertThat(report.findings()).isEmpty();
                        for (Checksum head : s.heads.values()) {
                            assertThat(s.repo.has(ObjectType.COMMIT, head)).isTrue();
                            assertThat(s.repo.isPartial(head)).isFalse();
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .run();
        FileTrees.deleteTree(end.dir);
    }

    @Provide
    Arbitrary<ActionChain<Sim>> chains() {
        return ActionChain.<Sim>startWith(Sim::new)
                .withAction(5, new CommitAction())
                .withAction(1, new HistoryAction())
                .withAction(2, (Action.Independent<Sim>) () -> Arbitraries.of(BRANCHES)
                        .map(b -> step("stale CAS on " + b, s -> {
                            Optional<Checksum> actual = Optional.ofNullable(s.heads.get(b));
                            Optional<Checksum> stale = Optional.of(Checksum.sha256(new byte[] {(byte) s.counter++}));
                            Optional<Checksum> target =
                                    s.heads.values().stream().findFirst();
                            if (target.isEmpty()) {
                                return;
                            }
                            RefUpdate u = s.repo.updateRef(b, stale.orElse(null), target.orElse(null));
                            assertThat(u)
                                    .isEqualTo(new RefUpdate.Conflict(
                                            b, stale.orElse(null), actual.orElse(null), target.orElse(null)));
                        })))
                .withAction(1, (Action.Independent<Sim>) () -> Arbitraries.of(BRANCHES)
                        .map(b -> step("delete " + b, s -> {
                            if (s.heads.containsKey(b)) {
                                RefUpdate u = s.repo.updateRef(b, s.heads.get(b), null);
                                assertThat(u.applied()).isTrue();
                                s.heads.remove(b);
                            }
                        })))
                .withAction(1, (Action.Independent<Sim>) () -> Arbitraries.just(step("abandoned transaction", s -> {
                    try (Transaction tx = s.repo.begin()) {
                        tx.writeTree(new MutableTree().putFile("abandoned", 0644, new byte[] {(byte) s.counter++}));
                    }
                })))
                .withAction(1, (Action.Independent<Sim>) () -> Combinators.combine(
                                Arbitraries.of(true, false),
                                Arbitraries.integers().between(-1, 2))
                        .as((refsOnly, depth) -> step(
                                "prune refsOnly=" + refsOnly + " depth=" + depth,
                                s -> s.repo.prune(new PruneOptions(refsOnly, depth, Set.of(), false)))))
                .withMaxTransformations(10);
    }

    /** Commits a generated tree (plus a unique marker file, so every commit is new) to a branch. */
    private static final class CommitAction implements Action.Independent<Sim> {
        @Override
        public Arbitrary<Transformer<Sim>> transformer() {
            return Combinators.combine(Arbitraries.of(BRANCHES), OstreeArbitraries.fileTrees(2))
                    .as((b, spec) -> step("commit " + spec + " to " + b, s -> {
                        MutableTree tree = spec.toMutableTree();
                        tree.putFile(
                                "n-" + s.counter,
                                0600,
                                Integer.toString(s.counter++).getBytes());
                        Optional<Checksum> before = Optional.ofNullable(s.heads.get(b));
                        CommitResult r = s.repo.commit(
                                tree,
                                CommitOptions.builder()
                                        .branch(b)
                                        .subject(b)
                                        .timestamp(s.counter)
                                        .build());
                        assertThat(r.commit().parent()).isEqualTo(before);
                        assertThat(r.refUpdate())
                                .isEqualTo(new RefUpdate.Updated(b, before.orElse(null), r.checksum()));
                        s.heads.put(b, r.checksum());
                    }));
        }
    }

    /** Replays a generated history on a branch: a parent chain whose log the repository reports back in order. */
    private static final class HistoryAction implements Action.Independent<Sim> {
        @Override
        public Arbitrary<Transformer<Sim>> transformer() {
            return Combinators.combine(Arbitraries.of(BRANCHES), OstreeArbitraries.commitHistories())
                    .as((b, h) -> step("history of " + h.commits().size() + " on " + b, s -> {
                        Optional<Checksum> before = Optional.ofNullable(s.heads.get(b));
                        List<Checksum> sums = h.commitTo(s.repo, b);
                        assertThat(s.repo.readCommit(sums.get(0)).parent()).isEqualTo(before);
                        for (int i = 1; i < sums.size(); i++) {
                            assertThat(s.repo.readCommit(sums.get(i)).parent()).hasValue(sums.get(i - 1));
                        }
                        Checksum head = sums.get(sums.size() - 1);
                        CommitHistorySpec.Commit last =
                                h.commits().get(h.commits().size() - 1);
                        CommitObject c = s.repo.readCommit(head);
                        assertThat(c.subject()).isEqualTo(last.subject());
                        assertThat(c.timestamp()).isEqualTo(last.timestamp());
                        last.metadata()
                                .forEach((k, v) -> assertThat(c.metadata()
                                                .get(k)
                                                .orElseThrow()
                                                .asString())
                                        .isEqualTo(v));
                        s.heads.put(b, head);
                    }));
        }
    }
}
