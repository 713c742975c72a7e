package dev.coreos4j.ostree.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.coreos4j.ostree.Checksum;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * The on-disk {@link Sysroot} against the pure {@link DeploymentList}: after any chain of transitions the bootloader
 * entries, staged state and booted marker on disk load back as exactly the list the model predicts, the sysroot
 * passes its consistency check, and every deployed commit has a deployment ref.
 */
class SysrootProperties {

    private final List<Path> dirs = new ArrayList<>();

    /** A sysroot, the model's expectation and the commits available. */
    static final class Sim {
        final Sysroot sysroot;
        DeploymentList expected;
        final List<Checksum> commits = new ArrayList<>();

        Sim(Sysroot sysroot) {
            this.sysroot = sysroot;
            this.expected = DeploymentList.EMPTY;
        }

        @Override
        public String toString() {
            return "Sim" + expected.deployments().stream().map(d -> d.id().substring(0, 14) + (d.staged() ? "s" : ""))
                    .toList() + " booted=" + expected.booted();
        }
    }

    @AfterProperty
    void deleteDirs() throws IOException {
        for (Path d : dirs) {
            Fs.deleteTree(d);
        }
        dirs.clear();
    }

    private Sim newSim() {
        try {
            Path dir = Files.createTempDirectory("coreos4j-sysroot-prop-");
            dirs.add(dir);
            Sysroot.initFs(dir.resolve("sr"));
            CrashSafetyTest.noFsync(dir.resolve("sr"));
            Sim sim = new Sim(Sysroot.open(dir.resolve("sr")));
            SystemRepository repo = sim.sysroot.repository();
            for (int i = 1; i <= 3; i++) {
                Path tree = OsTrees.tree(dir.resolve("t" + i), i == 3 ? "6.2.0" : "6.1.0", i == 3 ? "k2" : "k1",
                        Map.of("app.conf", "v" + i + "\n"));
                sim.commits.add(repo.commit(tree, "os/stable", "c" + i, i + ".0", Instant.ofEpochSecond(1_700_000_000L + i)));
            }
            return sim;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 30)
    void diskAlwaysLoadsAsTheModelPredicts(@ForAll("chains") ActionChain<Sim> chain) {
        chain.withInvariant("disk = model, consistent", sim -> {
            try {
                assertThat(sim.sysroot.load()).isEqualTo(sim.expected);
                assertThat(sim.sysroot.check()).isEmpty();
                long entries;
                try (var s = Files.list(sim.sysroot.path().resolve("boot/loader/entries"))) {
                    entries = s.count();
                } catch (java.nio.file.NoSuchFileException e) {
                    entries = 0;
                }
                assertThat(entries).isEqualTo(sim.expected.deployments().stream().filter(d -> !d.staged()).count());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).run();
    }

    @Provide
    Arbitrary<ActionChain<Sim>> chains() {
        return ActionChain.<Sim>startWith(this::newSim)
                .withAction(2, (Action.Independent<Sim>) () -> Arbitraries.of("os", "alt").map(os -> step("os-init " + os,
                        l -> l.initStateroot(os), s -> s.osInit(os))))
                .withAction(4, (Action.Independent<Sim>) () -> Combinators.combine(Arbitraries.of("os", "alt"),
                        Arbitraries.integers().between(0, 2), Arbitraries.of(true, false), Arbitraries.of(true, false))
                        .as((os, c, notDefault, stage) -> deployStep(os, c, notDefault, stage)))
                .withAction(1, (Action.Independent<Sim>) () -> Arbitraries.just(step("finalize",
                        DeploymentList::finalizeStaged, Sysroot::finalizeStaged)))
                .withAction(2, (Action.Independent<Sim>) () -> Arbitraries.integers().between(0, 3).map(i -> step("boot " + i,
                        l -> l.boot(i), s -> s.boot(i))))
                .withAction(2, (Action.Independent<Sim>) () -> Arbitraries.just(step("rollback",
                        DeploymentList::rollback, Sysroot::rollback)))
                .withAction(1, (Action.Independent<Sim>) () -> Arbitraries.integers().between(0, 3).map(i -> step(
                        "set-default " + i, l -> l.setDefault(i), s -> s.setDefault(i))))
                .withAction(1, (Action.Independent<Sim>) () -> Arbitraries.integers().between(0, 3).map(i -> step(
                        "undeploy " + i, l -> l.undeploy(i), s -> s.undeploy(i))))
                .withAction(1, (Action.Independent<Sim>) () -> Combinators.combine(Arbitraries.integers().between(0, 3),
                        Arbitraries.of(true, false)).as((i, p) -> step("pin " + i + " " + p, l -> l.pin(i, p),
                        s -> s.pin(i, p))))
                .withAction(1, (Action.Independent<Sim>) () -> Arbitraries.of("quiet", "a=1").map(arg -> step("kargs " + arg,
                        l -> l.changeKargs(List.of(KargEdit.append(arg)), false),
                        s -> s.changeKargs(List.of(KargEdit.append(arg)), false))))
                .withAction(1, (Action.Independent<Sim>) () -> Combinators.combine(Arbitraries.of(true, false),
                        Arbitraries.of(true, false)).as((p, r) -> step("cleanup " + p + " " + r, l -> l.cleanup(p, r),
                        s -> s.cleanup(p, r))))
                .withMaxTransformations(18);
    }

    interface ModelStep {
        Transition apply(DeploymentList l);
    }

    interface DiskStep {
        Transition apply(Sysroot s) throws IOException;
    }

    private static Transformer<Sim> deployStep(String os, int c, boolean notDefault, boolean stage) {
        return Transformer.mutate((stage ? "stage " : "deploy ") + os + " c" + c + (notDefault ? " --not-as-default" : ""),
                sim -> {
                    try {
                        Checksum commit = sim.commits.get(c);
                        DeployOptions o = DeployOptions.DEFAULTS.withNotAsDefault(notDefault && !stage);
                        Transition disk = stage ? sim.sysroot.stage(os, commit.hex(), o) : sim.sysroot.deploy(os, commit.hex(), o);
                        DeployTarget target = new DeployTarget(os, commit,
                                Sysroot.bootcsum(sim.sysroot.repository(), commit).orElseThrow(), Origin.ofRefspec(commit.hex()));
                        Transition model = stage ? sim.expected.stage(target, o) : sim.expected.deploy(target, o);
                        compare(sim, model, disk);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private static Transformer<Sim> step(String description, ModelStep model, DiskStep disk) {
        return Transformer.mutate(description, sim -> {
            try {
                compare(sim, model.apply(sim.expected), disk.apply(sim.sysroot));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void compare(Sim sim, Transition model, Transition disk) {
        assertThat(disk.isApplied()).as("model: %s / disk: %s", model.message(), disk.message())
                .isEqualTo(model.isApplied());
        if (model.isApplied()) {
            sim.expected = model.list();
        } else {
            assertThat(disk.refusal().reason()).isEqualTo(model.refusal().reason());
        }
    }
}
