package dev.coreos4j.cli.demo;

import dev.coreos4j.ostree.container.EncapsulateOptions;
import dev.coreos4j.ostree.container.EncapsulateResult;
import dev.coreos4j.ostree.container.Encapsulation;
import dev.coreos4j.ostree.container.ImageReference;
import dev.coreos4j.ostree.container.LayerDiff;
import dev.coreos4j.ostree.deploy.DeployOptions;
import dev.coreos4j.ostree.deploy.Sysroot;
import dev.coreos4j.ostree.repo.CommitOptions;
import dev.coreos4j.ostree.repo.Repository;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The demo chapter for issue #12: an OS tree committed and encapsulated as an ostree-ext image, pushed to a local
 * registry when {@code docker-registry} and {@code skopeo} are installed (else kept as an OCI layout), deployed from
 * the image, an update encapsulated, its layer diff shown, staged, finalized, and rolled back.
 */
final class ContainerDemo implements DemoStep {

    @Override
    public String title() {
        return "Container images: encapsulate, push, deploy, update";
    }

    @SuppressWarnings("StringSplitter") // losing trailing empty PATH entries is fine for a demo
    private static @Nullable Path tool(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    @Override
    public void run(Path workdir, PrintWriter out) throws Exception {
        Repository build = Repository.init(workdir.resolve("build-repo"));
        Path oci = workdir.resolve("oci");
        EncapsulateResult v1 = release(build, workdir, "40.1", oci);
        out.printf(
                "$ coreos4j container encapsulate --repo=build-repo --max-layers=6 fedora/x86_64 oci:oci:40.1%n"
                        + "   %d layers, manifest %s (commit %s)%n",
                v1.manifest().layers().size(),
                v1.manifestDigest(),
                v1.commit().hex().substring(0, 12));

        Path registryBin = tool("docker-registry");
        Path skopeo = tool("skopeo");
        Process registry = null;
        try {
            String base;
            if (registryBin != null && skopeo != null) {
                int port;
                try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                    port = s.getLocalPort();
                }
                Path config = workdir.resolve("registry.yml");
                Files.writeString(
                        config,
                        "version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n"
                                + "    rootdirectory: " + workdir.resolve("registry") + "\nhttp:\n  addr: 127.0.0.1:"
                                + port
                                + "\n",
                        StandardCharsets.UTF_8);
                registry = new ProcessBuilder(registryBin.toString(), "serve", config.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(workdir.resolve("registry.log").toFile())
                        .start();
                waitFor(port);
                base = "127.0.0.1:" + port + "/fedora/coreos";
                push(skopeo, oci, "40.1", base);
                out.printf(
                        "Started docker-registry on 127.0.0.1:%d; $ skopeo copy oci:oci:40.1 docker://%s:40.1%n",
                        port, base);
            } else {
                base = null;
                out.println("(docker-registry or skopeo not installed: deploying from the OCI layout instead)");
            }
            ImageReference ref1 = base == null
                    ? ImageReference.parse("ostree-unverified-image:oci:" + oci + ":40.1")
                    : ImageReference.parse("ostree-unverified-registry:" + base + ":40.1");

            Sysroot sysroot = Sysroot.initFs(workdir.resolve("sysroot"));
            DeploymentDemo.step(out, "os-init fedora", sysroot.osInit("fedora"));
            DeploymentDemo.step(
                    out, "deploy --image=" + ref1, sysroot.deployImage("fedora", ref1, DeployOptions.DEFAULTS));
            DeploymentDemo.step(out, "boot 0", sysroot.boot(0));
            DeploymentDemo.status(sysroot, out);

            EncapsulateResult v2 = release(build, workdir, "40.2", oci);
            ImageReference ref2;
            if (base != null) {
                push(Objects.requireNonNull(skopeo), oci, "40.2", base); // base is set only with skopeo
                ref2 = ImageReference.parse("ostree-unverified-registry:" + base + ":40.2");
            } else {
                ref2 = ImageReference.parse("ostree-unverified-image:oci:" + oci + ":40.2");
            }
            out.printf("$ coreos4j container encapsulate … oci:oci:40.2   (manifest %s)%n", v2.manifestDigest());
            out.printf("$ coreos4j container image diff %s %s%n", ref1, ref2);
            for (String line : LayerDiff.between(ref1, ref2).lines()) {
                out.println("   " + line);
            }
            DeploymentDemo.step(
                    out,
                    "stage --image=" + ref2 + " (only the added layers are fetched)",
                    sysroot.stageImage("fedora", ref2, DeployOptions.DEFAULTS));
            DeploymentDemo.step(out, "finalize", sysroot.finalizeStaged());
            DeploymentDemo.step(out, "boot 0", sysroot.boot(0));
            DeploymentDemo.status(sysroot, out);
            DeploymentDemo.step(out, "rollback", sysroot.rollback());
            DeploymentDemo.status(sysroot, out);
            out.printf("Consistency check of the sysroot: %s%n", sysroot.check().isEmpty() ? "ok" : sysroot.check());
        } finally {
            if (registry != null) {
                registry.destroy();
                registry.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static EncapsulateResult release(Repository build, Path workdir, String version, Path oci)
            throws IOException {
        Path tree = tree(workdir.resolve("tree-" + version), version);
        build.commit(
                tree,
                CommitOptions.builder()
                        .branch("fedora/x86_64")
                        .subject("Fedora CoreOS " + version)
                        .timestamp(version.equals("40.1") ? 1_714_521_600L : 1_715_731_200L)
                        .ownerUid(0)
                        .ownerGid(0)
                        .noXattrs(true)
                        .addMetadataString("version", version)
                        .build());
        return Encapsulation.encapsulate(
                build,
                "fedora/x86_64",
                ImageReference.ociDir(oci, version),
                EncapsulateOptions.defaults().withMaxLayers(6));
    }

    private static void push(Path skopeo, Path oci, String tag, String base) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        skopeo.toString(),
                        "copy",
                        "--quiet",
                        "--dest-tls-verify=false",
                        "oci:" + oci + ":" + tag,
                        "docker://" + base + ":" + tag)
                .redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("skopeo copy failed: " + log.strip());
        }
    }

    private static void waitFor(int port) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 100; i++) {
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/"))
                                                .timeout(Duration.ofSeconds(2))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(100);
        }
        throw new IOException("docker-registry did not start on 127.0.0.1:" + port);
    }

    /** An OS tree: a kernel, /usr/etc, a few binaries and a larger data file (so the layers have some weight). */
    private static Path tree(Path dir, String version) throws IOException {
        Path modules = Files.createDirectories(dir.resolve("usr/lib/modules/6.8.0"));
        Files.writeString(modules.resolve("vmlinuz"), "kernel 6.8.0\n", StandardCharsets.UTF_8);
        Files.writeString(modules.resolve("initramfs.img"), "initramfs 6.8.0\n", StandardCharsets.UTF_8);
        Path etc = Files.createDirectories(dir.resolve("usr/etc"));
        Files.writeString(
                etc.resolve("os-release"),
                "ID=fedora\nPRETTY_NAME=\"Fedora CoreOS\"\nVERSION=\"" + version + "\"\n",
                StandardCharsets.UTF_8);
        Path bin = Files.createDirectories(dir.resolve("usr/bin"));
        Files.writeString(
                bin.resolve("rpm-ostree"), "#!/bin/sh\necho rpm-ostree " + version + "\n", StandardCharsets.UTF_8);
        Path share = Files.createDirectories(dir.resolve("usr/share/fonts"));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append("glyph ").append(i).append('\n');
        }
        Files.writeString(share.resolve("font.txt"), sb.toString(), StandardCharsets.UTF_8);
        return dir;
    }
}
