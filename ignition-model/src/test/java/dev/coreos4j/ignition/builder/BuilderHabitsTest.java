package dev.coreos4j.ignition.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.IgnitionException;
import dev.coreos4j.ignition.SpecVersion;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The API habits issue #15 asked for: toBuilder, one spec version, no mode trap, null names, chosen encodings. */
class BuilderHabitsTest {

    @Test
    void toBuilder_editsACopyAndKeepsEveryPart() {
        Config base = ConfigBuilderTest.realistic();
        assertThat(base.toBuilder().build()).isEqualTo(base);
        Config edited = base.toBuilder()
                .removeFile("/etc/motd")
                .file(FileBuilder.at("/etc/motd").contents("Changed\n").mode("0640"))
                .build();
        assertThat(edited.storage().files()).hasSize(base.storage().files().size());
        assertThat(edited.storage().files().stream()
                        .filter(f -> f.path().equals("/etc/motd"))
                        .findFirst()
                        .orElseThrow()
                        .mode())
                .isEqualTo(0640L);
        assertThat(base.storage().files().stream()
                        .filter(f -> f.path().equals("/etc/motd"))
                        .findFirst()
                        .orElseThrow()
                        .mode())
                .isEqualTo(0644L);
        assertThat(edited.passwd()).isEqualTo(base.passwd());
        assertThat(edited.systemd()).isEqualTo(base.systemd());
    }

    @Test
    void toBuilder_keepsTheSpecVersionOfTheConfig() {
        Config v34 = ConfigBuilder.create(SpecVersion.V3_4_0)
                .file(FileBuilder.at("/a").contents("x"))
                .build();
        assertThat(v34.ignition().version()).isEqualTo("3.4.0");
        assertThat(v34.toBuilder().build().ignition().version()).isEqualTo("3.4.0");
    }

    @Test
    void build_rejectsWhatTheChosenSpecVersionCannotExpress() {
        // setuid is 3.6.0+: a 3.4.0 config holding it fails at build(), naming the field, not later in write().
        ConfigBuilder b = ConfigBuilder.create(SpecVersion.V3_4_0)
                .file(FileBuilder.at("/usr/local/bin/tool").contents("x").mode("4755"));
        assertThatThrownBy(b::build)
                .isInstanceOf(IgnitionException.class)
                .hasMessageContaining("3.4.0")
                .satisfies(e -> assertThat(((IgnitionException) e).report().errors())
                        .anySatisfy(
                                entry -> assertThat(entry.location().path()).hasToString("$.storage.files[0].mode")));
        // the same in 3.6.0 is fine
        assertThat(ConfigBuilder.create(SpecVersion.V3_6_0)
                        .file(FileBuilder.at("/usr/local/bin/tool")
                                .contents("x")
                                .mode("4755"))
                        .build()
                        .storage()
                        .files()
                        .get(0)
                        .mode())
                .isEqualTo(04755L);
    }

    @Test
    void buildJson_writesTheVersionStatedOnce() {
        byte[] json = ConfigBuilder.create(SpecVersion.V3_2_0)
                .file(FileBuilder.at("/etc/a").contents("a"))
                .buildJson();
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text).contains("\"version\":\"3.2.0\"");
        assertThat(Ignition.parse(json).isValid()).isTrue();
    }

    @Test
    void mode_hasNoDecimalTrap() {
        assertThat(PosixMode.parse("0644").bits()).isEqualTo(0644);
        assertThat(PosixMode.parse("644").bits()).isEqualTo(0644);
        assertThat(PosixMode.parse("4755").bits()).isEqualTo(04755);
        assertThat(PosixMode.parse("01777").bits()).isEqualTo(01777);
        assertThat(PosixMode.ofBits(0755)).isEqualTo(PosixMode.RWX_RX_RX);
        assertThat(PosixMode.parse("0644")).hasToString("0644");
        assertThat(PosixMode.parse("4755").hasSpecialBits()).isTrue();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PosixMode.parse("0648"))
                .withMessageContaining("0648");
        assertThatIllegalArgumentException().isThrownBy(() -> PosixMode.parse("12345"));
        assertThatIllegalArgumentException().isThrownBy(() -> PosixMode.parse(""));
        assertThatIllegalArgumentException().isThrownBy(() -> PosixMode.ofBits(010000));
        // FileBuilder has no numeric mode(...) at all: the decimal 644 cannot be passed by mistake.
        assertThat(FileBuilder.class.getMethods())
                .filteredOn(m -> m.getName().equals("mode"))
                .allSatisfy(m -> assertThat(m.getParameterTypes()[0]).isIn(String.class, PosixMode.class));
        assertThat(DirectoryBuilder.class.getMethods())
                .filteredOn(m -> m.getName().equals("mode"))
                .allSatisfy(m -> assertThat(m.getParameterTypes()[0]).isIn(String.class, PosixMode.class));
        assertThat(FileBuilder.at("/a")
                        .contents("x")
                        .mode(PosixMode.RW_OWNER)
                        .build()
                        .mode())
                .isEqualTo(0600L);
    }

    @Test
    void builders_rejectNullNamesAtOnce_namingTheParameter() {
        assertThatNullPointerException().isThrownBy(() -> FileBuilder.at(null)).withMessage("path");
        assertThatNullPointerException()
                .isThrownBy(() -> DirectoryBuilder.at(null))
                .withMessage("path");
        assertThatNullPointerException()
                .isThrownBy(() -> UnitBuilder.named(null))
                .withMessage("name");
        assertThatNullPointerException()
                .isThrownBy(() -> UserBuilder.named(null))
                .withMessage("name");
        assertThatNullPointerException()
                .isThrownBy(() -> GroupBuilder.named(null))
                .withMessage("name");
        assertThatNullPointerException()
                .isThrownBy(() -> DropinBuilder.named(null))
                .withMessage("name");
        assertThatNullPointerException().isThrownBy(() -> DiskBuilder.of(null)).withMessage("device");
        assertThatNullPointerException()
                .isThrownBy(() -> LuksBuilder.of("data", null))
                .withMessage("device");
        assertThatNullPointerException()
                .isThrownBy(() -> RaidBuilder.of(null, "raid1"))
                .withMessage("name");
        assertThatNullPointerException()
                .isThrownBy(() -> FilesystemBuilder.of("/dev/vda", null))
                .withMessage("format");
        assertThatNullPointerException()
                .isThrownBy(() -> ResourceBuilder.of(null))
                .withMessage("source");
        assertThatNullPointerException()
                .isThrownBy(() -> PartitionBuilder.labelled(null))
                .withMessage("label");
        assertThatNullPointerException()
                .isThrownBy(() -> ConfigBuilder.create(null))
                .withMessage("version");
    }

    @Test
    void contents_encodingIsTheCallersChoice() throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        Config.Resource base64 = Contents.inline(pem, Contents.Encoding.BASE64);
        assertThat(base64.source())
                .isEqualTo("data:;base64," + Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8)));
        assertThat(base64.compression()).isEmpty();
        Config.Resource plain = Contents.inline("a b\n", Contents.Encoding.PLAIN);
        assertThat(plain.source()).isEqualTo("data:,a%20b%0A");
        Config.Resource gzip = Contents.inline("hello", Contents.Encoding.GZIP);
        assertThat(gzip.compression()).isEqualTo("gzip");
        byte[] packed = Base64.getDecoder().decode(gzip.source().substring("data:;base64,".length()));
        assertThat(new String(
                        new GZIPInputStream(new ByteArrayInputStream(packed)).readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("hello");
        assertThat(Contents.inline("x", Contents.Encoding.SHORTEST)).isEqualTo(Contents.inline("x"));
        Config.File f = FileBuilder.at("/etc/pki/ca.pem")
                .contents(pem, Contents.Encoding.BASE64)
                .build();
        assertThat(f.contents()).isEqualTo(base64);
        assertThat(ConfigBuilder.create().file(f).build().storage().files()).containsExactly(f);
    }
}
