package dev.coreos4j.cli.container;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ostree.container.Compression;
import dev.coreos4j.ostree.container.EncapsulateOptions;
import dev.coreos4j.ostree.container.EncapsulateResult;
import dev.coreos4j.ostree.container.Encapsulation;
import dev.coreos4j.ostree.container.ImageException;
import dev.coreos4j.ostree.container.ImageImport;
import dev.coreos4j.ostree.container.ImageReference;
import dev.coreos4j.ostree.container.ImportOptions;
import dev.coreos4j.ostree.container.ImportResult;
import dev.coreos4j.ostree.container.LayerDiff;
import dev.coreos4j.ostree.repo.Repository;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coreos4j container}: OSTree commits as container images, with ostree-ext's spellings. */
@Command(
        name = "container",
        header = "OSTree commits as container images (the ostree-ext format of rpm-ostree and bootc).",
        mixinStandardHelpOptions = true,
        description = {
            "OSTree commits as container images in the ostree-ext format that rpm-ostree and bootc deploy.",
            "IMGREF: ostree-unverified-image:oci:DIR[:TAG], ostree-unverified-image:oci-archive:FILE,",
            "ostree-unverified-registry:HOST/NAME[:TAG]. Exit 1 when an image is refused (verification).",
        },
        subcommands = {
            ContainerCommand.Encapsulate.class,
            ContainerCommand.Unencapsulate.class,
            ContainerCommand.Image.class,
        })
public final class ContainerCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }

    /** Shared plumbing: streams, exit codes (refused image: one line, exit 1; I/O: exit 2 via Main). */
    abstract static class Sub implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        ImageReference ref(String text) {
            try {
                return ImageReference.parse(text);
            } catch (ImageException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        @Override
        public final Integer call() throws Exception {
            try {
                return execute();
            } catch (ImageException e) {
                err().println("coreos4j: error: " + e.getMessage() + " [" + e.kind() + "]");
                return ExitCode.INVALID;
            } catch (IllegalArgumentException | IllegalStateException e) {
                err().println("coreos4j: error: " + e.getMessage());
                return ExitCode.INVALID;
            } finally {
                out().flush();
                err().flush();
            }
        }

        abstract int execute() throws Exception;
    }

    @Command(
            name = "encapsulate",
            mixinStandardHelpOptions = true,
            description = "Write commit REV of the archive repository as an image: oci:DIR[:TAG] or oci-archive:FILE."
                    + " Prints the manifest digest last.")
    static final class Encapsulate extends Sub {
        @Option(names = "--repo", paramLabel = "REPO", required = true, description = "The archive repository.")
        Path repo;

        @Option(names = "--label", paramLabel = "K=V", description = "Add an image label (repeatable).")
        List<String> labels = List.of();

        @Option(
                names = "--compression",
                paramLabel = "gzip|zstd|none",
                defaultValue = "gzip",
                description = "Layer compression (default: ${DEFAULT-VALUE}).")
        String compression;

        @Option(
                names = "--max-layers",
                paramLabel = "N",
                defaultValue = "1",
                description = "Split the content into up to N layers in all (default: ${DEFAULT-VALUE}).")
        int maxLayers;

        @Parameters(index = "0", paramLabel = "REV")
        String rev;

        @Parameters(index = "1", paramLabel = "IMGREF")
        String dest;

        @Override
        int execute() throws IOException {
            Map<String, String> l = new TreeMap<>();
            for (String kv : labels) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new ParameterException(spec.commandLine(), "--label expects K=V, got '" + kv + "'");
                }
                l.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
            EncapsulateOptions o;
            try {
                o = EncapsulateOptions.defaults()
                        .withLabels(l)
                        .withCompression(Compression.parse(compression))
                        .withMaxLayers(maxLayers);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            EncapsulateResult r = Encapsulation.encapsulate(Repository.open(repo), rev, ref(dest), o);
            out().println("Encapsulated commit " + r.commit() + " in "
                    + r.manifest().layers().size() + " layer(s)");
            out().println(r.manifestDigest());
            return ExitCode.OK;
        }
    }

    @Command(
            name = "unencapsulate",
            mixinStandardHelpOptions = true,
            description = "Import an ostree-ext image into the archive repository, verifying every digest and object."
                    + " Prints the commit checksum last.")
    static final class Unencapsulate extends Sub {
        @Option(names = "--repo", paramLabel = "REPO", required = true, description = "The archive repository.")
        Path repo;

        @Option(names = "--write-ref", paramLabel = "REF", description = "Point REF at the imported commit.")
        String writeRef;

        @Option(
                names = {"-q", "--quiet"},
                description = "Print only the commit checksum.")
        boolean quiet;

        @Parameters(paramLabel = "IMGREF")
        String image;

        @Override
        int execute() throws IOException {
            ImportOptions o = writeRef == null
                    ? ImportOptions.defaults()
                    : ImportOptions.defaults().withRef(writeRef);
            ImportResult r = ImageImport.importImage(Repository.open(repo), ref(image), o);
            if (!quiet) {
                out().println("Image: " + image);
                out().println("Digest: " + r.manifestDigest());
                out().println("Layers: " + r.layersFetched() + " fetched (" + LayerDiff.formatSize(r.bytesFetched())
                        + "), " + r.layersSkipped() + " already present");
            }
            out().println(r.commit());
            return ExitCode.OK;
        }
    }

    @Command(
            name = "image",
            mixinStandardHelpOptions = true,
            description = "Operate on container images.",
            subcommands = {ContainerCommand.Diff.class})
    static final class Image implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new ParameterException(spec.commandLine(), "missing command");
        }
    }

    @Command(
            name = "diff",
            mixinStandardHelpOptions = true,
            description = "Compare the layers of two images: what an update from the first to the second downloads.")
    static final class Diff extends Sub {
        @Parameters(index = "0", paramLabel = "FROM")
        String from;

        @Parameters(index = "1", paramLabel = "TO")
        String to;

        @Override
        int execute() throws IOException {
            LayerDiff d = LayerDiff.between(ref(from), ref(to));
            d.lines().forEach(out()::println);
            return ExitCode.OK;
        }
    }
}
