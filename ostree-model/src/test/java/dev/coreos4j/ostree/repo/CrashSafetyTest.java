package dev.coreos4j.ostree.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.OstreeTool;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Child JVMs writing to one repository: killed with SIGKILL at random moments, and racing on one branch with
 * compare-and-set. Afterwards our fsck and {@code ostree fsck} must pass and every ref must name a complete commit.
 */
class CrashSafetyTest {

    @TempDir
    Path tmp;

    static Process worker(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = dev.coreos4j.testsupport.ChildJvm.classPath(CrashSafetyTest.class);
        List<String> cmd = new ArrayList<>(List.of(
                java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx128m", "-cp", cp, CommitWorker.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    @Test
    void killDashNine_duringCommits_leavesAConsistentRepository() throws Exception {
        OstreeTool ostree = OstreeTool.require();
        Path repoPath = tmp.resolve("repo");
        Repository repo = Repository.init(repoPath);
        Random random = new Random(20261125);
        int kills = 0;
        for (int i = 0; i < 50; i++) {
            Process p = worker("loop", repoPath.toString(), "os/crash", Long.toString(i));
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("ready");
            Thread.sleep(random.nextInt(1200));
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            if (p.exitValue() == 137) {
                kills++;
            }
            FsckReport report = repo.fsck(new FsckOptions(false, false));
            assertThat(report.findings()).as("our fsck after kill %d", i).isEmpty();
            for (Map.Entry<String, Checksum> ref : repo.refs().entrySet()) {
                assertThat(repo.isPartial(ref.getValue())).isFalse();
            }
            if (i % 10 == 9) {
                ostree.run("--repo=" + repoPath, "fsck").ok();
            }
        }
        assertThat(kills).isEqualTo(50);
        assertThat(repo.readRef("os/crash")).isPresent();
        assertThat(repo.log(repo.resolve("os/crash")))
                .allSatisfy(e -> assertThat(e.commit()).isNotNull());
    }

    @Test
    void fourProcesses_commitWithCompareAndSet_loseNoUpdate() throws Exception {
        OstreeTool ostree = OstreeTool.require();
        Path repoPath = tmp.resolve("repo");
        Repository repo = Repository.init(repoPath);
        int perWorker = 8;
        List<Process> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            workers.add(worker("cas", repoPath.toString(), "os/shared", Integer.toString(perWorker), "w" + w));
        }
        Set<Checksum> applied = new HashSet<>();
        int conflicts = 0;
        for (Process p : workers) {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            for (String line : output.lines().toList()) {
                if (line.startsWith("updated ")) {
                    applied.add(Checksum.of(line.substring(8)));
                } else if (line.startsWith("conflict ")) {
                    conflicts++;
                }
            }
        }
        assertThat(applied).hasSize(4 * perWorker);
        List<Repository.LogEntry> history = repo.log(repo.resolve("os/shared"));
        Set<Checksum> chain = new HashSet<>();
        history.forEach(e -> chain.add(e.checksum()));
        // every applied update is in the branch history: none was silently overwritten
        assertThat(chain).isEqualTo(applied);
        assertThat(history).hasSize(4 * perWorker);
        assertThat(repo.fsck(FsckOptions.defaults()).findings()).isEmpty();
        ostree.run("--repo=" + repoPath, "fsck").ok();
        assertThat(conflicts).isGreaterThanOrEqualTo(0);
    }
}
