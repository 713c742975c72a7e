package dev.coreos4j.cli.ostree;

import static dev.coreos4j.cli.ostree.Upstream.port;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ostree v2022.7 {@code tests/test-refs.sh}, every assertion, on our CLI; after each section the real {@code ostree}
 * lists the same refs and {@code ostree fsck} accepts the repository. ({@code summary -u} lines are left out: the
 * summary file is the pull work's.)
 */
class UpstreamRefsTest {

    @TempDir
    Path tmp;

    private Upstream u;
    private String repo;

    private void judge() throws Exception {
        Upstream.Run theirs = u.ostree(repo, "refs").ok();
        Upstream.Run ours = u.ours(repo, "refs").ok();
        assertThat(ours.lines()).as("our refs vs ostree refs").containsExactlyInAnyOrderElementsOf(theirs.lines());
        assertThat(u.ostree(repo, "fsck").exit()).as("ostree fsck").isZero();
    }

    private int refsCount(String... extra) {
        String[] args = new String[extra.length + 2];
        args[0] = repo;
        args[1] = "refs";
        System.arraycopy(extra, 0, args, 2, extra.length);
        return u.ours(args).ok().lines().size();
    }

    @Test
    void testRefsSh() throws Exception {
        u = new Upstream(tmp);
        repo = u.repo("repo");
        Path tree = tmp.resolve("tree");
        u.ours(repo, "init", "--mode=archive").ok();
        Upstream.write(tree.resolve("root/a"), "");
        for (int i = 1; i <= 5; i++) {
            Files.writeString(tree.resolve("root/a"), "a\n", java.nio.file.StandardOpenOption.APPEND);
            u.ours(repo, "commit", "--branch=test-" + i, "-m", "test", "-s", "test", tree.toString())
                    .ok();
            u.ours(repo, "commit", "--branch=foo/test-" + i, "-m", "test", "-s", "test", tree.toString())
                    .ok();
        }
        port("test-refs.sh:43 refs count 10", () -> assertThat(refsCount()).isEqualTo(10));
        port(
                "test-refs.sh:46 refs foo cuts the prefix",
                () -> assertThat(u.ours(repo, "refs", "foo").out()).doesNotContain("foo"));
        port(
                "test-refs.sh:49 refs --list foo keeps it",
                () -> assertThat(u.ours(repo, "refs", "--list", "foo").out()).contains("foo"));
        port(
                "test-refs.sh:52 refs foo count 5",
                () -> assertThat(refsCount("foo")).isEqualTo(5));
        u.ours(repo, "refs", "--delete");
        port(
                "test-refs.sh:56 --delete without prefix deletes nothing",
                () -> assertThat(refsCount()).isEqualTo(10));
        port(
                "test-refs.sh:58 --delete without prefix fails",
                () -> u.ours(repo, "refs", "--delete").fails());
        u.ours(repo, "refs", "--delete", "test-1", "test-2").ok();
        port("test-refs.sh:61 two deleted", () -> assertThat(refsCount()).isEqualTo(8));
        u.ours(repo, "refs", "--delete", "foo").ok();
        port("test-refs.sh:65 prefix foo deleted", () -> assertThat(refsCount()).isEqualTo(3));
        port(
                "test-refs.sh:66 test-1 gone",
                () -> assertThat(u.ours(repo, "refs").lines()).doesNotContain("test-1"));
        judge();

        u.ours(repo, "commit", "--branch=ctest", "-m", "ctest", "-s", "ctest", tree.toString())
                .ok();
        u.ours(repo, "commit", "--branch=foo/ctest", "-m", "ctest", "-s", "ctest", tree.toString())
                .ok();
        port("test-refs.sh:73 count 5", () -> assertThat(refsCount()).isEqualTo(5));
        port(
                "test-refs.sh:75 --create without an existing ref",
                () -> u.ours(repo, "refs", "--create=ctest-new").fails());
        port(
                "test-refs.sh:78 --create without a name",
                () -> u.ours(repo, "refs", "ctest", "--create").fails());
        port(
                "test-refs.sh:81 --create from a prefix that does not exist",
                () -> u.ours(repo, "refs", "does-not-exist", "--create=ctest-new")
                        .fails());
        port(
                "test-refs.sh:84 --create over a folder in use",
                () -> u.ours(repo, "refs", "ctest", "--create=foo").fails());
        port(
                "test-refs.sh:87 --create over an existing ref",
                () -> u.ours(repo, "refs", "foo/ctest", "--create=ctest").fails());
        String fooCtest = u.ours(repo, "rev-parse", "foo/ctest").ok().line();
        u.ours(repo, "refs", "foo/ctest", "--create=ctest", "--force").ok();
        port(
                "test-refs.sh:94 --force overwrote ctest",
                () -> assertThat(u.ours(repo, "rev-parse", "ctest").ok().line()).isEqualTo(fooCtest));
        judge();

        Path heads = tmp.resolve("repo/refs/heads");
        Files.writeString(heads.resolve(".spooky_and_hidden"), "\uD83D\uDC7B\n");
        port(
                "test-refs.sh:101 hidden file ignored",
                () -> assertThat(u.ours(repo, "refs").out()).doesNotContain("spooky"));
        u.ours(repo, "refs", "ctest", "--create=exampleos/x86_64/standard").ok();
        Files.writeString(heads.resolve("exampleos/x86_64/.further_spooky_and_hidden"), "\uD83D\uDC7B\n");
        port(
                "test-refs.sh:105 nested ref listed",
                () -> assertThat(u.ours(repo, "refs").out()).contains("exampleos/x86_64/standard"));
        port(
                "test-refs.sh:106 nested hidden ignored",
                () -> assertThat(u.ours(repo, "refs").out()).doesNotContain("spooky"));
        judge();
        deleteTree(heads.resolve("exampleos"));

        for (String bad : List.of(".", "-", ".foo", "-bar", "!", "!foo")) {
            Upstream.Run r = u.ours(repo, "refs", "ctest", "--create=" + bad);
            port("test-refs.sh:111 refuses ref '" + bad + "'", () -> r.fails());
            port(
                    "test-refs.sh:114 'Invalid ref' for '" + bad + "'",
                    () -> assertThat(r.err()).contains("Invalid ref"));
        }
        String valid = "org.foo.bar/x86_64/standard-blah";
        port("test-refs.sh:119 valid ref with ._-", () -> {
            u.ours(repo, "refs", "ctest", "--create=" + valid).ok();
            u.ours(repo, "rev-parse", valid).ok();
            u.ours(repo, "refs", "--delete", valid).ok();
        });
        port(
                "test-refs.sh:127 no leftovers after failed --create",
                () -> assertThat(refsCount()).isEqualTo(5));
        u.ours(repo, "refs", "ctest", "--create=ctest-new").ok();
        port("test-refs.sh:131 created", () -> assertThat(refsCount()).isEqualTo(6));
        u.ours(repo, "refs", "foo/ctest", "--delete").ok();
        port("test-refs.sh:136 deleted", () -> assertThat(refsCount()).isEqualTo(5));
        u.ours(repo, "refs", "ctest", "--create=foo").ok();
        port(
                "test-refs.sh:139 a deleted folder's name is reusable as a ref",
                () -> assertThat(refsCount()).isEqualTo(6));
        judge();

        // implicit tree: commit the current directory (which holds the repository, as in the script)
        u.oursIn(tmp, Map.of(), repo, "commit", "--branch=origin:remote1").ok();
        u.oursIn(tmp, Map.of(), repo, "commit", "--branch=local1").ok();
        port(
                "test-refs.sh:145 remote and local refs",
                () -> assertThat(refsCount()).isEqualTo(8));
        u.ours(repo, "refs", "origin:remote1", "--create=remote1").ok();
        u.ours(repo, "refs", "origin:remote1", "--create=origin/remote1").ok();
        u.ours(repo, "refs", "local1", "--create=origin:local1").ok();
        port(
                "test-refs.sh:151 names shared between remote and local",
                () -> assertThat(refsCount()).isEqualTo(11));
        port(
                "test-refs.sh:155 refs origin: lists the remote's refs",
                () -> assertThat(refsCount("origin:")).isEqualTo(2));
        port(
                "test-refs.sh:158 refs origin:. too (flatpak)",
                () -> assertThat(refsCount("origin:.")).isEqualTo(2));
        judge();

        u.ours(repo, "refs", "ctest", "--create=exampleos/x86_64/26/server").ok();
        u.ours(repo, "refs", "-A", "exampleos/x86_64/26/server", "--create=exampleos/x86_64/stable/server")
                .ok();
        for (String v : List.of("26", "stable")) {
            port(
                    "test-refs.sh:168 alias listed " + v,
                    () -> assertThat(u.ours(repo, "refs").out()).contains("exampleos/x86_64/" + v + "/server"));
        }
        Upstream.Run aliases = u.ours(repo, "refs", "-A").ok();
        port(
                "test-refs.sh:171 refs -A",
                () -> assertThat(aliases.out())
                        .contains("exampleos/x86_64/stable/server -> exampleos/x86_64/26/server"));
        port(
                "test-refs.sh:172 refs -A lists aliases only",
                () -> assertThat(aliases.lines()).noneMatch(l -> l.startsWith("exampleos/x86_64/26/server")));
        String stable =
                u.ours(repo, "rev-parse", "exampleos/x86_64/stable/server").ok().line();
        String current =
                u.ours(repo, "rev-parse", "exampleos/x86_64/26/server").ok().line();
        port(
                "test-refs.sh:175 alias resolves to its target",
                () -> assertThat(stable).isEqualTo(current));
        u.ours(repo, "commit", "-b", "exampleos/x86_64/26/server", "--tree=dir=" + tree)
                .ok();
        String newcurrent =
                u.ours(repo, "rev-parse", "exampleos/x86_64/26/server").ok().line();
        port("test-refs.sh:179 target moved", () -> assertThat(newcurrent).isNotEqualTo(current));
        String newstable =
                u.ours(repo, "rev-parse", "exampleos/x86_64/stable/server").ok().line();
        port("test-refs.sh:181 alias follows", () -> assertThat(newstable).isEqualTo(newcurrent));
        u.ours(repo, "commit", "-b", "exampleos/x86_64/27/server", "--tree=dir=" + tree)
                .ok();
        String current27 =
                u.ours(repo, "rev-parse", "exampleos/x86_64/27/server").ok().line();
        port("test-refs.sh:186 new branch", () -> assertThat(current27).isNotEqualTo(newstable));
        u.ours(repo, "refs", "-A", "exampleos/x86_64/27/server", "--create=exampleos/x86_64/stable/server")
                .ok();
        String newnewstable =
                u.ours(repo, "rev-parse", "exampleos/x86_64/stable/server").ok().line();
        port("test-refs.sh:189 alias swapped", () -> assertThat(newnewstable).isNotEqualTo(newstable));
        port("test-refs.sh:190 alias names 27", () -> assertThat(newnewstable).isEqualTo(current27));
        for (String v : List.of("26", "27", "stable")) {
            port(
                    "test-refs.sh:193 listed " + v,
                    () -> assertThat(u.ours(repo, "refs").out()).contains("exampleos/x86_64/" + v + "/server"));
        }
        port(
                "test-refs.sh:196 refs -A after the swap",
                () -> assertThat(u.ours(repo, "refs", "-A").out())
                        .contains("exampleos/x86_64/stable/server -> exampleos/x86_64/27/server"));
        port(
                "test-refs.sh:199 a ref with an alias is not deleted",
                () -> u.ours(repo, "refs", "--delete", "exampleos/x86_64/27/server")
                        .fails());
        judge();

        Upstream.Run remoteAlias = u.ours(
                repo, "refs", "-A", "exampleos/x86_64/27/server", "--create=exampleos:exampleos/x86_64/stable/server");
        port("test-refs.sh:208 no alias to a remote ref", () -> remoteAlias.fails());
        port(
                "test-refs.sh:211 its message",
                () -> assertThat(remoteAlias.err()).contains("Cannot create alias to remote ref"));
        Upstream.Run broken = u.ours(repo, "refs", "-A", "--create", "foobar", "nonexistent");
        port("test-refs.sh:214 no alias to a missing ref", () -> broken.fails());
        port(
                "test-refs.sh:217 its message",
                () -> assertThat(broken.err()).contains("Cannot create alias to non-existent ref"));
        judge();
    }

    static void deleteTree(Path p) throws java.io.IOException {
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
