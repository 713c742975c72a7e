package dev.coreos4j.cli.ostree;

import static dev.coreos4j.cli.ostree.Upstream.port;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.Metadata;
import dev.coreos4j.ostree.repo.Repository;
import dev.coreos4j.testsupport.Oracles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository written by flatpak ({@code flatpak build-finish} and {@code build-export}) read by us: every commit
 * metadata value ({@code xa.download-size}, {@code xa.installed-size}, {@code xa.metadata}, …) printed as
 * {@code ostree show --print-metadata-key} prints it, and {@code show}, {@code log}, {@code refs}, {@code ls -R} and
 * the {@code fsck} verdict as ostree's.
 */
class FlatpakRepositoryConformanceTest {

    @TempDir
    Path tmp;

    private Upstream.Run flatpak(String... args) throws Exception {
        Path bin = Oracles.require("flatpak");
        List<String> cmd = new ArrayList<>(List.of(bin.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true);
        pb.environment().put("HOME", tmp.toString());
        pb.environment().put("XDG_DATA_HOME", tmp.resolve("data").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return new Upstream.Run(p.waitFor(), out, "");
    }

    @Test
    void flatpakExport_readAsOstreeReadsIt() throws Exception {
        Upstream u = new Upstream(tmp);
        Path app = tmp.resolve("app");
        Upstream.write(app.resolve("files/bin/hello"), "#!/bin/sh\necho hi\n");
        Upstream.write(app.resolve("files/share/doc/readme"), "caf\u00e9 'quoted' \"double\"\n");
        Upstream.write(
                app.resolve("metadata"),
                "[Application]\nname=org.example.App\n"
                        + "runtime=org.example.Platform/x86_64/master\nsdk=org.example.Sdk/x86_64/master\n");
        flatpak("build-finish", app.toString(), "--command=hello").ok();
        flatpak(
                        "build-export",
                        "--arch=x86_64",
                        "--subject=Export 'one'",
                        "--body=line 1\nline 2",
                        tmp.resolve("repo").toString(),
                        app.toString())
                .ok();
        String repo = u.repo("repo");
        String ref = "app/org.example.App/x86_64/master";

        Repository r = Repository.open(tmp.resolve("repo"));
        Checksum c = r.resolve(ref);
        Metadata m = r.readCommit(c).metadata();
        assertThat(m.keys()).contains("xa.download-size", "xa.installed-size", "xa.metadata");
        for (String key : m.keys()) {
            port(
                    "flatpak " + key + " as ostree show prints it",
                    () -> assertThat(u.ours(repo, "show", "--print-metadata-key=" + key, ref)
                                    .ok()
                                    .out())
                            .isEqualTo(u.ostree(repo, "show", "--print-metadata-key=" + key, ref)
                                    .ok()
                                    .out()));
        }
        for (String[] cmd : List.of(
                new String[] {"show", ref},
                new String[] {"log", ref},
                new String[] {"refs"},
                new String[] {"ls", "-R", ref},
                new String[] {"rev-parse", ref})) {
            List<String> args = new ArrayList<>(List.of(repo));
            args.addAll(List.of(cmd));
            port(
                    "flatpak repository: " + String.join(" ", cmd) + " as ostree",
                    () -> assertThat(u.ours(args.toArray(String[]::new)).ok().out())
                            .isEqualTo(
                                    u.ostree(args.toArray(String[]::new)).ok().out()));
        }
        port("flatpak repository: fsck passes for both", () -> {
            u.ours(repo, "fsck").ok();
            u.ostree(repo, "fsck").ok();
        });
    }
}
