package dev.coreos4j.ostree.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SysrootStatusTest {

    private static Deployment deployment(String os, dev.coreos4j.ostree.Checksum c, boolean pinned, boolean staged) {
        return new Deployment(
                os,
                c,
                0,
                Fixtures.BOOT_A,
                Origin.ofRefspec("fedora:fedora/stable"),
                KernelArgs.parse("root=LABEL=root quiet"),
                pinned,
                staged);
    }

    @Test
    void toText_marksBootedAndRightAlignsKeys() {
        SysrootStatus s = new SysrootStatus(
                List.of(
                        new SysrootStatus.Entry(
                                deployment("fedora", Fixtures.C2, false, true),
                                false,
                                true,
                                false,
                                "40.2",
                                Instant.parse("2024-05-15T00:00:00Z"),
                                null),
                        new SysrootStatus.Entry(
                                deployment("fedora", Fixtures.C1, true, false),
                                true,
                                false,
                                false,
                                null,
                                Instant.parse("2024-05-01T00:00:00Z"),
                                null)),
                null);
        assertThat(s.toText())
                .isEqualTo("State: idle\nDeployments:\n"
                        + "  fedora:fedora/stable\n"
                        + "                  Version: 40.2 (2024-05-15T00:00:00Z)\n"
                        + "                   Commit: " + Fixtures.C2.hex() + "\n"
                        + "                   Staged: yes\n"
                        + "\n"
                        + "● fedora:fedora/stable\n"
                        + "                Timestamp: 2024-05-01T00:00:00Z\n"
                        + "                   Commit: " + Fixtures.C1.hex() + "\n"
                        + "                   Pinned: yes\n");
    }

    @Test
    void toJson_escapesAndReportsFinalizeFailure() {
        SysrootStatus s = new SysrootStatus(
                List.of(new SysrootStatus.Entry(
                        deployment("fedora", Fixtures.C1, false, false),
                        true,
                        false,
                        false,
                        "1 \"quoted\"",
                        Instant.ofEpochSecond(1_700_000_000L),
                        null)),
                "merge failed:\n\tetc/x");
        String json = s.toJson();
        assertThat(json)
                .contains(
                        "\"version\" : \"1 \\\"quoted\\\"\"",
                        "\"timestamp\" : 1700000000",
                        "\"finalize-failure\" : \"merge failed:\\n\\tetc/x\"",
                        "\"kargs\" : \"root=LABEL=root quiet\"",
                        "\"id\" : \"fedora-" + Fixtures.C1.hex() + ".0\"");
        assertThat(s.toText()).contains("Warning: failed to finalize previous deployment");
        assertThat(new SysrootStatus(List.of(), null).toJson())
                .isEqualTo("{\n  \"deployments\" : [],\n  \"finalize-failure\" : null\n}\n");
    }
}
