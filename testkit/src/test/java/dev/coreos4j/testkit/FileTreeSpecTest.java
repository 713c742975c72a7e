package dev.coreos4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Examples of {@link FileTreeSpec}: its checks, writing to disk and the bootable OS tree. */
class FileTreeSpecTest {

    @Test
    void constructor_rejectsAChildBeforeItsParentAndBadModes() {
        assertThatThrownBy(() -> new FileTreeSpec(0755, List.of(new FileTreeSpec.File("a/b", 0644, new byte[0]))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'a/b': parent directory is not listed before it");
        assertThatThrownBy(() -> new FileTreeSpec(0755, List.of(new FileTreeSpec.File("a", 010000, new byte[0]))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'a': mode 010000 is outside 07777");
        assertThatThrownBy(() -> new FileTreeSpec(0755, List.of(new FileTreeSpec.Symlink("..", "x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid file name '..'");
    }

    @Test
    void writeTo_writesModesSymlinksAndContent(@TempDir Path tmp) throws IOException {
        FileTreeSpec spec = new FileTreeSpec(
                0755,
                List.of(
                        new FileTreeSpec.Dir("d", 01777),
                        new FileTreeSpec.File("d/s", 04755, "x".getBytes()),
                        new FileTreeSpec.Symlink("d/l", "../nowhere")));
        Path dir = spec.writeTo(tmp.resolve("t"));
        assertThat(Files.getAttribute(dir.resolve("d"), "unix:mode")).isEqualTo(040000 | 01777);
        assertThat(Files.getAttribute(dir.resolve("d/s"), "unix:mode")).isEqualTo(0100000 | 04755);
        assertThat(Files.readSymbolicLink(dir.resolve("d/l"))).isEqualTo(Path.of("../nowhere"));
        assertThat(Files.exists(dir.resolve("d/l"))).isFalse();
        assertThat(Files.exists(dir.resolve("d/l"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(spec.shapes()).contains("setuid", "sticky", "symlink-dangling");
        assertThatThrownBy(() -> spec.writeTo(dir))
                .isInstanceOf(IOException.class)
                .hasMessageEndingWith("not empty");
    }

    @Test
    void osTree_hasAKernelAndEtcDefaults() {
        FileTreeSpec os = FileTreeSpec.osTree("6.1.0", "k1", Map.of("sub/app.conf", "v1\n"));
        assertThat(os.entries())
                .extracting(FileTreeSpec.Entry::path)
                .contains(
                        "usr/lib/modules/6.1.0/vmlinuz",
                        "usr/lib/modules/6.1.0/initramfs.img",
                        "usr/etc/os-release",
                        "usr/etc/sub",
                        "usr/etc/sub/app.conf",
                        "usr/etc/localtime");
        assertThat(os.files())
                .filteredOn(f -> f.path().endsWith("vmlinuz"))
                .singleElement()
                .satisfies(f -> assertThat(new String(f.content())).isEqualTo("k1"));
    }

    @Test
    void file_equalityComparesContent() {
        assertThat(new FileTreeSpec.File("a", 0644, new byte[] {1}))
                .isEqualTo(new FileTreeSpec.File("a", 0644, new byte[] {1}))
                .isNotEqualTo(new FileTreeSpec.File("a", 0644, new byte[] {2}));
    }
}
