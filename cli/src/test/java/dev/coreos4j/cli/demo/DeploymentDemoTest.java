package dev.coreos4j.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentDemoTest {

    @TempDir
    Path tmp;

    @Test
    void run_deploysStagesFinalizesRollsBackAndShowsStatus() throws Exception {
        StringWriter text = new StringWriter();
        new DeploymentDemo().run(tmp, new PrintWriter(text, true));
        String out = text.toString();
        assertThat(out)
                .contains(
                        "$ coreos4j admin deploy 40.1",
                        "$ coreos4j admin stage 40.3",
                        "$ coreos4j admin finalize",
                        "$ coreos4j admin rollback",
                        "Copying /etc changes: 1 modified, 0 removed, 0 added",
                        "Staged: yes",
                        "consistency check: ok");
        // status is shown after each of stage, finalize and rollback (and once before)
        assertThat(out.split("\\$ coreos4j admin status", -1)).hasSize(5);
        assertThat(out.substring(out.lastIndexOf("$ coreos4j admin status")))
                .contains("● ")
                .contains("40.2");
        assertThat(tmp.resolve("sysroot/boot/loader")).isSymbolicLink();
        assertThat(Files.readSymbolicLink(tmp.resolve("sysroot/boot/loader")).toString())
                .matches("loader\\.[01]");
    }
}
