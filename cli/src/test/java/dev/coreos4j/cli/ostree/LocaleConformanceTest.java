package dev.coreos4j.cli.ostree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.testsupport.Oracles;
import dev.coreos4j.testsupport.ProjectRoot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Commit and checkout of non-ASCII names through the {@code coreos4j} launcher under {@code LANG=C}, {@code POSIX} and
 * no {@code LANG} (issue #17 "Locale"): paths are bytes, so the names must arrive intact; the real {@code ostree}
 * lists the same names and accepts the repository.
 */
class LocaleConformanceTest {

    @TempDir
    Path tmp;

    private static final List<String> NAMES =
            List.of("caf\u00e9.txt", "\u00fcber", "\u65e5\u672c\u8a9e", "\u00e9t\u00e9");

    private record Run(int exit, String out) {}

    private Run launcher(String lang, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(
                List.of("sh", ProjectRoot.path().resolve("coreos4j").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("LC_ALL");
        pb.environment().remove("LC_CTYPE");
        pb.environment().remove("LANG");
        if (!lang.equals("unset")) {
            pb.environment().put("LANG", lang);
        }
        pb.environment().put("COREOS4J_CLASSPATH", System.getProperty("java.class.path"));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"C", "POSIX", "unset"})
    void nonAsciiNames_surviveCommitAndCheckout(String lang) throws Exception {
        Path ostree = Oracles.require("ostree");
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        for (String n : NAMES) {
            Files.writeString(tree.resolve(n), n + "\n");
        }
        Files.createDirectories(tree.resolve("d\u00efr"));
        Files.writeString(tree.resolve("d\u00efr/\u00f1"), "n\n");
        Path repo = tmp.resolve("repo");
        assertThat(launcher(lang, "ostree", "--repo=" + repo, "init").exit()).isZero();
        Run commit = launcher(lang, "ostree", "--repo=" + repo, "commit", "-b", "m", "--tree=dir=" + tree);
        assertThat(commit.exit()).as(commit.out()).isZero();
        Run checkout = launcher(
                lang,
                "ostree",
                "--repo=" + repo,
                "checkout",
                "m",
                tmp.resolve("out").toString());
        assertThat(checkout.exit()).as(checkout.out()).isZero();
        for (String n : NAMES) {
            assertThat(Files.readString(tmp.resolve("out").resolve(n))).isEqualTo(n + "\n");
        }
        assertThat(tmp.resolve("out/d\u00efr/\u00f1")).hasContent("n");
        ProcessBuilder pb =
                new ProcessBuilder(ostree.toString(), "--repo=" + repo, "ls", "-R", "m").redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        String ls = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        for (String n : NAMES) {
            assertThat(ls).contains("/" + n);
        }
        assertThat(ls).contains("/d\u00efr/\u00f1");
    }
}
