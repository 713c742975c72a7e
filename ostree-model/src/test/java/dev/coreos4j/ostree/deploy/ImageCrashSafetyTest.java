package dev.coreos4j.ostree.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.ObjectType;
import dev.coreos4j.ostree.container.EncapsulateOptions;
import dev.coreos4j.ostree.container.EncapsulateResult;
import dev.coreos4j.ostree.container.Encapsulation;
import dev.coreos4j.ostree.container.ImageImport;
import dev.coreos4j.ostree.container.ImageReference;
import dev.coreos4j.ostree.container.ImportOptions;
import dev.coreos4j.ostree.repo.CommitOptions;
import dev.coreos4j.ostree.repo.FsckOptions;
import dev.coreos4j.ostree.repo.Repository;
import dev.coreos4j.testsupport.Oracles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGKILLs a child JVM at random instants of an image import (into an archive repository) and of a deploy from an
 * image (into a sysroot already running the previous image), {@code coreos4j.imageCrashTrials} times each (6 by
 * default to keep the suite fast; {@code benchmarks/scripts/image-crash-loop.sh} runs 50 of each). Afterwards our fsck and the real
 * {@code ostree fsck} pass, every ref names a complete commit, the sysroot is the old or the new deployment list
 * and passes {@link Sysroot#check()} and {@code ostree admin status}, and the interrupted operation, run again,
 * succeeds.
 */
class ImageCrashSafetyTest {

    static final int TRIALS = Integer.getInteger("coreos4j.imageCrashTrials", 6);

    @TempDir
    Path tmp;

    Path ostree;
    String image;

    private EncapsulateResult image(Repository build, String version, String conf, Path oci) throws IOException {
        Path tree = OsTrees.tree(tmp.resolve("tree-" + version), "6.1.0", "k-" + version, Map.of("app.conf", conf));
        for (int i = 0; i < 60; i++) {
            Path f = tree.resolve("usr/share/data/d" + (i % 6) + "/f" + i);
            Files.createDirectories(f.getParent());
            Files.write(f, (version + " file " + i + " ").repeat(200 + i * 20).getBytes(StandardCharsets.UTF_8));
        }
        build.commit(
                tree,
                CommitOptions.builder()
                        .branch("os")
                        .subject("v" + version)
                        .timestamp(1_700_000_000L)
                        .ownerUid(0)
                        .ownerGid(0)
                        .noXattrs(true)
                        .addMetadataString("version", version)
                        .build());
        return Encapsulation.encapsulate(
                build,
                "os",
                ImageReference.ociDir(oci, version),
                EncapsulateOptions.defaults().withMaxLayers(5));
    }

    private static void copy(Path from, Path to) throws IOException {
        Sh.ok("cp", "-a", from.toString(), to.toString());
    }

    private Path template(String op) throws IOException {
        Repository build = Repository.init(tmp.resolve("build"));
        Path oci = tmp.resolve("oci");
        EncapsulateResult v1 = image(build, "1.0", "v1\n", oci);
        image(build, "2.0", "v2\n", oci);
        image = "ostree-unverified-image:oci:" + oci + ":2.0";
        Path dir = tmp.resolve("template");
        if (op.equals("import")) {
            Files.createDirectories(dir);
            Repository.init(dir.resolve("repo")).close();
            Files.writeString(dir.resolve("repo/config"), "fsync=false\n", java.nio.file.StandardOpenOption.APPEND);
        } else {
            Sysroot s = Sysroot.initFs(dir);
            CrashSafetyTest.noFsync(dir);
            assertThat(s.osInit("testos").isApplied()).isTrue();
            assertThat(s.deployImage("testos", ImageReference.ociDir(oci, "1.0"), DeployOptions.DEFAULTS)
                            .isApplied())
                    .isTrue();
            assertThat(s.boot(0).isApplied()).isTrue();
            assertThat(s.load().deployments().get(0).commit()).isEqualTo(v1.commit());
            Files.writeString(
                    dir.resolve("ostree/repo/extensions/coreos4j/image-store/config"),
                    "fsync=false\n",
                    java.nio.file.StandardOpenOption.APPEND);
        }
        return dir;
    }

    @ParameterizedTest
    @ValueSource(strings = {"import", "deploy"})
    void killAtRandomInstant_leavesConsistentState(String op) throws Exception {
        ostree = Oracles.require("ostree");
        Path template = template(op);
        Path reference = tmp.resolve("reference");
        copy(template, reference);
        long[] duration = new long[1];
        assertThat(runChild(reference, op, -1, duration)).isEqualTo("DONE");
        DeploymentList oldList = op.equals("deploy") ? Sysroot.open(template).load() : null;
        DeploymentList newList = op.equals("deploy") ? Sysroot.open(reference).load() : null;

        Random random = new Random(op.hashCode());
        AtomicInteger before = new AtomicInteger();
        AtomicInteger after = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int trial = 0; trial < TRIALS; trial++) {
                int n = trial;
                long delay = (long) (random.nextDouble() * duration[0] * 2.5); // two children at a time: slower
                futures.add(pool.submit(() -> {
                    trial(op, template, n, delay, oldList, newList, before, after);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Error ? (Error) e.getCause() : new AssertionError(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("image " + op + ": " + TRIALS + " SIGKILLs (uninterrupted ~" + duration[0] / 1_000_000
                + " ms), " + before + " left the state before, " + after + " the state after");
        assertThat(before.get() + after.get()).isEqualTo(TRIALS);
    }

    private void trial(
            String op,
            Path template,
            int trial,
            long delay,
            DeploymentList oldList,
            DeploymentList newList,
            AtomicInteger before,
            AtomicInteger after)
            throws Exception {
        Path dir = tmp.resolve(op + "-" + trial);
        copy(template, dir);
        runChild(dir, op, delay, null);
        boolean done;
        List<Path> repos = new ArrayList<>();
        if (op.equals("import")) {
            repos.add(dir.resolve("repo"));
            Repository repo = Repository.open(dir.resolve("repo"));
            done = repo.readRef("os").isPresent();
        } else {
            Sysroot s = Sysroot.open(dir);
            DeploymentList l = s.load();
            boolean isOld = l.equals(oldList);
            boolean isNew = l.equals(newList);
            assertThat(isOld || isNew)
                    .as("trial %d (kill after %d µs): %s", trial, delay / 1000, l)
                    .isTrue();
            // as in CrashSafetyTest: only the orphaned deployment directory of the interrupted write may be reported
            assertThat(s.check().stream().filter(p -> !p.contains("orphaned deployment directory")))
                    .as("trial %d", trial)
                    .isEmpty();
            Sh.Result status = Sh.run(List.of(ostree.toString(), "admin", "--sysroot=" + dir, "status"));
            assertThat(status.exit())
                    .as("ostree admin status, trial %d:\n%s", trial, status.output())
                    .isZero();
            Sh.Result sysFsck = Sh.run(List.of(ostree.toString(), "fsck", "--repo=" + dir.resolve("ostree/repo")));
            assertThat(sysFsck.exit())
                    .as("ostree fsck of the system repo, trial %d:\n%s", trial, sysFsck.output())
                    .isZero();
            repos.add(dir.resolve("ostree/repo/extensions/coreos4j/image-store"));
            done = isNew;
        }
        for (Path r : repos) {
            Repository repo = Repository.open(r);
            assertThat(repo.fsck(FsckOptions.defaults()).ok())
                    .as("our fsck, trial %d", trial)
                    .isTrue();
            Sh.Result fsck = Sh.run(List.of(ostree.toString(), "fsck", "--repo=" + r));
            assertThat(fsck.exit())
                    .as("ostree fsck, trial %d:\n%s", trial, fsck.output())
                    .isZero();
            for (Checksum c : repo.refs().values()) {
                assertThat(repo.has(ObjectType.COMMIT, c) && !repo.isPartial(c))
                        .as("trial %d", trial)
                        .isTrue();
            }
        }
        // the interrupted operation, run again (in this JVM), completes; the next transaction removes what the
        // killed one staged
        if (!done) {
            if (op.equals("import")) {
                ImageImport.importImage(
                        Repository.open(dir.resolve("repo")),
                        ImageReference.parse(image),
                        ImportOptions.defaults().withRef("os"));
            } else {
                assertThat(Sysroot.open(dir)
                                .deployImage("testos", ImageReference.parse(image), DeployOptions.DEFAULTS)
                                .isApplied())
                        .as("trial %d rerun", trial)
                        .isTrue();
            }
        }
        if (!done && !op.equals("import")) {
            // the rerun, the next write, removed whatever the killed one left behind
            assertThat(Sysroot.open(dir).check())
                    .as("trial %d after the next write", trial)
                    .isEmpty();
        }
        for (Path r : repos) {
            Repository.open(r).begin().close();
            try (Stream<Path> st = Files.list(r.resolve("tmp"))) {
                assertThat(st.filter(p -> p.getFileName().toString().startsWith("staging-"))
                                .toList())
                        .as("trial %d", trial)
                        .isEmpty();
            }
        }
        (done ? after : before).incrementAndGet();
        Fs.deleteTree(dir);
    }

    private String runChild(Path dir, String op, long delayNanos, long[] duration) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-cp",
                dev.coreos4j.testsupport.ChildJvm.classPath(ImageCrashSafetyTest.class),
                ImageCrashChild.class.getName(),
                dir.toString(),
                op,
                image));
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
        StringBuilder rest = new StringBuilder();
        String l;
        while ((l = in.readLine()) != null) {
            rest.append(l).append('\n');
        }
        p.waitFor(30, TimeUnit.SECONDS);
        return "DONE".equals(line) ? line : line + "\n" + rest;
    }
}
