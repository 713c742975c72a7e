package dev.coreos4j.ostree.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.OstreeTool;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17's checkout spellings, each run by the real {@code ostree checkout} (2022.7) on the same repository and
 * compared: {@code --subpath} of a single file into DEST/FILE and into an existing {@code .}, user xattrs restored
 * outside user mode, {@code -H} (refused by an archive repository with ostree's text) and {@code -C}. Cases follow
 * ostree's tests/basic-test.sh ("checkout -H", "checkout -C", "checkout subpath").
 */
class CheckoutSpellingsConformanceTest {

    @TempDir
    Path tmp;

    OstreeTool ostree;
    Repository repo;
    Checksum commit;

    @BeforeEach
    void setUp() throws Exception {
        ostree = OstreeTool.require();
        repo = Repository.init(tmp.resolve("repo"));
        Path tree = Files.createDirectories(tmp.resolve("tree/baz"));
        Files.writeString(tree.resolve("saucer"), "alien\n", StandardCharsets.UTF_8);
        Files.writeString(tree.resolve("cow"), "moo\n", StandardCharsets.UTF_8);
        Files.createSymbolicLink(tree.resolve("alink"), Path.of("cow"));
        Files.getFileAttributeView(tree.resolve("cow"), UserDefinedFileAttributeView.class)
                .write("test", ByteBuffer.wrap("value".getBytes(StandardCharsets.UTF_8)));
        commit = repo.commit(
                        tmp.resolve("tree"),
                        CommitOptions.builder().branch("test2").build())
                .checksum();
    }

    private String repoArg() {
        return "--repo=" + repo.path();
    }

    @Test
    void subpathOfAFile_goesToDestSlashFile_likeOstree() throws Exception {
        repo.checkout(commit, tmp.resolve("ours"), CheckoutOptions.user().withSubpath("/baz/saucer"));
        ostree.run(
                        repoArg(),
                        "checkout",
                        "-U",
                        "--subpath",
                        "/baz/saucer",
                        "test2",
                        tmp.resolve("theirs").toString())
                .ok();
        for (Path side : new Path[] {tmp.resolve("ours"), tmp.resolve("theirs")}) {
            assertThat(Files.readString(side.resolve("saucer"))).isEqualTo("alien\n");
        }
        assertThat(Files.getAttribute(tmp.resolve("ours"), "unix:mode"))
                .isEqualTo(Files.getAttribute(tmp.resolve("theirs"), "unix:mode"));
    }

    @Test
    void subpathOfAFile_intoAnExistingDot_likeOstree() throws Exception {
        Path ours = Files.createDirectories(tmp.resolve("t-ours"));
        Path theirs = Files.createDirectories(tmp.resolve("t-theirs"));
        repo.checkout(commit, ours.resolve("."), CheckoutOptions.user().withSubpath("/baz/saucer"));
        ProcessBuilder pb = new ProcessBuilder(
                        dev.coreos4j.testsupport.Oracles.require("ostree").toString(),
                        repoArg(),
                        "checkout",
                        "-U",
                        "--subpath",
                        "/baz/saucer",
                        "test2",
                        ".")
                .directory(theirs.toFile())
                .inheritIO();
        assertThat(pb.start().waitFor()).isZero();
        assertThat(Files.readString(ours.resolve("saucer"))).isEqualTo(Files.readString(theirs.resolve("saucer")));
        // a second time the file exists: both refuse
        assertThatThrownBy(() -> repo.checkout(
                        commit, ours.resolve("."), CheckoutOptions.user().withSubpath("/baz/saucer")))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(ostree.run(repoArg(), "checkout", "-U", "--subpath", "/baz/saucer", "test2", theirs.toString())
                        .exit())
                .isNotZero();
        // a directory into an existing directory: both refuse ("mkdirat: File exists")
        assertThatThrownBy(() -> repo.checkout(commit, ours, CheckoutOptions.user()))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(ostree.run(repoArg(), "checkout", "-U", "test2", theirs.toString())
                        .exit())
                .isNotZero();
    }

    @Test
    void userXattrs_restoredOutsideUserMode_likeOstree() throws Exception {
        repo.checkout(commit, tmp.resolve("ours"), new CheckoutOptions(false, "/"));
        ostree.run(repoArg(), "checkout", "-C", "test2", tmp.resolve("theirs").toString())
                .ok();
        assertThat(xattrs(tmp.resolve("ours/baz/cow")))
                .isEqualTo(xattrs(tmp.resolve("theirs/baz/cow")))
                .containsEntry("test", "value");
        // user mode restores none, as ostree -U
        repo.checkout(commit, tmp.resolve("ours-u"), CheckoutOptions.user());
        ostree.run(
                        repoArg(),
                        "checkout",
                        "-U",
                        "-C",
                        "test2",
                        tmp.resolve("theirs-u").toString())
                .ok();
        assertThat(xattrs(tmp.resolve("ours-u/baz/cow")))
                .isEqualTo(xattrs(tmp.resolve("theirs-u/baz/cow")))
                .isEmpty();
    }

    @Test
    void hardlinksAndForceCopy_likeOstree() throws Exception {
        OstreeTool.Result h = ostree.run(
                repoArg(), "checkout", "-H", "test2", tmp.resolve("h-theirs").toString());
        assertThat(h.exit()).isNotZero();
        assertThatThrownBy(() ->
                        repo.checkout(commit, tmp.resolve("h-ours"), new CheckoutOptions(false, "/", true, false)))
                .hasMessage(h.err().strip().replaceFirst("^error: ", ""));
        assertThat(tmp.resolve("h-ours")).doesNotExist();

        repo.checkout(commit, tmp.resolve("c-ours"), new CheckoutOptions(true, "/", false, true));
        for (String f : new String[] {"baz/cow", "baz/saucer"}) {
            assertThat(Files.getAttribute(tmp.resolve("c-ours").resolve(f), "unix:nlink"))
                    .isEqualTo(1);
        }
        assertThat(Files.isSymbolicLink(tmp.resolve("c-ours/baz/alink"))).isTrue();

        OstreeTool.Result both = ostree.run(
                repoArg(), "checkout", "-H", "-C", "test2", tmp.resolve("x").toString());
        assertThatThrownBy(() -> new CheckoutOptions(false, "/", true, true))
                .hasMessage(both.err().strip().replaceFirst("^error: ", ""));
    }

    private static Map<String, String> xattrs(Path p) throws Exception {
        UserDefinedFileAttributeView v =
                Files.getFileAttributeView(p, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        Map<String, String> out = new java.util.TreeMap<>();
        for (String n : v.list()) {
            ByteBuffer b = ByteBuffer.allocate(v.size(n));
            v.read(n, b);
            out.put(n, new String(b.array(), StandardCharsets.UTF_8));
        }
        return out;
    }
}
