package dev.coreos4j.ostree.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.DirTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #19 item 1: a racing thread swaps the directories a checkout (or a recursive delete) is working in for
 * symlinks to another directory; nothing is ever written to or removed from that directory.
 */
class CheckoutRaceTest {

    @TempDir
    Path tmp;

    static Path wideTree(Path root, int dirs, int files) throws IOException {
        for (int d = 0; d < dirs; d++) {
            Path dir = Files.createDirectories(root.resolve("d" + d).resolve("sub"));
            for (int f = 0; f < files; f++) {
                Files.writeString(
                        dir.getParent().resolve("f" + f), "file " + d + "/" + f + "\n", StandardCharsets.UTF_8);
                Files.writeString(dir.resolve("g" + f), "x", StandardCharsets.UTF_8);
            }
        }
        return root;
    }

    private Path outside() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("sentinel"), "keep\n");
        return outside;
    }

    @Test
    void checkout_underSymlinkSwaps_neverWritesOutsideTheTarget() throws Exception {
        Repository repo = Repository.init(tmp.resolve("repo"));
        Checksum c = repo.commit(
                        wideTree(tmp.resolve("tree"), 40, 25),
                        CommitOptions.builder().branch("b").noXattrs(true).build())
                .checksum();
        Path outside = outside();
        int swaps = 0;
        for (int round = 0; round < 4; round++) {
            Path area = Files.createDirectories(tmp.resolve("area" + round));
            try (Swapper s = new Swapper(area, outside)) {
                try {
                    repo.checkout(c, area.resolve("co"), CheckoutOptions.user());
                } catch (IOException e) {
                    // refusing is fine; writing outside is not
                }
                s.stop();
                swaps += s.swaps();
            }
            assertThat(Swapper.listing(outside)).as("round %d", round).containsExactly("", "sentinel");
        }
        assertThat(swaps).as("the attacker got to swap directories").isPositive();
    }

    @Test
    void deleteTree_underSymlinkSwaps_neverRemovesOutside() throws Exception {
        Path outside = outside();
        for (int f = 0; f < 50; f++) {
            Files.writeString(outside.resolve("o" + f), "keep");
        }
        List<String> before = Swapper.listing(outside);
        int swaps = 0;
        for (int round = 0; round < 3; round++) {
            Path area = Files.createDirectories(tmp.resolve("del" + round));
            wideTree(area.resolve("victim"), 30, 15);
            try (Swapper s = new Swapper(area, outside)) {
                try {
                    FileTrees.deleteTree(area.resolve("victim"));
                } catch (IOException e) {
                    // giving up is fine; removing outside is not
                }
                s.stop();
                swaps += s.swaps();
            }
            assertThat(Swapper.listing(outside)).as("round %d", round).isEqualTo(before);
        }
        assertThat(swaps).isPositive();
    }

    @Test
    void failedCheckout_leavesNoPartialTarget_andARerunWorks() throws Exception {
        Repository repo = Repository.init(tmp.resolve("repo"));
        Checksum c = repo.commit(
                        wideTree(tmp.resolve("tree"), 5, 5),
                        CommitOptions.builder().branch("b").noXattrs(true).build())
                .checksum();
        // corrupt one content object: the checkout fails in the middle
        DirTree root = repo.readDirTree(repo.readCommit(c).rootTree());
        DirTree d3 = repo.readDirTree(root.dir("d3").orElseThrow().tree());
        Checksum victim = d3.file("f2").orElseThrow().checksum();
        Path obj = repo.path()
                .resolve("objects/" + victim.hex().substring(0, 2) + "/"
                        + victim.hex().substring(2) + ".filez");
        byte[] good = Files.readAllBytes(obj);
        Files.write(obj, java.util.Arrays.copyOf(good, good.length - 3));
        Path area = Files.createDirectories(tmp.resolve("area"));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> repo.checkout(c, area.resolve("co"), CheckoutOptions.user()))
                .isInstanceOf(IOException.class);
        assertThat(Swapper.listing(area)).containsExactly("");
        Files.write(obj, good);
        repo.checkout(c, area.resolve("co"), CheckoutOptions.user());
        assertThat(Files.readString(area.resolve("co/d3/f2"))).isEqualTo("file 3/2\n");
        assertThat(Swapper.listing(area).stream().filter(p -> p.contains(".tmp-")))
                .isEmpty();
    }
}
