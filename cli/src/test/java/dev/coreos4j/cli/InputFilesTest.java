package dev.coreos4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #19 items 4 and 6: unbounded or huge inputs end at once with "FILE: too large (limit N)" (no
 * {@code OutOfMemoryError}); invalid UTF-8 names the file, the byte offset and the JSON path instead of
 * "I/O error: Input length = 1".
 */
class InputFilesTest {

    @TempDir
    Path tmp;

    @Test
    void devZero_endsWithTooLarge() {
        CliRun r = CliRun.run("ignition", "validate", "/dev/zero");
        assertThat(r.exit()).isEqualTo(ExitCode.INVALID);
        assertThat(r.err()).contains("/dev/zero: too large (limit " + InputFiles.DEFAULT_LIMIT + " bytes)");
    }

    @Test
    void hugeFile_isRefusedBeforeReading() throws Exception {
        Path big = tmp.resolve("big.ign");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(3L << 30); // sparse 3 GiB
        }
        CliRun r = CliRun.run("plan", big.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.INVALID);
        assertThat(r.err()).contains(big + ": too large (limit ");
        CliRun v = CliRun.run("ignition", "validate", big.toString());
        assertThat(v.err()).contains(big + ": too large (limit ");
    }

    @Test
    void limit_isConfigurable() throws Exception {
        Path f = tmp.resolve("c.ign");
        Files.writeString(f, "{\"ignition\":{\"version\":\"3.4.0\"}}");
        System.setProperty("coreos4j.maxInputBytes", "10");
        try {
            CliRun r = CliRun.run("ignition", "validate", f.toString());
            assertThat(r.err()).contains(f + ": too large (limit 10 bytes)");
        } finally {
            System.clearProperty("coreos4j.maxInputBytes");
        }
        assertThat(CliRun.run("ignition", "validate", f.toString()).exit()).isZero();
    }

    @Test
    void invalidUtf8_namesFileOffsetAndJsonPath() throws Exception {
        Path f = tmp.resolve("snapshot.json");
        byte[] head = "{\"now\":\"2024-01-01T00:00:00Z\",\"nodes\":[{\"name\":\"a".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\"}]}".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xff;
        System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
        Files.write(f, bytes);
        CliRun r = CliRun.run("plan", f.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.INVALID);
        assertThat(r.err())
                .contains(f + ": invalid UTF-8 at byte " + head.length + " (0xff) in $.nodes.0.name")
                .doesNotContain("Input length");
    }

    @Test
    void jsonPathAt_pointsIntoNestedValues() {
        byte[] json = "{\"a\":{\"b\":[1,{\"c\":\"x\"}]}}".getBytes(StandardCharsets.US_ASCII);
        int at = new String(json, StandardCharsets.US_ASCII).indexOf("\"x\"") + 1;
        assertThat(InputFiles.jsonPathAt(json, at)).isEqualTo("$.a.b.1.c");
    }
}
