package dev.coreos4j.cli.ignition;

import static dev.coreos4j.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.cli.CliRun;
import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ignition.Ignition;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IgnitionCommandTest {

    @TempDir
    Path dir;

    Path write(String name, String json) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, json);
        return p;
    }

    static final String VALID = "{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"files\":[{\"path\":\"/a\"}]}}";
    static final String INVALID = "{\"ignition\": {\"version\": \"3.3.0\"}, \"storage\": {\"files\": "
            + "[{\"path\": \"etc/a\"}]}, \"foo\": 1}";
    static final String WARNING = "{\"ignition\":{\"version\":\"3.3.0\"},\"foo\":1}";

    @Test
    void validate_printsIgnitionValidateLines() throws Exception {
        CliRun r = run("ignition", "validate", write("bad.ign", INVALID).toString());
        assertThat(r.exit()).isEqualTo(ExitCode.INVALID);
        assertThat(r.out()).isEqualTo("""
                error at $.storage.files.0.path, line 1 col 67: path not absolute
                warning at $.foo, line 1 col 79: unused key foo
                """);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void validate_validFileExitsZeroSilently() throws Exception {
        CliRun r = run("ignition", "validate", write("ok.ign", VALID).toString());
        assertThat(r.exit()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void validate_strictMakesWarningsFatal() throws Exception {
        String file = write("warn.ign", WARNING).toString();
        assertThat(run("ignition", "validate", file).exit()).isEqualTo(ExitCode.OK);
        assertThat(run("ignition", "validate", "--strict", file).exit()).isEqualTo(ExitCode.INVALID);
    }

    @Test
    void validate_prefixesLinesWithTheFileWhenSeveral() throws Exception {
        String bad = write("bad.ign", INVALID).toString();
        String unsupported =
                write("old.ign", "{\"ignition\":{\"version\":\"2.2.0\"}}").toString();
        String ok = write("ok.ign", VALID).toString();
        CliRun r = run("ignition", "validate", ok, bad, unsupported);
        assertThat(r.exit()).isEqualTo(ExitCode.INVALID);
        assertThat(r.out().lines())
                .containsExactly(
                        bad + ": error at $.storage.files.0.path, line 1 col 67: path not absolute",
                        bad + ": warning at $.foo, line 1 col 79: unused key foo");
        assertThat(r.err().strip()).isEqualTo(unsupported + ": couldn't parse config: unsupported config version");
    }

    @Test
    void validate_jsonFormatWritesOneObjectPerFile() throws Exception {
        String bad = write("bad.ign", INVALID).toString();
        String broken =
                write("broken.ign", "{\"ignition\": {\"version\": \"3.3.0\"},}").toString();
        CliRun r = run("ignition", "validate", "--format=json", bad, broken);
        assertThat(r.exit()).isEqualTo(ExitCode.INVALID);
        assertThat(r.out().lines())
                .containsExactly(
                        "{\"file\":\"" + bad + "\",\"valid\":false,\"version\":\"3.3.0\",\"entries\":["
                                + "{\"severity\":\"error\",\"path\":\"$.storage.files.0.path\",\"code\":\"path-not-absolute\","
                                + "\"message\":\"path not absolute\",\"line\":1,\"column\":67},"
                                + "{\"severity\":\"warning\",\"path\":\"$.foo\",\"code\":\"unused-key\","
                                + "\"message\":\"unused key foo\",\"line\":1,\"column\":79}]}",
                        "{\"file\":\"" + broken + "\",\"valid\":false,\"version\":null,\"entries\":["
                                + "{\"severity\":\"error\",\"path\":null,\"code\":\"json-syntax\",\"message\":"
                                + "\"invalid character '}' looking for beginning of object key string\","
                                + "\"line\":null,\"column\":null}]}");
    }

    @Test
    void validate_readsStandardInputForDash() {
        java.io.InputStream saved = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(INVALID.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            CliRun r = run("ignition", "validate", "-");
            assertThat(r.exit()).isEqualTo(ExitCode.INVALID);
            assertThat(r.out()).startsWith("error at $.storage.files.0.path, line 1 col 67: path not absolute");
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void validate_unreadableFileIsInvalidLikeIgnitionValidate() throws Exception {
        String missing = dir.resolve("missing.ign").toString();
        CliRun r = run("ignition", "validate", missing, write("ok.ign", VALID).toString());
        assertThat(r.exit()).isEqualTo(ExitCode.INVALID);
        assertThat(r.err())
                .isEqualTo(missing + ": couldn't read config: open " + missing + ": no such file or directory\n");
    }

    @Test
    void validate_withoutFilesIsAUsageError() {
        assertThat(run("ignition", "validate").exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run("ignition", "validate", "--format=xml", "x").exit()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void translate_upAndDown() throws Exception {
        String old = write(
                        "old.ign",
                        "{\"ignition\":{\"version\":\"3.0.0\"},\"storage\":{\"files\":"
                                + "[{\"path\":\"/a\",\"mode\":420}]}}")
                .toString();
        CliRun up = run("ignition", "translate", "--to", "3.6.0", old);
        assertThat(up.exit()).isEqualTo(ExitCode.OK);
        assertThat(up.out().strip())
                .isEqualTo(
                        "{\"ignition\":{\"version\":\"3.6.0\"},\"storage\":{\"files\":[{\"path\":\"/a\",\"mode\":420}]}}");
        String latest = write("new.ign", up.out()).toString();
        CliRun down = run("ignition", "translate", "--to", "3.0.0", latest);
        assertThat(down.out().strip())
                .isEqualTo(
                        "{\"ignition\":{\"version\":\"3.0.0\"},\"storage\":{\"files\":[{\"path\":\"/a\",\"mode\":420}]}}");
        assertThat(Ignition.parse(down.out()).isValid()).isTrue();
    }

    @Test
    void translate_reportsFieldsTheTargetLacks() throws Exception {
        String file = write(
                        "k.ign",
                        "{\"ignition\":{\"version\":\"3.3.0\"},\"kernelArguments\":" + "{\"shouldExist\":[\"quiet\"]}}")
                .toString();
        CliRun r = run("ignition", "translate", "--to", "3.2.0", file);
        assertThat(r.exit()).isEqualTo(ExitCode.INVALID);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip())
                .isEqualTo("error at $.kernelArguments: kernelArguments is not supported in spec version 3.2.0");
    }

    @Test
    void translate_rejectsInvalidInputAndUnknownVersions() throws Exception {
        String bad = write("bad.ign", INVALID).toString();
        assertThat(run("ignition", "translate", "--to", "3.6.0", bad).exit()).isEqualTo(ExitCode.INVALID);
        CliRun r = run(
                "ignition", "translate", "--to", "4.0.0", write("ok.ign", VALID).toString());
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("unsupported spec version '4.0.0'");
    }

    @Test
    void translate_copiesModesBelow3_6AndMasksOnlyAt3_6() throws Exception {
        // issue #18 item 2; coreos/ignition v2.26.0 config/v3_6/translate/translate.go:36 is the only mask
        String file = write(
                        "m.ign",
                        "{\"ignition\":{\"version\":\"3.0.0\"},\"storage\":{\"files\":"
                                + "[{\"path\":\"/a\",\"mode\":2541}]}}")
                .toString();
        assertThat(run("ignition", "translate", "--to", "3.1.0", file).out().strip())
                .isEqualTo(
                        "{\"ignition\":{\"version\":\"3.1.0\"},\"storage\":{\"files\":[{\"path\":\"/a\",\"mode\":2541}]}}");
        assertThat(run("ignition", "translate", "--to", "3.6.0", file).out()).contains("\"mode\":493");
        String latest = write(
                        "l.ign",
                        "{\"ignition\":{\"version\":\"3.6.0\"},\"storage\":{\"files\":"
                                + "[{\"path\":\"/a\",\"mode\":2541}]}}")
                .toString();
        CliRun down = run("ignition", "translate", "--to", "3.5.0", latest);
        assertThat(down.exit()).isEqualTo(ExitCode.INVALID);
        assertThat(down.out()).isEmpty();
        assertThat(down.err().strip())
                .isEqualTo("error at $.storage.files.0.mode: setuid/setgid/sticky bits cannot be "
                        + "represented in spec version 3.5.0");
    }
}
