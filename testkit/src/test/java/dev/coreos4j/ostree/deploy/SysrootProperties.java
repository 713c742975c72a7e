package dev.coreos4j.ostree.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.testkit.DeploymentSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.state.ActionChain;

/**
 * The on-disk {@link Sysroot} against the pure {@link DeploymentList}: the testkit's disk-backed
 * {@link DeploymentSimulator} runs every step on both and checks after each that the bootloader entries, staged state
 * and booted marker on disk load back as exactly the list the model predicts and that the sysroot passes its
 * consistency check; here we also count the bootloader entries. Power loss (run directory wiped, then a boot) is
 * part of the chains.
 */
class SysrootProperties {

    private final List<Path> dirs = new ArrayList<>();

    @AfterProperty
    void deleteDirs() throws IOException {
        for (Path d : dirs) {
            Fs.deleteTree(d);
        }
        dirs.clear();
    }

    private DeploymentSimulator newSim() {
        try {
            Path dir = Files.createTempDirectory("coreos4j-sysroot-prop-");
            dirs.add(dir);
            return DeploymentSimulator.onDisk(dirs.size(), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 30)
    void diskAlwaysLoadsAsTheModelPredicts(@ForAll("chains") ActionChain<DeploymentSimulator> chain) {
        chain.withInvariant("one bootloader entry per non-staged deployment", sim -> {
                    try {
                        Sysroot sysroot = sim.sysroot().orElseThrow();
                        long entries;
                        try (var s = Files.list(sysroot.path().resolve("boot/loader/entries"))) {
                            entries = s.count();
                        } catch (java.nio.file.NoSuchFileException e) {
                            entries = 0;
                        }
                        assertThat(entries)
                                .isEqualTo(sim.list().deployments().stream()
                                        .filter(d -> !d.staged())
                                        .count());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .run();
    }

    @Provide
    Arbitrary<ActionChain<DeploymentSimulator>> chains() {
        return DeploymentSimulator.actionChains(this::newSim, 18);
    }
}
