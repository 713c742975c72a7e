package dev.coreos4j.ostree.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootEntriesTest {

    @TempDir
    Path root;

    @Test
    void compareVersions_comparesDigitRunsNumerically() {
        assertThat(BootEntries.compareVersions("10", "9")).isPositive();
        assertThat(BootEntries.compareVersions("2", "10")).isNegative();
        assertThat(BootEntries.compareVersions("007", "7")).isZero();
        assertThat(BootEntries.compareVersions("1.10", "1.9")).isPositive();
        assertThat(BootEntries.compareVersions("1a", "1b")).isNegative();
        assertThat(BootEntries.compareVersions("1", "1.0")).isNegative();
    }

    @Test
    void bootlink_isTheLastOstreeWord() {
        assertThat(BootEntries.bootlink("root=x ostree=/ostree/boot.0/a ostree=/ostree/boot.1/b quiet"))
                .isEqualTo("/ostree/boot.1/b");
        assertThat(BootEntries.bootlink("root=x quiet")).isNull();
    }

    @Test
    void read_ordersByVersionHighestFirst_andSkipsCommentsAndOtherFiles() throws IOException {
        Path entries = Files.createDirectories(root.resolve("boot/loader.1/entries"));
        Files.createSymbolicLink(root.resolve("boot/loader"), Path.of("loader.1"));
        write(entries.resolve("ostree-2-os.conf"), "# a comment\ntitle two\nversion 2\noptions a=1\n");
        write(entries.resolve("ostree-10-os.conf"), "title ten\nversion 10\noptions  b=2 \nlinux /x\n");
        write(entries.resolve("README"), "not an entry\n");
        List<BootEntries.Entry> read = BootEntries.read(new SysrootLayout(root, root.resolve("run")));
        assertThat(read).extracting(e -> e.get("title")).containsExactly("ten", "two");
        assertThat(read.get(0).options()).isEqualTo("b=2");
        assertThat(read.get(1).get("linux")).isNull();
    }

    @Test
    void read_refusesAnEntryWithoutOptions() throws IOException {
        Path entries = Files.createDirectories(root.resolve("boot/loader.0/entries"));
        Files.createSymbolicLink(root.resolve("boot/loader"), Path.of("loader.0"));
        write(entries.resolve("ostree-1-os.conf"), "title one\nversion 1\n");
        assertThatThrownBy(() -> BootEntries.read(new SysrootLayout(root, root.resolve("run"))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("ostree-1-os.conf: BLS entry without 'version' or 'options'");
    }

    @Test
    void rewriteOptions_keepsEveryOtherLine() throws IOException {
        Path file = root.resolve("e.conf");
        write(file, "title t\nversion 1\noptions old ostree=/b\nlinux /k\n");
        BootEntries.rewriteOptions(new BootEntries.Entry(file, java.util.Map.of()), "new ostree=/b");
        assertThat(Files.readString(file)).isEqualTo("title t\nversion 1\noptions new ostree=/b\nlinux /k\n");
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
