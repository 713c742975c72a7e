package dev.coreos4j.ignition.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.IgnitionException;
import dev.coreos4j.ignition.SpecVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConfigBuilderTest {

    static Config realistic() {
        return ConfigBuilder.create()
                .user(UserBuilder.named("core")
                        .sshKey("ssh-ed25519 AAAAC3Nza demo@example.com")
                        .group("wheel"))
                .file(FileBuilder.at("/etc/motd").contents("Welcome\n").mode("0644"))
                .file(FileBuilder.at("/opt/app/app.jar")
                        .remoteContents("https://example.com/app.jar", "jar".getBytes(StandardCharsets.UTF_8))
                        .mode("0755"))
                .unit(UnitBuilder.named("app.service")
                        .enabled(true)
                        .contents("[Service]\nExecStart=/usr/bin/java -jar /opt/app/app.jar\n"
                                + "[Install]\nWantedBy=multi-user.target\n")
                        .dropin("10-env.conf", "[Service]\nEnvironment=MODE=prod\n"))
                .disk(DiskBuilder.of("/dev/vdb").wipeTable(true).partition(PartitionBuilder.labelled("raid.1")))
                .disk(DiskBuilder.of("/dev/vdc").wipeTable(true).partition(PartitionBuilder.labelled("raid.2")))
                .raid(RaidBuilder.of("data", "raid1")
                        .device("/dev/disk/by-partlabel/raid.1")
                        .device("/dev/disk/by-partlabel/raid.2"))
                .luks(LuksBuilder.of("data", "/dev/md/data").tpm2(true).wipeVolume(true))
                .filesystem(FilesystemBuilder.of("/dev/mapper/data", "xfs")
                        .path("/var/data")
                        .label("data"))
                .kernelArguments(
                        KernelArgumentsBuilder.create().shouldExist("quiet").shouldNotExist("debug"))
                .build();
    }

    @Test
    void build_realisticConfigValidatesAndRoundTrips() {
        Config config = realistic();
        assertThat(Ignition.validate(config).errors()).isEmpty();
        assertThat(Ignition.parse(Ignition.write(config, SpecVersion.V3_6_0)).configOrThrow())
                .isEqualTo(config);
        Config v34 = Ignition.parse(Ignition.write(config, SpecVersion.V3_4_0)).configOrThrow();
        assertThat(v34.withVersion("3.6.0")).isEqualTo(config);
    }

    @Test
    void build_throwsWithWholeReport() {
        assertThatThrownBy(() -> ConfigBuilder.create()
                        .file(FileBuilder.at("/a").contents("x").build())
                        .file(FileBuilder.at("/a").contents("y").build())
                        .build())
                .isInstanceOfSatisfying(
                        IgnitionException.class,
                        e -> assertThat(e.report().errors())
                                .anySatisfy(x -> assertThat(x.location().path()).hasToString("$.storage.files[1]")));
    }

    @Test
    void fileBuilder_rejectsRelativePath() {
        assertThatThrownBy(() -> FileBuilder.at("etc/x").build())
                .isInstanceOfSatisfying(
                        IgnitionException.class,
                        e -> assertThat(e.report().errors().get(0).message()).isEqualTo("path not absolute"));
    }

    @Test
    void fileBuilder_modeFromOctalString() {
        assertThat(FileBuilder.at("/a").mode("4755").build().mode()).isEqualTo(04755L);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FileBuilder.at("/a").mode("0999"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FileBuilder.at("/a").mode("17777"));
    }

    @Test
    void unitBuilder_rejectsEnabledUnitWithoutInstallSection() {
        assertThatThrownBy(() -> UnitBuilder.named("a.service")
                        .enabled(true)
                        .contents("[Service]\nExecStart=/x\n")
                        .build())
                .isInstanceOfSatisfying(
                        IgnitionException.class,
                        e -> assertThat(e.report().errors().get(0).code()).isEqualTo("unit-enabled-without-install"));
        assertThat(UnitBuilder.named("a.service")
                        .enabled(false)
                        .contents("[Service]\nExecStart=/x\n")
                        .build()
                        .enabled())
                .isFalse();
    }

    @Test
    void contents_choosesShortestEncodingWithExplicitCompression() {
        Config.Resource text = Contents.inline("hello");
        assertThat(text.source()).isEqualTo("data:,hello");
        assertThat(text.compression()).isEmpty();
        Config.Resource repetitive = Contents.inline("a".repeat(2000));
        assertThat(repetitive.compression()).isEqualTo("gzip");
        assertThat(repetitive.source()).startsWith("data:;base64,");
        byte[] binary = new byte[60];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 37 + 128);
        }
        assertThat(Contents.inline(binary).source()).startsWith("data:;base64,");
        assertThat(Contents.inline(binary).compression()).isEmpty();
    }

    @Test
    void contents_hashesAreVerificationHashes() {
        assertThat(Contents.sha256(new byte[0]))
                .isEqualTo("sha256-e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Contents.sha512(new byte[0]))
                .startsWith("sha512-cf83e1357eefb8bd")
                .hasSize(7 + 128);
    }

    @Test
    void dropinBuilder_rejectsWrongExtension() {
        assertThatThrownBy(() -> UnitBuilder.named("a.service")
                        .dropin(DropinBuilder.named("x.txt").contents("")))
                .isInstanceOfSatisfying(
                        IgnitionException.class,
                        e -> assertThat(e.report().errors().get(0).message())
                                .isEqualTo("invalid systemd drop-in extension"));
        assertThat(UnitBuilder.named("a.service")
                        .dropin(DropinBuilder.named("x.conf").contents("[Unit]\n"))
                        .build()
                        .dropins())
                .hasSize(1);
    }

    @Test
    void luksBuilder_rejectsCustomPinWithTpm2() {
        assertThatThrownBy(() -> LuksBuilder.of("x", "/dev/sda")
                        .tpm2(true)
                        .customPin("tpm2", "{}", null)
                        .build())
                .isInstanceOf(IgnitionException.class);
    }
}
