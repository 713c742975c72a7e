package dev.coreos4j.cli.demo;

import dev.coreos4j.cli.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coreos4j demo}: the main job end to end on embedded defaults, told as a story. */
@Command(
        name = "demo",
        header = "Run the whole coreos4j story end to end on embedded defaults.",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the whole coreos4j story on embedded defaults: an Ignition config built, validated and written;",
            "an OS tree committed to an archive repository and checked; a sysroot deployed, staged and rolled",
            "back; an OS update encapsulated as a container image and deployed from it (through a local registry",
            "when docker-registry and skopeo are installed); a fleet upgrade planned. Needs no network and no root.",
        })
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--workdir",
            paramLabel = "DIR",
            description = "Keep every file the demo writes in DIR (created if missing). Without it the demo works in"
                    + " a temporary folder and removes it afterwards.")
    Path workdir;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        boolean keep = workdir != null;
        Path root =
                keep ? Files.createDirectories(workdir.toAbsolutePath()) : Files.createTempDirectory("coreos4j-demo-");
        try {
            List<DemoStep> steps = List.of(
                    new IgnitionDemo(), new OstreeDemo(), new DeploymentDemo(), new ContainerDemo(), new PlannerDemo());
            int n = 0;
            for (DemoStep step : steps) {
                n++;
                out.printf("%n== %d/%d  %s%n", n, steps.size(), step.title());
                Path dir = Files.createDirectories(root.resolve(String.format("%d-%s", n, slug(step.title()))));
                try {
                    step.run(dir, out);
                } catch (IOException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("demo step '" + step.title() + "' failed: " + e.getMessage(), e);
                }
            }
            out.printf("%nDone. %s%n", keep ? "Everything the demo wrote is in " + root : "Temporary files removed.");
            return ExitCode.OK;
        } finally {
            out.flush();
            if (!keep) {
                deleteTree(root);
            }
        }
    }

    private static String slug(String title) {
        String s = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        s = s.replaceAll("^-+|-+$", "");
        return s.length() > 24 ? s.substring(0, 24).replaceAll("-+$", "") : s;
    }

    private static void deleteTree(Path root) throws IOException {
        dev.coreos4j.ostree.repo.FileTrees.deleteTree(root);
    }
}
