package dev.coreos4j.ostree.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.testsupport.Oracles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a child JVM with SIGKILL at random instants of deploy, stage, finalize, rollback and cleanup and requires that
 * the sysroot afterwards loads as exactly the old or exactly the new list (a staged deployment is never silently
 * dropped: it is still staged or it is the new default), passes {@link Sysroot#check()} (where only the orphaned
 * deployment directories of the interrupted write may be reported) and {@code ostree admin status}, keeps the /etc
 * edit made before the operation, and is cleaned by the next write.
 *
 * <p>{@code -Dcoreos4j.crashTrials=N} kills per operation (default 12, about a minute for the five operations);
 * {@code benchmarks/scripts/sysroot-kill-loop.sh} runs the full size.
 */
class CrashSafetyTest {

    static final int TRIALS = Integer.getInteger("coreos4j.crashTrials", 12);

    @TempDir
    Path tmp;

    Path ostree;
    Checksum c1;
    Checksum c2;
    Checksum c3;

    @BeforeEach
    void setUp() {
        ostree = Oracles.require("ostree");
    }

    /** A booted sysroot [c2 (booted), c1] with a local /etc edit; for finalize also a staged c3; for cleanup too. */
    private Path template(String op) throws IOException {
        Path dir = tmp.resolve("template");
        Sysroot s = Sysroot.initFs(dir);
        noFsync(dir);
        SystemRepository repo = s.repository();
        c1 = repo.commit(
                OsTrees.tree(tmp.resolve("t1"), "6.1.0", "k1", Map.of("app.conf", "v1\n")),
                "os/stable",
                "1",
                "1.0",
                Instant.ofEpochSecond(1_700_000_000L));
        c2 = repo.commit(
                OsTrees.tree(tmp.resolve("t2"), "6.1.0", "k1", Map.of("app.conf", "v2\n")),
                "os/stable",
                "2",
                "2.0",
                Instant.ofEpochSecond(1_700_000_100L));
        c3 = repo.commit(
                OsTrees.tree(tmp.resolve("t3"), "6.2.0", "k2", Map.of("app.conf", "v3\n")),
                "os/stable",
                "3",
                "3.0",
                Instant.ofEpochSecond(1_700_000_200L));
        ok(s.osInit("testos"));
        ok(s.deploy("testos", c1.hex(), DeployOptions.DEFAULTS));
        ok(s.boot(0));
        ok(s.deploy("testos", c2.hex(), DeployOptions.DEFAULTS));
        ok(s.boot(0));
        Path etc =
                s.deploymentDirectory(s.load().bootedDeployment().orElseThrow()).resolve("etc");
        Files.writeString(etc.resolve("app.conf"), "local edit\n");
        if (op.equals("finalize") || op.equals("cleanup")) {
            ok(s.stage("testos", c3.hex(), DeployOptions.DEFAULTS));
        }
        return dir;
    }

    /**
     * {@code core.fsync=false}: a SIGKILL leaves the page cache intact, so syncing proves nothing here and costs ~5 ms
     * per call on the CI disk; the order of the visible renames is what these trials check.
     */
    static void noFsync(Path sysroot) throws IOException {
        Files.writeString(
                sysroot.resolve("ostree/repo/config"), "fsync=false\n", java.nio.file.StandardOpenOption.APPEND);
    }

    /** What the bootloader boots: the non-staged deployments in order, and the booted one. */
    private static List<Object> bootable(DeploymentList l) {
        return List.of(l.deployments().stream().filter(d -> !d.staged()).toList(), String.valueOf(l.booted()));
    }

    private static void ok(Transition t) {
        assertThat(t.isApplied()).as(t.message()).isTrue();
    }

    private static void copy(Path from, Path to) throws IOException {
        Sh.ok("cp", "-a", from.toString(), to.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy", "stage", "finalize", "rollback", "cleanup"})
    void killAtRandomInstant_leavesOldOrNewList(String op) throws Exception {
        Path template = template(op);
        DeploymentList oldList = Sysroot.open(template).load();
        // the uninterrupted outcome, and how long the operation takes once the child is warm
        Path reference = tmp.resolve("reference");
        copy(template, reference);
        long[] duration = new long[1];
        String line = runChild(reference, op, -1, duration);
        assertThat(line).isEqualTo("DONE");
        DeploymentList newList = Sysroot.open(reference).load();
        assertThat(newList).isNotEqualTo(oldList);

        Random random = new Random(op.hashCode());
        java.util.concurrent.atomic.AtomicInteger sawOld = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger sawNew = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger stagedLost = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        try {
            for (int trial = 0; trial < TRIALS; trial++) {
                int n = trial;
                long delay =
                        (long) (random.nextDouble() * duration[0] * 3.0); // children run three at a time, so slower
                futures.add(pool.submit(() -> {
                    trial(op, template, n, delay, oldList, newList, sawOld, sawNew, stagedLost);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof Error ? (Error) e.getCause() : new AssertionError(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println(op + ": " + TRIALS + " SIGKILLs (uninterrupted op ~" + duration[0] / 1_000_000 + " ms), "
                + sawOld + " left the old list, " + sawNew + " the new list, " + stagedLost
                + " lost the staged deployment");
        assertThat(stagedLost.get()).isZero();
        assertThat(sawOld.get() + sawNew.get()).isEqualTo(TRIALS);
    }

    private void trial(
            String op,
            Path template,
            int trial,
            long delay,
            DeploymentList oldList,
            DeploymentList newList,
            java.util.concurrent.atomic.AtomicInteger sawOld,
            java.util.concurrent.atomic.AtomicInteger sawNew,
            java.util.concurrent.atomic.AtomicInteger stagedLost)
            throws Exception {
        Path dir = tmp.resolve(op + "-" + trial);
        copy(template, dir);
        runChild(dir, op, delay, null);
        Sysroot s = Sysroot.open(dir);
        DeploymentList after = s.load();
        boolean isOld = after.equals(oldList);
        boolean isNew = after.equals(newList);
        if (!isOld
                && !isNew
                && bootable(after).equals(bootable(oldList))
                && after.staged().isEmpty()) {
            stagedLost.incrementAndGet(); // the defect of issue #19: the staged deployment silently gone
        }
        assertThat(isOld || isNew)
                .as("trial %d (kill after %d µs): %s", trial, delay / 1000, after)
                .isTrue();
        assertThat(s.check().stream().filter(p -> !p.contains("orphaned deployment directory")))
                .as("trial %d", trial)
                .isEmpty();
        if (isOld && op.equals("finalize")) {
            assertThat(after.staged()).as("trial %d: still staged", trial).isPresent();
        }
        Sh.Result status = Sh.run(List.of(ostree.toString(), "admin", "--sysroot=" + dir, "status"));
        assertThat(status.exit())
                .as("ostree admin status, trial %d:\n%s", trial, status.output())
                .isZero();
        // the /etc edit made before the operation is never lost
        Deployment booted = after.bootedDeployment().orElseThrow();
        assertThat(Files.readString(s.deploymentDirectory(booted).resolve("etc/app.conf")))
                .isEqualTo("local edit\n");
        if (isNew && (op.equals("deploy") || op.equals("finalize"))) {
            Deployment first = after.deployments().get(0);
            assertThat(Files.readString(s.deploymentDirectory(first).resolve("etc/app.conf")))
                    .isEqualTo("local edit\n");
        }
        // the next write removes whatever the crash left behind
        assertThat(s.cleanup(false, false).isApplied()).isTrue();
        assertThat(s.check()).isEmpty();
        assertThat(leftovers(dir)).as("trial %d", trial).isEmpty();
        (isOld ? sawOld : sawNew).incrementAndGet();
        Fs.deleteTree(dir);
    }

    /** Temporary names a crash may leave: loader.tmp, bootlink .tmp, kernel .tmp dirs, unlisted deployments. */
    private static List<String> leftovers(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        for (String p : List.of("boot/loader.tmp", "ostree/boot.0.tmp", "ostree/boot.1.tmp")) {
            if (Files.exists(dir.resolve(p), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                out.add(p);
            }
        }
        Sysroot s = Sysroot.open(dir);
        DeploymentList list = s.load();
        try (var st = Files.list(dir.resolve("ostree/deploy/testos/deploy"))) {
            long expected = 2L * list.deployments().size();
            long actual = st.count();
            if (actual != expected) {
                out.add("deploy dir has " + actual + " entries, expected " + expected);
            }
        }
        return out;
    }

    /** Runs the child on {@code dir}; kills it {@code delayNanos} after GO (never when negative). */
    private String runChild(Path dir, String op, long delayNanos, long[] duration) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-cp",
                dev.coreos4j.testsupport.ChildJvm.classPath(CrashSafetyTest.class),
                CrashChild.class.getName(),
                dir.toString(),
                op,
                c3.hex()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String ready = in.readLine();
        assertThat(ready).isEqualTo("READY");
        OutputStream go = p.getOutputStream();
        go.write('\n');
        go.flush();
        long started = System.nanoTime();
        if (delayNanos >= 0) {
            long until = System.nanoTime() + delayNanos;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            return null;
        }
        String line = in.readLine();
        duration[0] = System.nanoTime() - started;
        p.waitFor(30, TimeUnit.SECONDS);
        return line;
    }
}
