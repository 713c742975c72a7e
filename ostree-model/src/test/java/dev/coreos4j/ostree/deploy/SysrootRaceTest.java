package dev.coreos4j.ostree.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.repo.Swapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #19 item 1 for deployments: while {@code deploy} checks a commit out (and merges /etc) and while
 * {@code cleanup} removes an old deployment, a racing thread swaps directories under {@code ostree/deploy/} for
 * symlinks to another directory; nothing there is ever written or removed.
 */
class SysrootRaceTest {

    @TempDir
    Path tmp;

    @Test
    void deployAndCleanup_underSymlinkSwaps_neverTouchOutside() throws Exception {
        Sysroot sysroot = Sysroot.initFs(tmp.resolve("sr"));
        SystemRepository repo = sysroot.repository();
        Map<String, String> etc = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            etc.put("conf" + i + ".d/file", "value " + i + "\n");
        }
        Path t1 = OsTrees.tree(tmp.resolve("t1"), "6.1.0", "kernel-1", etc);
        for (int d = 0; d < 30; d++) {
            Path dir = Files.createDirectories(t1.resolve("usr/share/d" + d + "/s"));
            for (int f = 0; f < 20; f++) {
                Files.writeString(dir.resolve("f" + f), "x" + f, StandardCharsets.UTF_8);
            }
        }
        Checksum c1 = repo.commit(t1, "os/stable", "one", "1.0", Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(sysroot.osInit("os").isApplied()).isTrue();
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        for (int f = 0; f < 20; f++) {
            Files.writeString(outside.resolve("keep" + f), "keep");
        }
        List<String> before = Swapper.listing(outside);
        Path deployDir = sysroot.path().resolve("ostree/deploy/os/deploy");
        int swaps = 0;
        for (int round = 0; round < 4; round++) {
            try (Swapper s = new Swapper(deployDir, outside)) {
                try {
                    sysroot.deploy("os", c1.hex(), DeployOptions.DEFAULTS);
                } catch (IOException e) {
                    // refusing is fine; writing outside is not
                }
                s.stop();
                swaps += s.swaps();
            }
            assertThat(Swapper.listing(outside)).as("deploy round %d", round).isEqualTo(before);
            try (Swapper s = new Swapper(deployDir, outside)) {
                try {
                    int n = sysroot.load().size();
                    if (n > 1) {
                        sysroot.undeploy(n - 1);
                    }
                    sysroot.cleanup(false, false);
                } catch (IOException e) {
                    // giving up is fine; removing outside is not
                }
                s.stop();
                swaps += s.swaps();
            }
            assertThat(Swapper.listing(outside)).as("cleanup round %d", round).isEqualTo(before);
        }
        assertThat(swaps).isPositive();
    }
}
