package dev.coreos4j.ostree.deploy;

import dev.coreos4j.ostree.container.ImageImport;
import dev.coreos4j.ostree.container.ImageReference;
import dev.coreos4j.ostree.container.ImportOptions;
import dev.coreos4j.ostree.repo.Repository;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child process of {@link ImageCrashSafetyTest}: warms up, prints {@code READY}, waits for a line on stdin, then
 * imports an image into {@code DIR/repo} ({@code import}) or deploys it into the sysroot {@code DIR}
 * ({@code deploy}), and prints {@code DONE}. The parent kills it with SIGKILL at a random instant.
 */
public final class ImageCrashChild {

    private ImageCrashChild() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String op = args[1];
        ImageReference ref = ImageReference.parse(args[2]);
        // warm up: one full import into a scratch repository, so that the timed operation is the operation
        Path scratch = java.nio.file.Files.createTempDirectory("coreos4j-crash-warm");
        ImageImport.importImage(Repository.init(scratch.resolve("repo")), ref, ImportOptions.defaults());
        dev.coreos4j.ostree.repo.FileTrees.deleteTree(scratch);
        Sysroot sysroot = op.equals("deploy") ? Sysroot.open(dir) : null;
        if (sysroot != null) {
            sysroot.load();
        }
        System.out.println("READY");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (op.equals("import")) {
            ImageImport.importImage(
                    Repository.open(dir.resolve("repo")),
                    ref,
                    ImportOptions.defaults().withRef("os"));
            System.out.println("DONE");
        } else {
            Transition t = sysroot.deployImage("testos", ref, DeployOptions.DEFAULTS);
            System.out.println(t.isApplied() ? "DONE" : "REFUSED " + t.message());
        }
        System.out.flush();
    }
}
