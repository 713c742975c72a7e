package dev.coreos4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.ignition.builder.ConfigBuilder;
import dev.coreos4j.ignition.builder.FileBuilder;
import dev.coreos4j.ignition.builder.UnitBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Examples of the Ignition laws, including the messages of broken ones. */
class IgnitionLawsTest {

    private static Config sample() {
        return ConfigBuilder.create()
                .file(FileBuilder.at("/etc/motd").contents("hi\n").mode("0644"))
                .file(FileBuilder.at("/etc/issue").contents("welcome\n"))
                .unit(UnitBuilder.named("a.service").contents("[Unit]\nDescription=a\n"))
                .build();
    }

    @Test
    void firstDifference_namesTheJsonPath() {
        Config a = sample();
        Config.File f = a.storage().files().get(1);
        Config b = new Config(
                a.ignition(),
                a.kernelArguments(),
                a.passwd(),
                new Config.Storage(
                        null,
                        null,
                        List.of(
                                a.storage().files().get(0),
                                new Config.File(
                                        f.group(), f.overwrite(), f.path(), f.user(), f.append(), f.contents(), 0600L)),
                        null,
                        null,
                        null,
                        null),
                a.systemd());
        assertThat(IgnitionLaws.firstDifference(a, a)).isEmpty();
        assertThat(IgnitionLaws.firstDifference(a, b)).hasValue("$.storage.files.1.mode");
        assertThat(IgnitionLaws.firstDifference(a, a.withVersion("3.0.0"))).hasValue("$.ignition.version");
    }

    @Test
    void lawsHold_forABuiltConfig() {
        Config c = sample();
        for (SpecVersion v : SpecVersion.stable()) {
            IgnitionLaws.checkRoundTrip(c, v);
            IgnitionLaws.checkTranslateUpDown(c, v);
        }
        IgnitionLaws.checkMergeIdentity(c);
        IgnitionLaws.checkMergeSelf(c);
        IgnitionLaws.checkMergeKeysUnique(c, c);
        IgnitionLaws.checkMergeAssociative(c, c, c);
    }
}
