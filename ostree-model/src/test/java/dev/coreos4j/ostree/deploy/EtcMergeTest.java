package dev.coreos4j.ostree.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtcMergeTest {

    @TempDir
    Path tmp;

    Path a;
    Path b;
    Path c;

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @BeforeEach
    void setUp() throws IOException {
        a = tmp.resolve("a");
        b = tmp.resolve("b");
        c = tmp.resolve("c");
        // A: old defaults, B: live /etc (copy of A plus local changes), C: new defaults
        for (Path p : new Path[] {a, b}) {
            write(p.resolve("app.conf"), "default\n");
            write(p.resolve("hostname"), "host\n");
            write(p.resolve("same.conf"), "same\n");
            write(p.resolve("ssh/sshd_config"), "Port 22\n");
            Files.createSymbolicLink(p.resolve("localtime"), Path.of("UTC"));
        }
        write(c.resolve("app.conf"), "new default\n");
        write(c.resolve("hostname"), "new host\n");
        write(c.resolve("same.conf"), "same, updated\n");
        write(c.resolve("ssh/sshd_config"), "Port 22\n");
        write(c.resolve("new.conf"), "new\n");
        Files.createSymbolicLink(c.resolve("localtime"), Path.of("UTC"));
    }

    @Test
    void merge_localEditsWinAdditionsAndDeletionsCarryOver() throws Exception {
        write(b.resolve("app.conf"), "edited\n");
        Files.delete(b.resolve("hostname"));
        write(b.resolve("local.d/one.conf"), "1\n");
        write(b.resolve("local.d/deep/two.conf"), "2\n");
        Files.delete(b.resolve("localtime"));
        Files.createSymbolicLink(b.resolve("localtime"), Path.of("Europe/Berlin"));
        Fs.chmod(b.resolve("ssh/sshd_config"), 0600);

        ConfigDiff d = EtcMerge.merge(a, b, c);

        assertThat(d.modified()).containsExactly("app.conf", "localtime", "ssh/sshd_config");
        assertThat(d.removed()).containsExactly("hostname");
        assertThat(d.added()).containsExactly("local.d");
        assertThat(d.summary()).isEqualTo("Copying /etc changes: 3 modified, 1 removed, 1 added");
        assertThat(Files.readString(c.resolve("app.conf"))).isEqualTo("edited\n");
        assertThat(c.resolve("hostname")).doesNotExist();
        assertThat(Files.readString(c.resolve("local.d/deep/two.conf"))).isEqualTo("2\n");
        assertThat(Files.readSymbolicLink(c.resolve("localtime")).toString()).isEqualTo("Europe/Berlin");
        assertThat(Fs.mode(c.resolve("ssh/sshd_config")) & 07777).isEqualTo(0600);
        assertThat(Files.readString(c.resolve("same.conf"))).isEqualTo("same, updated\n");
        assertThat(Files.readString(c.resolve("new.conf"))).isEqualTo("new\n");
    }

    @Test
    void merge_addedFileInNewParentDirectory_createsParentFromLive() throws Exception {
        Files.createDirectories(b.resolve("x/y"));
        Fs.chmod(b.resolve("x"), 0700);
        write(b.resolve("x/y/z.conf"), "z\n");
        ConfigDiff d = EtcMerge.merge(a, b, c);
        assertThat(d.added()).containsExactly("x");
        assertThat(Fs.mode(c.resolve("x")) & 07777).isEqualTo(0700);
        assertThat(Files.readString(c.resolve("x/y/z.conf"))).isEqualTo("z\n");
    }

    @Test
    void merge_typeChange_failsNamingThePath() throws IOException {
        write(b.resolve("app.conf"), "edited\n");
        Files.delete(c.resolve("app.conf"));
        write(c.resolve("app.conf/inner"), "now a directory\n");
        assertThatThrownBy(() -> EtcMerge.merge(a, b, c))
                .isInstanceOf(EtcMerge.MergeException.class)
                .hasMessageContaining("app.conf")
                .hasMessageContaining("type change");
    }

    @Test
    void diff_ofIdenticalTrees_isEmpty() throws IOException {
        assertThat(EtcMerge.diff(a, b).isEmpty()).isTrue();
        assertThat(EtcMerge.diff(a, b).lines()).isEmpty();
    }
}
