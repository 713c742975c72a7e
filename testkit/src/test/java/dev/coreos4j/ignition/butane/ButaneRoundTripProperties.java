package dev.coreos4j.ignition.butane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.testkit.ButaneArbitraries;
import dev.coreos4j.testkit.ButaneArbitraries.ButaneDocument;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Butane's properties over the testkit's valid Ignition configs: their Butane rendering translates back to an equal
 * config (inline contents: equal decoded contents); modes and paths survive; local paths never escape the files
 * directory.
 */
class ButaneRoundTripProperties {

    @Provide
    Arbitrary<ButaneDocument> documents() {
        return ButaneArbitraries.documents();
    }

    /** What Ignition reads from a config written as its own spec (older specs are translated up on parse). */
    static Config canonical(Config c, String version) {
        SpecVersion v = SpecVersion.fromString(version).orElseThrow();
        return Ignition.parse(Ignition.write(c, v)).config().withVersion(version);
    }

    @Property(tries = 150)
    void renderedConfigs_translateBackToAnEqualConfig(@ForAll("documents") ButaneDocument doc) throws Exception {
        ButaneResult r = Butane.translate(doc.yaml(), ButaneOptions.DEFAULT);
        assertThat(r.isValid()).as(doc.yaml() + "\n" + r.report()).isTrue();
        assertThat(r.report().errors()).isEmpty();
        Config expected = canonical(doc.expected(), doc.expected().ignition().version());
        Config actual = r.config();
        if (doc.inline()) {
            expected = decoded(expected);
            actual = decoded(actual);
        }
        assertThat(actual).as(doc.yaml()).isEqualTo(expected);
    }

    /** The config with every data URL replaced by its decoded text and compression dropped. */
    static Config decoded(Config c) throws Exception {
        List<Config.File> files = new ArrayList<>();
        for (Config.File f : c.storage().files()) {
            List<Config.Resource> append = new ArrayList<>();
            for (Config.Resource a : f.append()) {
                append.add(decoded(a));
            }
            files.add(new Config.File(
                    f.group(), f.overwrite(), f.path(), f.user(), append, decoded(f.contents()), f.mode()));
        }
        Config.Storage s = c.storage();
        return new Config(
                c.ignition(),
                c.kernelArguments(),
                c.passwd(),
                new Config.Storage(s.directories(), s.disks(), files, s.filesystems(), s.links(), s.luks(), s.raid()),
                c.systemd());
    }

    static Config.Resource decoded(Config.Resource r) throws Exception {
        String src = r.source();
        if (src == null || !src.startsWith("data:") || r.verification().hash() != null) {
            return r;
        }
        int comma = src.indexOf(',');
        String meta = src.substring(5, comma);
        byte[] raw = meta.endsWith(";base64")
                ? Base64.getDecoder().decode(src.substring(comma + 1))
                : java.net.URLDecoder.decode(src.substring(comma + 1).replace("+", "%2B"), StandardCharsets.ISO_8859_1)
                        .getBytes(StandardCharsets.ISO_8859_1);
        if ("gzip".equals(r.compression())) {
            raw = new GZIPInputStream(new ByteArrayInputStream(raw)).readAllBytes();
        }
        return new Config.Resource(
                null, r.httpHeaders(), "text:" + java.util.HexFormat.of().formatHex(raw), r.verification());
    }

    @Property(tries = 200)
    void modes_anyOctalSpellingIsTheSameMode(@ForAll("modes") int mode) {
        String octal = Integer.toOctalString(mode);
        for (String spelling :
                List.of("0" + octal, "0o" + octal, "0x" + Integer.toHexString(mode), Integer.toString(mode))) {
            ButaneResult r = Butane.translate(
                    "variant: fcos\nversion: 1.7.0\nstorage:\n  files:\n    - path: /f\n" + "      mode: " + spelling
                            + "\n",
                    ButaneOptions.DEFAULT);
            assertThat(r.config().storage().files().get(0).mode()).as(spelling).isEqualTo((long) mode);
        }
    }

    @Provide
    Arbitrary<Integer> modes() {
        return Arbitraries.integers().between(0, 07777);
    }

    @Property(tries = 200)
    void localPaths_neverEscapeTheFilesDirectory(@ForAll("relativePaths") String path) {
        FilesDir dir = FilesDir.inMemory(Map.of("in/a", "inside".getBytes(StandardCharsets.UTF_8)));
        ButaneResult r = Butane.translate(
                "variant: fcos\nversion: 1.7.0\nstorage:\n  files:\n    - path: /f\n"
                        + "      contents:\n        local: \"" + path + "\"\n",
                ButaneOptions.DEFAULT.withFilesDir(dir));
        String clean = java.nio.file.Paths.get("/root/" + path).normalize().toString();
        if (!clean.equals("/root") && !clean.startsWith("/root/")) {
            assertThat(r.report().errors())
                    .extracting(e -> e.message())
                    .containsExactly("local file path traverses outside the files directory");
        } else if (clean.equals("/root/in/a")) {
            assertThat(r.isValid()).isTrue();
            assertThat(r.config().storage().files().get(0).contents().source()).isEqualTo("data:,inside");
        } else {
            assertThat(r.isValid()).isFalse();
        }
    }

    @Provide
    Arbitrary<String> relativePaths() {
        return Arbitraries.of("in", "a", "..", ".", "", "/")
                .list()
                .ofMinSize(1)
                .ofMaxSize(6)
                .map(parts -> String.join("/", parts));
    }
}
